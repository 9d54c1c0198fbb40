"""The review page: every question that applies, grouped by section, with a Change button per section.

Answers read as a person would say them; group entries as labelled lines; questions left empty as "not
answered"; amounts in the patient's currency. Change goes back to that page, where "Back to review" waits.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, QWizardPage

from screener.gui.scroll import scrolling
from screener.i18n import _
from screener.session.questionnaire import QuestionnaireSession


class ReviewPage(QWizardPage):
    change_requested = Signal(str)  # the section id

    def __init__(self, session: QuestionnaireSession):
        super().__init__()
        self.session = session
        self.retranslate()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.area = None
        self.change_buttons: dict[str, QPushButton] = {}

    def retranslate(self) -> None:
        self.setTitle(_("Check your answers"))
        self.setSubTitle(_("These are the answers that will go into your summary. Use Change to correct any of them."))

    def show_current(self) -> None:
        """Build the review from the session's answers now (called each time the page is entered)."""
        if self.area is not None:
            self.area.deleteLater()
        content = QWidget()
        layout = QVBoxLayout(content)
        self.change_buttons = {}
        for part in self.session.review():
            head = QHBoxLayout()
            title = QLabel(part.section.title)
            title.setObjectName("reviewtitle")
            head.addWidget(title, 1)
            change = QPushButton(_("Change"))
            change.setAccessibleName(_("Change your answers about: {section}").format(section=part.section.title))
            change.clicked.connect(lambda _checked=False, step=part.section.id: self.change_requested.emit(step))
            head.addWidget(change)
            layout.addLayout(head)
            self.change_buttons[part.section.id] = change
            for line in part.lines:
                label = QLabel(f"<b>{_html(line.label)}</b><br>{_html(line.value)}")
                label.setWordWrap(True)
                layout.addWidget(label)
        layout.addStretch(1)
        self.area = scrolling(content)
        self.layout_.addWidget(self.area)

    def focus_first(self) -> None:
        if self.change_buttons:
            next(iter(self.change_buttons.values())).setFocus(Qt.FocusReason.TabFocusReason)


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>")
