"""The questionnaire wizard: pages from the form, a progress list, review, summary, and a safe close.

The wizard keeps every answer typed (so Back never loses one) and hands the engine only the answers
that apply (so an abandoned branch never reaches the summary). Crisis lines appear as soon as a safety
answer calls for them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget, QWizard

from screener.gui.lazy import lazy_import
from screener.gui.start_page import StartPage, StartText

if TYPE_CHECKING:
    from screener.content.bundle import FormBundle
    from screener.store.drafts import DraftFound, DraftStore

# Loaded when first used, after the first page is on screen (see screener.gui.lazy).
answers_module = lazy_import("screener.engine.answers")
conditions = lazy_import("screener.content.conditions")
engine = lazy_import("screener.engine.evaluation")
pages = lazy_import("screener.gui.pages")
privacy_panel = lazy_import("screener.gui.privacy_panel")
review_page = lazy_import("screener.gui.review_page")
summary_page = lazy_import("screener.gui.summary_page")
report = lazy_import("screener.report.build")
visibility = lazy_import("screener.engine.visibility")

AUTOSAVE_DELAY_MS = 400  # the draft is never more than this behind the last change
PRELOAD_AFTER_MS = 1500  # well after the first page is up, long before anyone reaches the summary


STATE_STYLES = {
    "current": "font-weight: bold; color: #1f3a5f; background: #dde7f1;",
    "skipped": "color: #595959;",
    "done": "",
    "todo": "",
}


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
        self.saved = QLabel()
        self.saved.setObjectName("saved")
        self.saved.setWordWrap(True)
        layout.addWidget(self.saved)
        self.setMinimumWidth(200)

    def show_progress(self, current: int, skipped: set[int]) -> None:
        shown = [index for index in range(len(self.labels)) if index not in skipped]
        position = shown.index(current) + 1 if current in shown else 1
        self.step.setText(f"Step {position} of {len(shown)}")
        self.step.setAccessibleName(f"Progress: step {position} of {len(shown)}")
        for index, label in enumerate(self.labels):
            title = label.text().split("  ")[-1]
            state = (
                "skipped"
                if index in skipped
                else "current"
                if index == current
                else ("done" if index < current else "todo")
            )
            marker = {"done": "✓", "current": "▶", "todo": "•", "skipped": "–"}[state]
            label.setText(f"{marker}  {title}")
            label.setStyleSheet(STATE_STYLES[state])
            label.setAccessibleName(f"{title}: {'not needed' if state == 'skipped' else state}")


class Wizard(QWizard):
    """The questionnaire window. Built in two steps so that its first page can show at once:
    ``Wizard(start=...)`` shows the introduction, ``attach()`` adds the questionnaire. Given a bundle,
    the constructor does both."""

    def __init__(
        self,
        bundle: FormBundle | None = None,
        store: DraftStore | None = None,
        found: DraftFound | None = None,
        start: StartText | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.bundle = bundle
        self.store = store
        self.shared_mode = False  # the patient asked us to keep nothing on this computer
        self.answers: dict[str, Any] = {}
        self.summary_kept = False  # the patient saved, printed or opened the PDF
        self.section_pages: list = []
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave.timeout.connect(self.save_draft)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, "Next")
        self.setButtonText(QWizard.WizardButton.BackButton, "Back")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Finish")
        if start is None:
            assert bundle is not None, "a Wizard needs either the start text or the bundle"
            first = bundle.form.sections[0]
            start = StartText(
                bundle.form.title, first.title, first.intro or "", [section.title for section in bundle.form.sections]
            )
        self.setWindowTitle(start.window_title)
        self.start_page = StartPage(start)
        self.addPage(self.start_page)
        self.progress = ProgressList([*start.section_titles, "Review", "Summary"])
        self.setSideWidget(self.progress)
        self.progress.show_progress(0, set())
        self.resize(960, 720)
        if bundle is not None:
            self.attach(bundle, store, found)

    def attach(self, bundle: FormBundle, store: DraftStore | None, found: DraftFound | None) -> None:
        """Build the questionnaire's pages behind the first page, and make Next available."""
        self.bundle = bundle
        self.store = store
        self.crisis_questions = {
            name
            for rule in bundle.rules.rules
            if rule.category == "safety"
            for kind, name in conditions.references(rule.when)
            if kind == "answer"
        }
        self.start_page.section = bundle.form.sections[0]
        for section in bundle.form.sections[1:]:
            page = pages.SectionPage(self, section)
            self.section_pages.append(page)
            self.addPage(page)
        self.review_page = review_page.ReviewPage(self)
        self.review_id = self.addPage(self.review_page)
        self.summary_page = summary_page.SummaryPage(self)
        self.addPage(self.summary_page)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, "Delete my answers")
        self.button(QWizard.WizardButton.CustomButton1).setAccessibleDescription(
            "Removes your answers from this program and from this computer"
        )
        self.customButtonClicked.connect(lambda _which: self.delete_answers())
        self.privacy = privacy_panel.PrivacyPanel()
        self.start_page.add_panel(self.privacy)
        self.privacy.resume_requested.connect(self.resume_draft)
        self.privacy.start_over_requested.connect(self.start_over)
        self.privacy.shared_mode_changed.connect(self.set_shared_mode)
        self._draft = found.document if found else None
        if self._draft is not None:
            self.privacy.offer_resume(self._draft.saved_at)
        if found and found.problem:
            self.privacy.say(found.problem)
        self.start_page.set_ready()
        if self.isVisible():
            self.restart()  # the start page was shown as the only page: let QWizard lay out Next again
        self.currentIdChanged.connect(self._page_changed)
        self.refresh()
        QTimer.singleShot(PRELOAD_AFTER_MS, self._preload_pdf_stack)

    def _preload_pdf_stack(self) -> None:
        """While the patient reads and answers, load reportlab, the fonts and QtPdf, so Finish is quick."""
        import PySide6.QtPdfWidgets  # noqa: F401  (the summary page's preview)

        from screener.report.pdf_text import register_fonts

        register_fonts()

    # --- answers -----------------------------------------------------------------------------------
    def set_answer(self, question_id: str, value: Any) -> None:
        if value is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = value
        self.refresh()
        if question_id in self.crisis_questions:
            self._update_crisis()
        if not self.autosave.isActive():  # not restarted on every key, so never more than the delay behind
            self.autosave.start()

    # --- drafts ------------------------------------------------------------------------------------
    def _page_changed(self, _page_id: int) -> None:
        self.refresh()
        if self.answers:
            self.save_draft()

    def _current_section(self) -> str | None:
        page = self.currentPage()
        return page.section.id if isinstance(page, (StartPage, pages.SectionPage)) else None

    def save_draft(self) -> None:
        """Write the answers that apply, and the page, to the draft (not in shared-computer mode)."""
        self.autosave.stop()
        if self.store is None or self.shared_mode or not self.answers:
            return
        answers = visibility.prune(self.bundle.form, self.answers)
        document = answers_module.new_document(
            self.bundle.form, answers, page=self._current_section(), saved_at=dt.datetime.now().replace(microsecond=0)
        )
        try:
            self.store.save(document)
        except OSError as error:
            self.progress.saved.setText(
                f"Your answers could not be saved on this computer "
                f"({error.strerror or error}). Please keep this window open."
            )
            return
        self.progress.saved.setText(f"Answers saved on this computer at {document.saved_at:%H:%M}.")

    def resume_draft(self) -> None:
        if self._draft is None:
            return
        self.privacy.close_offer()
        self.restore(self._draft.answers)
        target = self._draft.page
        for _ in self.section_pages:
            if self._current_section() == target or self.currentId() == self.review_id:
                break
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    def start_over(self) -> None:
        self._draft = None
        self.privacy.close_offer()
        if self.store is not None:
            self.store.delete()
        self.privacy.say("Your earlier answers were deleted from this computer. You are starting afresh.")

    def set_shared_mode(self, shared: bool) -> None:
        self.shared_mode = shared
        self.summary_page.open_button.setEnabled(not shared)
        if shared:
            self.autosave.stop()
            deleted = self.store.delete() if self.store is not None else False
            self.progress.saved.setText("Nothing is kept on this computer.")
            self.privacy.say(
                "Nothing will be kept on this computer, except a PDF you choose to save."
                + (" Your saved answers were deleted." if deleted else "")
            )
        else:
            self.privacy.say("")
            self.save_draft()

    def delete_answers(self) -> None:
        choice = QMessageBox.question(
            self,
            "Delete your answers?",
            "This removes all your answers from this program and from this computer. It cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if choice != QMessageBox.StandardButton.Yes:
            return
        self.autosave.stop()
        if self.store is not None:
            self.store.delete()
        self._draft = None
        self.privacy.close_offer()
        self.restore({})  # first, so that going back to the start saves nothing
        self.restart()
        self.progress.saved.setText("")
        self.privacy.say("Your answers were deleted from this program and from this computer.")

    def restore(self, answers: dict[str, Any]) -> None:
        """Put saved answers back into every page (after the wizard is built)."""
        self.answers = dict(answers)
        for page in self.section_pages:
            page.restore(self.answers)
        self.refresh()
        self._update_crisis()

    def applicable(self):
        return visibility.applicable(self.bundle.form, self.answers)

    def refresh(self) -> None:
        shown = self.applicable()
        for page in self.section_pages:
            page.refresh(set(shown.questions))
        skipped = {index for index, page in enumerate(self.section_pages) if not shown.section_applies(page.section.id)}
        self.progress.show_progress(self._page_index(), {index + 1 for index in skipped})

    def _page_index(self) -> int:
        """The current page's place in the progress list (the start page is 0)."""
        current = self.currentPage()
        if current is self.start_page:
            return 0
        if current in self.section_pages:
            return self.section_pages.index(current) + 1
        return len(self.section_pages) + (1 if current is self.review_page else 2)

    def _update_crisis(self) -> None:
        crisis = report.crisis_box(self.bundle, engine.evaluate_answers(self.bundle, self.answers))
        for page in self.section_pages:
            if crisis:
                page.crisis.show_lines(crisis.message, report.crisis_lines(crisis))
            else:
                page.crisis.hide()

    # --- navigation --------------------------------------------------------------------------------
    def next_page_after(self, page) -> int:
        shown = self.applicable()
        index = self.section_pages.index(page)
        for later in self.section_pages[index + 1 :]:
            if shown.section_applies(later.section.id):
                return self.pageIds()[self.section_pages.index(later) + 1]
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
            kept = self.store is not None and not self.shared_mode
            message = (
                "Your answers are kept on this computer, and you can continue next time. Close for now?"
                if kept
                else "You asked us not to keep your answers, so they will be lost. Close anyway?"
            )
            choice = QMessageBox.question(
                self,
                "Close the questionnaire?",
                message,
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if choice != QMessageBox.StandardButton.Close:
                return
        self.save_draft()
        super().reject()

    def accept(self) -> None:
        if not self.summary_kept:
            choice = QMessageBox.question(
                self,
                "Finish without your summary?",
                "You have not saved, printed or opened your summary yet. Finish anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if choice != QMessageBox.StandardButton.Yes:
                return
        super().accept()

    def closeEvent(self, event) -> None:
        event.ignore()
        self.reject()
        if self.result() == QWizard.DialogCode.Rejected and not self.isVisible():
            event.accept()

    def keyPressEvent(self, event) -> None:
        from PySide6.QtCore import Qt  # not at import: touching Qt builds ~100 enum classes (20 ms at start-up)

        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
