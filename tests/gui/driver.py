"""Drives the wizard the way a patient does: clicks on options, typing into fields, and the Next button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPlainTextEdit, QWizard

from screener.gui.pages import SectionPage
from screener.gui.widgets.question_row import QuestionRow
from tests.conftest import SAFETY_ANSWERS
from tests.gui.windows import assert_at_most_one_window


class PatientDriver:
    def __init__(self, qtbot, wizard):
        self.qtbot = qtbot
        self.wizard = wizard

    @property
    def page(self):
        return self.wizard.currentPage()

    def row(self, question_id: str) -> QuestionRow:
        page = self.page
        assert isinstance(page, SectionPage), f"not on a question page but on {page.title()}"
        return page.rows[question_id]

    def _click(self, button: QAbstractButton) -> None:
        QApplication.processEvents()  # lay out and paint first: a person clicks what is on the screen
        assert button.isVisible() and button.height() > 0, button.text()
        # on the label's first letters: a stretched radio button only reacts on its indicator and text
        where = QPoint(min(12, button.width() // 2), button.height() // 2)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=where)

    def choose(self, question_id: str, *values) -> None:
        row = self.row(question_id)
        for value in values:
            self._click(row.input.buttons[value])
        assert_at_most_one_window()

    def answer_safety(self, risk: str = "none") -> None:
        """The safety questions, one by one as a person would: "none", "screen" (a yes) or "now"."""
        for question_id, value in SAFETY_ANSWERS[risk].items():
            self.choose(question_id, value)

    def type(self, question_id: str, text: str) -> None:
        self._type_into(self.row(question_id).input, text)

    def _type_into(self, answer_widget, text: str) -> None:
        edit = answer_widget.inputs()[0]
        assert isinstance(edit, (QLineEdit, QPlainTextEdit))
        edit.setFocus()
        for char in text:
            if char.isascii():
                self.qtbot.keyClicks(edit, char)
            else:  # QTest only types ASCII; a real keyboard sends other letters as key events with text
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        edit, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                    )

    def add_entry(self, group_id: str, **answers) -> None:
        group = self.row(group_id).input
        self._click(group.add_button)
        for item_id, value in answers.items():
            item = group.rows[item_id].input
            if hasattr(item, "buttons"):
                self._click(item.buttons[value])
            else:
                self._type_into(item, str(value))

    def next(self) -> None:
        self._click(self.wizard.button(QWizard.WizardButton.NextButton))
        assert_at_most_one_window()

    def back(self) -> None:
        self._click(self.wizard.button(QWizard.WizardButton.BackButton))

    def on(self, section_id: str) -> None:
        assert isinstance(self.page, SectionPage) and self.page.step_id == section_id, self.page.title()

    def next_until_review(self) -> None:
        for _ in range(len(self.wizard.section_pages) + 1):
            if self.page is self.wizard.review_page:
                return
            self.next()
        raise AssertionError("never reached the review page")
