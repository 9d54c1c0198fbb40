"""Wizard pages generated from the form: one page per section, plus the crisis panel it may show.

A page shows only the questions that apply (the engine's visibility function decides), validates inline
on Next, and skips to the next page that applies. No page is written by hand for a question.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from screener.content.form import Section
from screener.gui.text import reflow
from screener.gui.widgets.kinds import question_row
from screener.gui.widgets.question_row import QuestionRow

if TYPE_CHECKING:
    from screener.gui.wizard import Wizard


def scrolling(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class CrisisPanel(QFrame):
    """Crisis lines for the patient's country, shown at once and never blocking: 'keep going' folds it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crisis")
        self.setAccessibleName("Help is available now")
        layout = QVBoxLayout(self)
        self.title = QLabel("Help is available now")
        self.title.setObjectName("crisistitle")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep_going = QPushButton("I have read this. Keep going")
        self.keep_going.setAccessibleName("I have read the crisis numbers. Keep going")
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.keep_going, 0, Qt.AlignmentFlag.AlignLeft)
        self.keep_going.clicked.connect(self._fold)
        self.hide()

    def show_lines(self, message: str, lines: list[str]) -> None:
        self.body.setText("\n".join([message, "", *lines]))
        self.body.setAccessibleName(self.body.text())
        self.keep_going.show()
        self.show()

    def _fold(self) -> None:
        self.keep_going.hide()


class SectionPage(QWizardPage):
    """One form section as a wizard page."""

    def __init__(self, wizard: Wizard, section: Section):
        super().__init__()
        self.owner = wizard
        self.section = section
        self.setTitle(section.title)
        content = QWidget()
        layout = QVBoxLayout(content)
        if section.intro:
            intro = QLabel(reflow(section.intro))
            intro.setWordWrap(True)
            intro.setObjectName("intro")
            layout.addWidget(intro)
        self.content_layout = layout
        self.rows: dict[str, QuestionRow] = {}
        self.crisis = CrisisPanel()
        for question in section.questions:
            row = question_row(question)
            row.set_value(wizard.answers.get(question.id))
            row.changed.connect(lambda row=row: wizard.set_answer(row.question.id, row.value()))
            layout.addWidget(row)
            self.rows[question.id] = row
            if question.id in wizard.crisis_questions:
                layout.addWidget(self.crisis)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))

    def add_panel(self, panel: QWidget) -> None:
        """Put a panel (such as the privacy choices) under the page's introduction."""
        self.content_layout.insertWidget(1 if self.section.intro else 0, panel)

    def refresh(self, applicable_ids: set[str]) -> None:
        for question_id, row in self.rows.items():
            row.setVisible(question_id in applicable_ids)

    def restore(self, answers: dict[str, Any]) -> None:
        for question_id, row in self.rows.items():
            row.set_value(answers.get(question_id))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F1:
            for row in self.rows.values():
                if row.isAncestorOf(self.focusWidget()):
                    row.toggle_help()
                    return
        super().keyPressEvent(event)

    def validatePage(self) -> bool:
        first_problem: QuestionRow | None = None
        answers = self.owner.answers
        for row in self.rows.values():
            if not row.isVisibleTo(self):
                continue
            problem = row.problem(answers)
            row.show_error(problem)
            if problem and first_problem is None:
                first_problem = row
        if first_problem is not None:
            inputs = first_problem.input.inputs()
            if inputs:
                inputs[0].setFocus()
            return False
        return True

    def nextId(self) -> int:
        return self.owner.next_page_after(self)
