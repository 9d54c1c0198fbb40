"""The review page: every answer that applies, grouped by section, each section with a Change button."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, QWizardPage

from screener.content.form import GroupQuestion
from screener.engine.visibility import prune
from screener.gui.pages import scrolling

if TYPE_CHECKING:
    from screener.gui.wizard import Wizard


class ReviewPage(QWizardPage):
    def __init__(self, wizard: Wizard):
        super().__init__()
        self.owner = wizard
        self.setTitle("Check your answers")
        self.setSubTitle("These are the answers that will go into your summary. Use Change to correct any of them.")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.area = None
        self.change_buttons: dict[str, QPushButton] = {}

    def initializePage(self) -> None:
        if self.area is not None:
            self.area.deleteLater()
        content = QWidget()
        layout = QVBoxLayout(content)
        answers = prune(self.owner.bundle.form, self.owner.answers)
        self.change_buttons = {}
        for page in self.owner.section_pages:
            questions = [q for q in page.section.questions if q.id in answers]
            if not questions:
                continue
            head = QHBoxLayout()
            title = QLabel(page.section.title)
            title.setObjectName("reviewtitle")
            head.addWidget(title, 1)
            change = QPushButton("Change")
            change.setAccessibleName(f"Change your answers about: {page.section.title}")
            page_id = self.owner.pageIds()[self.owner.section_pages.index(page) + 1]  # after the start page
            change.clicked.connect(lambda _checked=False, page_id=page_id: self.owner.go_to(page_id))
            head.addWidget(change)
            layout.addLayout(head)
            self.change_buttons[page.section.id] = change
            for question in questions:
                label = QLabel(f"<b>{_html(question.label.strip())}</b><br>{_html(self._show(question, answers))}")
                label.setWordWrap(True)
                layout.addWidget(label)
        layout.addStretch(1)
        self.area = scrolling(content)
        self.layout_.addWidget(self.area)

    @staticmethod
    def _show(question, answers) -> str:
        value = answers[question.id]
        if isinstance(question, GroupQuestion):
            lines = []
            for number, entry in enumerate(value, start=1):
                parts = [item.display(entry[item.id]) for item in question.questions if item.id in entry]
                lines.append(f"{number}. " + ", ".join(parts))
            return "\n".join(lines)
        return question.display(value)


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>")
