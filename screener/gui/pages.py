"""Wizard pages generated from the form: one page per section, and the crisis panel of the safety page.

A page shows only the questions that apply (the session decides), validates inline on Next, focuses its
first question when it opens and its first problem when Next is refused. No page is written by hand for a
question. Only a page that asks a safety question has a crisis panel, inside the page itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from screener.content.form import Section
from screener.gui.scroll import scrolling
from screener.gui.text import reflow
from screener.gui.widgets.kinds import question_row
from screener.gui.widgets.question_row import QuestionRow
from screener.i18n import _
from screener.report.model import CrisisView
from screener.session.questionnaire import QuestionnaireSession


class CrisisPanel(QFrame):
    """Crisis lines for the patient's region, shown at once and never blocking: 'keep going' folds it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crisis")
        self.setAccessibleName(_("Help is available now"))
        layout = QVBoxLayout(self)
        self.title = QLabel(_("Help is available now"))
        self.title.setObjectName("crisistitle")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep_going = QPushButton(_("I have read this. Keep going"))
        self.keep_going.setAccessibleName(_("I have read the crisis numbers. Keep going"))
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.keep_going, 0, Qt.AlignmentFlag.AlignLeft)
        self.keep_going.clicked.connect(self.keep_going.hide)
        self.hide()

    def show_crisis(self, crisis: CrisisView | None) -> None:
        if crisis is None:
            self.hide()
            return
        self.title.setText(crisis.title)
        self.body.setText("\n".join([crisis.message, "", *crisis.plain_lines()]))
        self.body.setAccessibleName(self.body.text())
        self.keep_going.show()
        self.show()


class SectionPage(QWizardPage):
    """One form section as a wizard page. Every edit is sent out as ``answer_changed(question id, value)``."""

    answer_changed = Signal(str, object)

    def __init__(self, session: QuestionnaireSession, section: Section):
        super().__init__()
        self.session = session
        self.section = section
        self.step_id = section.id
        self.setTitle(section.title)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.area: QScrollArea | None = None
        self._rows: dict[str, QuestionRow] = {}
        self._crisis: CrisisPanel | None = None
        self._applicable: set[str] | None = None  # what refresh() said applies, kept until the page is built
        self._crisis_view: CrisisView | None = None

    # --- built when first needed -------------------------------------------------------------------
    # A page's widgets are made when it is first reached (or prepared just before), not all at start-up:
    # by then the session holds every answer, so nothing a keyboard or screen-reader user meets differs.
    @property
    def built(self) -> bool:
        return self.area is not None

    def build(self) -> None:
        if self.built:
            return
        content = QWidget()
        layout = QVBoxLayout(content)
        if self.section.intro:
            intro = QLabel(reflow(self.section.intro))
            intro.setWordWrap(True)
            intro.setObjectName("intro")
            layout.addWidget(intro)
        self.content_layout = layout
        for question in self.section.questions:
            row = question_row(question)
            row.set_value(self.session.answers.get(question.id))
            row.changed.connect(lambda row=row: self.answer_changed.emit(row.question.id, row.value()))
            layout.addWidget(row)
            self._rows[question.id] = row
            if question.id in self.session.crisis_questions and self._crisis is None:
                self._crisis = CrisisPanel(content)
                layout.addWidget(self._crisis)
        layout.addStretch(1)
        self.area = scrolling(content)
        self.layout().addWidget(self.area)
        if self._applicable is not None:
            self.refresh(self._applicable)
        if self._crisis is not None:
            self._crisis.show_crisis(self._crisis_view)

    def use_section(self, section: Section) -> None:
        """The same section in another language: a page already built is built again from the session's answers
        (what was typed and not yet accepted, such as a half-written date, is not an answer and is not kept)."""
        self.section = section
        self.setTitle(section.title)
        if not self.built:
            return
        self.layout().removeWidget(self.area)
        self.area.deleteLater()
        self.area = None
        self._rows = {}
        self._crisis = None
        self.build()
        self.area.show()  # now, not when the layout gets round to it: the page is on screen

    @property
    def rows(self) -> dict[str, QuestionRow]:
        self.build()
        return self._rows

    @property
    def crisis(self) -> CrisisPanel | None:
        self.build()
        return self._crisis

    def initializePage(self) -> None:
        self.build()

    def show_crisis(self, crisis: CrisisView | None) -> None:
        """Show or hide the crisis panel; when it appears or its words change, bring it into view and announce it."""
        self._crisis_view = crisis
        if not self.built or self._crisis is None:
            return  # shown as it is when the page is built
        before = (self._crisis.isHidden(), self._crisis.body.text())
        self._crisis.show_crisis(crisis)
        if crisis is not None and before != (False, self._crisis.body.text()):
            QTimer.singleShot(0, self._bring_crisis_into_view)  # once the layout has made room for it

    def _bring_crisis_into_view(self) -> None:
        if self._crisis is None or self._crisis.isHidden():
            return
        self.area.ensureWidgetVisible(self._crisis, 0, 24)
        QAccessible.updateAccessibility(QAccessibleEvent(self._crisis.body, QAccessible.Event.Alert))

    def refresh(self, applicable_ids: set[str]) -> None:
        self._applicable = applicable_ids
        for question_id, row in self._rows.items():
            row.setVisible(question_id in applicable_ids)

    def restore(self, answers: dict[str, Any]) -> None:
        for question_id, row in self._rows.items():  # a page not built yet takes them from the session
            row.set_value(answers.get(question_id))

    def visible_rows(self) -> list[QuestionRow]:
        return [row for row in self.rows.values() if row.isVisibleTo(self)]

    def focus_first(self) -> None:
        """Put the keyboard on the first question that shows, and bring it into view."""
        for row in self.visible_rows():
            inputs = row.input.inputs()
            if inputs:
                row.focus_input()
                self.area.ensureWidgetVisible(row)
                return

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F1:
            for row in self.rows.values():
                if row.isAncestorOf(self.focusWidget()):
                    row.toggle_help()
                    return
        super().keyPressEvent(event)

    def validatePage(self) -> bool:
        first_problem: QuestionRow | None = None
        for row in self.visible_rows():
            problem = row.problem(self.session.answers)
            row.show_error(problem)
            if problem and first_problem is None:
                first_problem = row
        if first_problem is not None:
            first_problem.focus_problem()
            self.area.ensureWidgetVisible(first_problem)
            return False
        return True
