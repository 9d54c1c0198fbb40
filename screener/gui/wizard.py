"""The questionnaire wizard: pages from the form, a progress list, review, summary, and a safe close.

The wizard keeps every answer typed (so Back never loses one) and hands the engine only the answers
that apply (so an abandoned branch never reaches the summary). Crisis lines appear as soon as a safety
answer calls for them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget, QWizard

from screener.conditions import references
from screener.engine import evaluate_answers
from screener.gui.pages import SectionPage
from screener.gui.review_page import ReviewPage
from screener.gui.summary_page import SummaryPage
from screener.loader import FormBundle
from screener.report import build_report
from screener.summary_text import crisis_lines_text
from screener.visibility import applicable


class ProgressList(QWidget):
    """The sections down the side: done, current, still to come, or skipped because they do not apply."""

    def __init__(self, titles: list[str]):
        super().__init__()
        self.setObjectName("progress")
        layout = QVBoxLayout(self)
        self.step = QLabel()
        self.step.setObjectName("step")
        layout.addWidget(self.step)
        self.labels = [QLabel(title) for title in titles]
        for label in self.labels:
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        self.setMinimumWidth(200)

    def show_progress(self, current: int, skipped: set[int]) -> None:
        shown = [index for index in range(len(self.labels)) if index not in skipped]
        position = shown.index(current) + 1 if current in shown else 1
        self.step.setText(f"Step {position} of {len(shown)}")
        self.step.setAccessibleName(f"Progress: step {position} of {len(shown)}")
        for index, label in enumerate(self.labels):
            title = label.text().split("  ")[-1]
            state = "skipped" if index in skipped else "current" if index == current else (
                "done" if index < current else "todo")
            marker = {"done": "✓", "current": "▶", "todo": "•", "skipped": "–"}[state]
            label.setText(f"{marker}  {title}")
            label.setProperty("state", state)
            label.setAccessibleName(f"{title}: {'not needed' if state == 'skipped' else state}")
            label.style().unpolish(label)
            label.style().polish(label)


class Wizard(QWizard):
    def __init__(self, bundle: FormBundle, parent: QWidget | None = None):
        super().__init__(parent)
        self.bundle = bundle
        self.answers: dict[str, Any] = {}
        self.summary_kept = False  # the patient saved, printed or opened the PDF
        self.setWindowTitle(bundle.form.title)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, "Next")
        self.setButtonText(QWizard.WizardButton.BackButton, "Back")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Finish")
        self.crisis_questions = {name for rule in bundle.rules.rules if rule.category == "safety"
                                 for kind, name in references(rule.when) if kind == "answer"}
        self.section_pages: list[SectionPage] = []
        for section in bundle.form.sections:
            page = SectionPage(self, section)
            self.section_pages.append(page)
            self.addPage(page)
        self.review_page = ReviewPage(self)
        self.review_id = self.addPage(self.review_page)
        self.summary_page = SummaryPage(self)
        self.summary_id = self.addPage(self.summary_page)
        self.progress = ProgressList([section.title for section in bundle.form.sections] + ["Review", "Summary"])
        self.setSideWidget(self.progress)
        self.currentIdChanged.connect(lambda _id: self.refresh())
        self.resize(960, 720)
        self.refresh()

    # --- answers -----------------------------------------------------------------------------------
    def set_answer(self, question_id: str, value: Any) -> None:
        if value is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = value
        self.refresh()
        if question_id in self.crisis_questions:
            self._update_crisis()

    def restore(self, answers: dict[str, Any]) -> None:
        """Put saved answers back into every page (after the wizard is built)."""
        self.answers = dict(answers)
        for page in self.section_pages:
            page.restore(self.answers)
        self.refresh()
        self._update_crisis()

    def applicable(self):
        return applicable(self.bundle.form, self.answers)

    def refresh(self) -> None:
        shown = self.applicable()
        for page in self.section_pages:
            page.refresh(set(shown.questions))
        skipped = {index for index, page in enumerate(self.section_pages)
                   if not shown.section_applies(page.section.id)}
        self.progress.show_progress(self._page_index(), skipped)

    def _page_index(self) -> int:
        current = self.currentPage()
        if current in self.section_pages:
            return self.section_pages.index(current)
        return len(self.section_pages) + (0 if current is self.review_page else 1)

    def _update_crisis(self) -> None:
        result = evaluate_answers(self.bundle, self.answers)
        report = build_report(self.bundle, result, made_on=dt.date.today())
        for page in self.section_pages:
            if report.crisis:
                page.crisis.show_lines(report.crisis.message, crisis_lines_text(result))
            else:
                page.crisis.hide()

    # --- navigation --------------------------------------------------------------------------------
    def next_page_after(self, page: SectionPage) -> int:
        shown = self.applicable()
        index = self.section_pages.index(page)
        for later in self.section_pages[index + 1:]:
            if shown.section_applies(later.section.id):
                return self.pageIds()[self.section_pages.index(later)]
        return self.review_id

    def go_to(self, page_id: int) -> None:
        """Go back to an earlier page (from the review page), keeping every answer."""
        while self.currentId() != page_id and self.currentId() != self.startId():
            self.back()
        if self.currentId() != page_id:  # the page was not on the way here; walk forward to it
            while self.currentId() != page_id and self.currentId() != self.review_id:
                self.next()

    # --- closing -----------------------------------------------------------------------------------
    def reject(self) -> None:
        if self.answers and not self.summary_kept:
            choice = QMessageBox.question(
                self, "Close without your answers?",
                "If you close now, your answers will be lost. Do you want to close?",
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if choice != QMessageBox.StandardButton.Close:
                return
        super().reject()

    def accept(self) -> None:
        if not self.summary_kept:
            choice = QMessageBox.question(
                self, "Finish without your summary?",
                "You have not saved, printed or opened your summary yet. Finish anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if choice != QMessageBox.StandardButton.Yes:
                return
        super().accept()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        event.ignore()
        self.reject()
        if self.result() == QWizard.DialogCode.Rejected and not self.isVisible():
            event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
