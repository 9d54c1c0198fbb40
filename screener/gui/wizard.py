"""The questionnaire window: a view of the Qt-free session, with a progress list, review, summary, safe close.

The session (``screener.session``) holds the answers, the path and the crisis state; this window shows
its pages, sends every edit to it, saves the draft and asks before closing. Crisis help lives inside the
page that asks about safety and, once shown, stays one click away on every later page ("Get help now").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from screener.gui.language import LanguageChooser, use_qt_language
from screener.gui.lazy import lazy_import
from screener.gui.start_page import StartPage, StartText, start_text_of
from screener.gui.window_size import fit_to_screen
from screener.i18n import N_, _, ngettext
from screener.i18n import current as current_language
from screener.i18n import set_language as set_program_language

if TYPE_CHECKING:
    from screener.content.bundle import FormBundle
    from screener.store.drafts import DraftFound, DraftStore

# Loaded when first used, after the first page is on screen (see screener.gui.lazy).
pages = lazy_import("screener.gui.pages")
privacy_panel = lazy_import("screener.gui.privacy_panel")
review_page = lazy_import("screener.gui.review_page")
summary_page = lazy_import("screener.gui.summary_page")
questionnaire = lazy_import("screener.session.questionnaire")

AUTOSAVE_DELAY_MS = 400  # the draft is never more than this behind the last change
PRELOAD_AFTER_MS = 1500  # well after the first page is up, long before anyone reaches the summary
PREPARE_NEXT_AFTER_MS = 50  # the next page is built once this one is painted and has the keyboard

STATE_STYLES = {
    "current": "font-weight: bold; color: #1f3a5f; background: #dde7f1;",
    "skipped": "color: #595959;",
    "done": "",
    "todo": "",
}
MARKERS = {"done": "✓", "current": "▶", "todo": "•", "skipped": "–"}
STATE_NAMES = {"done": N_("done"), "current": N_("current"), "todo": N_("to do"), "skipped": N_("not needed")}


class ProgressList(QScrollArea):
    """The steps down the side (done, current, to come, or skipped once an answer skips them), the save
    status, and "Get help now" once crisis help has been shown."""

    def __init__(self, titles: list[str], language: LanguageChooser):
        super().__init__()
        self.setObjectName("progress")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("progressinner")
        layout = QVBoxLayout(inner)
        self.help_button = QPushButton()
        self.help_button.setObjectName("gethelp")
        self.help_button.hide()
        layout.addWidget(self.help_button)
        self.language = language
        layout.addWidget(language)
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
        self.setWidget(inner)
        self.setMinimumWidth(190)
        self.retranslate()

    def retranslate(self) -> None:
        self.help_button.setText(_("Get help now"))
        self.help_button.setAccessibleName(_("Get help now: crisis phone numbers"))

    def show_steps(self, text: str, states: list[tuple[str, str]]) -> None:
        self.step.setText(text)
        self.step.setAccessibleName(_("Progress: {step}").format(step=text.lower()))
        for label, (title, state) in zip(self.labels, states, strict=True):
            label.setText(f"{MARKERS[state]}  {title}")
            label.setStyleSheet(STATE_STYLES[state])
            label.setAccessibleName(f"{title}: {_(STATE_NAMES[state])}")


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
        self.session = None
        self.shared_mode = False  # the patient asked us to keep nothing on this computer
        self.summary_kept = False  # the patient saved, printed or opened the PDF
        self.section_pages: list = []
        self.step_pages: dict[str, Any] = {}
        self.returning_to_review = False
        self.closing = False  # set once the patient has chosen to close
        self.save_problem: str | None = None  # why the draft could not be written, while that lasts
        self.answer_again: dict[str, str] = {}
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave.timeout.connect(self.save_draft)
        self.finished.connect(self._closed)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, True)  # Enter never leaves a page (README)
        self._set_button_texts()
        if start is None:
            assert bundle is not None, "a Wizard needs either the start text or the bundle"
            start = start_text_of(bundle.form)
        self.setWindowTitle(start.window_title)
        self.start_page = StartPage(start)
        self.setPage(0, self.start_page)
        self.language = LanguageChooser(current_language())
        self.language.setEnabled(False)  # until the questionnaire is loaded, a moment after the first paint
        self.language.chosen.connect(self.set_language)
        steps = [*start.section_titles, _("Review"), _("Summary")]
        self.progress = ProgressList(steps, self.language)
        self.progress.show_steps(
            _("Step {position} of {total}").format(position=1, total=len(steps)),
            [(title, "current" if index == 0 else "todo") for index, title in enumerate(steps)],
        )
        self.progress.help_button.clicked.connect(self.show_crisis_help)
        self.setSideWidget(self.progress)
        fit_to_screen(self)
        if bundle is not None:
            self.attach(bundle, store, found)

    def _set_button_texts(self) -> None:
        """The wizard's own buttons, in the program's language; each keeps an Alt shortcut in every language."""
        texts = {
            QWizard.WizardButton.NextButton: _("&Next"),
            QWizard.WizardButton.BackButton: _("&Back"),
            QWizard.WizardButton.FinishButton: _("&Finish"),
            QWizard.WizardButton.CancelButton: _("Close"),
            QWizard.WizardButton.CustomButton1: _("Delete my answers"),
            QWizard.WizardButton.CustomButton2: _("Back to &review"),
        }
        for which, text in texts.items():
            self.setButtonText(which, text)
        self.button(QWizard.WizardButton.CustomButton1).setAccessibleDescription(
            _("Removes your answers from this program and from this computer")
        )

    # --- language ----------------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        """Speak ``code`` from now on, on this page, with every answer kept: the form in that language is put
        behind the same session, and every page says its words again (the pages not built yet are built in it)."""
        if self.bundle is None or code == self.bundle.form.language:
            return
        from screener.content.problems import ProblemsError
        from screener.store.form_cache import load_cached

        try:
            bundle = load_cached(self.bundle.folder, code)
        except ProblemsError as error:  # a broken translation file: say so, and keep the language in use
            self.language.show_language(self.bundle.form.language)
            self.privacy.say(error.render())
            return
        set_program_language(code)
        use_qt_language(code)
        if self.store is not None and not self.shared_mode:
            from screener.store.preferences import remember_language

            remember_language(self.store.base, code)  # the next start opens in it
        self.bundle = bundle
        self.session.use_bundle(bundle)
        self.retranslate()

    def retranslate(self) -> None:
        """Every word on every page again, in the program's language. Called by set_language itself rather than
        from Qt's LanguageChange event, which arrives after the switch is done and would find nothing to do."""
        form = self.bundle.form
        self._set_button_texts()
        self.setWindowTitle(form.title)
        self.language.show_language(form.language)
        self.progress.retranslate()
        self.start_page.show_text(start_text_of(form))
        self.privacy.retranslate()
        sections = {section.id: section for section in form.sections}
        for page in self.section_pages:
            page.use_section(sections[page.step_id])
        self.review_page.retranslate()
        self.summary_page.retranslate()
        self._mark_answer_again()
        self.refresh()
        self._show_crisis()
        if self.currentPage() in (self.review_page, self.summary_page):
            self.currentPage().show_current()
        if self.answers:
            self.save_draft()  # says "saved at" again, in this language

    # --- building ----------------------------------------------------------------------------------
    def attach(self, bundle: FormBundle, store: DraftStore | None, found: DraftFound | None) -> None:
        """Build the questionnaire's pages behind the first page, and make Next available."""
        self.bundle = bundle
        self.store = store
        self.session = questionnaire.QuestionnaireSession(bundle)
        self.start_page.step_id = bundle.form.sections[0].id
        self.step_pages[self.start_page.step_id] = self.start_page
        for section in bundle.form.sections[1:]:
            page = pages.SectionPage(self.session, section)
            page.answer_changed.connect(self.set_answer)
            self.section_pages.append(page)
            self._add_step(section.id, page)
        self.review_page = review_page.ReviewPage(self.session)
        self.review_page.change_requested.connect(self.change_section)
        self._add_step(questionnaire.REVIEW, self.review_page)
        self.summary_page = summary_page.SummaryPage(self.session)
        self.summary_page.kept.connect(self._summary_kept)
        self._add_step(questionnaire.SUMMARY, self.summary_page)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self._set_button_texts()
        self.customButtonClicked.connect(self._custom_button)
        self.privacy = privacy_panel.PrivacyPanel()
        self.start_page.add_panel(self.privacy)
        self.privacy.resume_requested.connect(self.resume_draft)
        self.privacy.start_over_requested.connect(self.start_over)
        self.privacy.shared_mode_changed.connect(self.set_shared_mode)
        self.privacy.start_from_file_requested.connect(self.start_from_file)
        self._draft = found.document if found else None
        self.answer_again = dict(found.answer_again) if found else {}
        if self._draft is not None:
            self.privacy.offer_resume(self._draft.saved_at)
        if found and found.problem:
            self.privacy.say(found.problem)
        elif found and (self.answer_again or found.no_longer_asked):
            self.privacy.say(
                " ".join([_("Your other answers can be brought back."), *_what_could_not_be_used(bundle, found)])
            )
        self.start_page.show_text(start_text_of(bundle.form))  # in the language it was loaded in
        self.setWindowTitle(bundle.form.title)
        self.language.setEnabled(True)
        self.start_page.set_ready()
        QTimer.singleShot(PREPARE_NEXT_AFTER_MS, self, lambda: self._prepare_after(self.start_page))
        if self.isVisible():
            self.restart()  # the start page was shown as the only page: let QWizard lay out Next again
        QTimer.singleShot(0, self.start_page, self.start_page.focus_first)  # on "Continue" when offered
        self.currentIdChanged.connect(self._page_changed)
        self.refresh()
        QTimer.singleShot(PRELOAD_AFTER_MS, self._preload_pdf_stack)

    def _add_step(self, step_id: str, page) -> None:
        page.step_id = step_id
        self.step_pages[step_id] = page
        self.setPage(self.session.step_ids().index(step_id), page)

    def page_id(self, step_id: str) -> int:
        return self.session.step_ids().index(step_id)

    def current_step(self) -> str:
        return getattr(self.currentPage(), "step_id", None) or self.session.step_ids()[0]

    def nextId(self) -> int:
        if self.session is None:
            return super().nextId()
        step = self.current_step()
        if step == questionnaire.SUMMARY:
            return -1
        return self.page_id(self.session.next_step(step))

    def _preload_pdf_stack(self) -> None:
        """While the patient reads and answers, load reportlab, the fonts and QtPdf, so Finish is quick, and the
        month names of every language, so the first date typed with a word is read without a pause."""
        import contextlib

        from screener.content.reading import read_date
        from screener.report.pdf_text import register_fonts

        with contextlib.suppress(ImportError):  # without PySide6-Pdf the summary page shows no preview
            import PySide6.QtPdfWidgets  # noqa: F401  (the summary page's preview)
        register_fonts()
        read_date("14 December 2026")

    def _closed(self, _result: int) -> None:
        """The copy made for the PDF viewer goes with the window (screener.gui.viewer_copies)."""
        from screener.gui.viewer_copies import remove_viewer_copies

        remove_viewer_copies()

    def _summary_kept(self) -> None:
        self.summary_kept = True

    # --- answers -----------------------------------------------------------------------------------
    @property
    def answers(self) -> dict[str, Any]:
        return self.session.answers if self.session is not None else {}

    def set_answer(self, question_id: str, value: Any) -> None:
        crisis_changed = self.session.set_answer(question_id, value)
        self.refresh()
        if crisis_changed:
            self._show_crisis()
        if not self.autosave.isActive():  # not restarted on every key, so never more than the delay behind
            self.autosave.start()

    def restore(self, answers: dict[str, Any]) -> None:
        """Put saved answers back into the session and every page."""
        self.session.restore(answers)
        for page in self.section_pages:
            page.restore(self.session.answers)
        self.refresh()
        self._show_crisis()

    def refresh(self) -> None:
        shown = set(self.session.applicable().questions)
        for page in self.section_pages:
            page.refresh(shown)
        progress = self.session.progress(self.current_step())
        self.progress.show_steps(progress.text, [(step.title, step.state) for step in progress.steps])

    # --- crisis help -------------------------------------------------------------------------------
    def _show_crisis(self) -> None:
        crisis = self.session.crisis
        for page in self.section_pages:
            page.show_crisis(crisis)
        self.progress.help_button.setVisible(self.session.crisis_seen)

    def show_crisis_help(self) -> None:
        """The crisis lines again, from any page, in a message the patient asked for."""
        crisis = self.session.crisis or self.session.last_crisis
        if crisis is None:
            return
        QMessageBox.information(self, crisis.title, "\n".join([crisis.message, "", *crisis.plain_lines()]))

    # --- drafts ------------------------------------------------------------------------------------
    def _page_changed(self, _page_id: int) -> None:
        if self.closing:
            return
        page = self.currentPage()
        if isinstance(page, pages.SectionPage):
            page.build()  # reached by Change or Back, where QWizard does not initialize it again
        self.refresh()
        if page in (self.review_page, self.summary_page):
            # Not initializePage: with IndependentPages, QWizard calls it only the first time, and after
            # "Change" the review and the summary would show the old answers.
            page.show_current()
        if hasattr(page, "focus_first"):
            QTimer.singleShot(0, page, page.focus_first)  # after Qt has shown the page; never once it is gone
        QTimer.singleShot(PREPARE_NEXT_AFTER_MS, self, lambda: self._prepare_after(page))
        back_to_review = self.returning_to_review and page in self.section_pages
        self.setOption(QWizard.WizardOption.HaveCustomButton2, back_to_review)
        if page is self.review_page:
            self.returning_to_review = False
        if self.answers:
            self.save_draft()

    def _prepare_after(self, page) -> None:
        """Build the section page after ``page`` while the patient reads this one, so Next never waits."""
        following = self.section_pages if page is self.start_page else None
        if page in self.section_pages:
            following = self.section_pages[self.section_pages.index(page) + 1 :]
        if following:
            following[0].build()

    def _current_section(self) -> str | None:
        step = self.current_step()
        return None if step in (questionnaire.REVIEW, questionnaire.SUMMARY) else step

    def save_draft(self) -> None:
        """Write the answers that apply, and the page, to the draft (not in shared-computer mode)."""
        self.autosave.stop()
        if self.store is None or self.shared_mode or not self.answers:
            return
        document = self.session.draft(self._current_section(), dt.datetime.now().replace(microsecond=0))
        try:
            self.store.save(document)
        except OSError as error:
            self.save_problem = error.strerror or str(error)
            self.progress.saved.setText(
                _("Your answers could NOT be saved on this computer ({reason}). Keep this window open for now.").format(
                    reason=self.save_problem
                )
            )
            return
        self.save_problem = None
        self.progress.saved.setText(
            _("Answers saved on this computer at {time}.").format(time=f"{document.saved_at:%H:%M}")
        )

    def resume_draft(self) -> None:
        if self._draft is None:
            return
        self.privacy.close_offer()
        self.restore(self._draft.answers)
        self._mark_answer_again()
        target = self._draft.page
        if target in self.session.step_ids():
            self.walk_forward_to(target)

    def start_from_file(self) -> None:
        """Answers from an earlier summary PDF (saved with its answers), an answers file or a FHIR response,
        carried over to this version of the form; what could not come is named, as for a draft."""
        from PySide6.QtWidgets import QFileDialog

        from screener.content.problems import ProblemsError
        from screener.engine.migration import carry_over
        from screener.report.incoming import answers_in
        from screener.store.drafts import recovered
        from screener.store.safe_paths import UnsafePathError, read_input

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _kind = QFileDialog.getOpenFileName(
            self,
            _("Start from an earlier summary or answers file"),
            folder,
            _("Summaries and answers (*.pdf *.json)"),
        )
        if not path:
            return
        try:
            incoming = answers_in(read_input(Path(path)), Path(path).name, lambda: self.bundle)
            carried = carry_over(self.bundle.form, self.bundle.migrations, incoming.document)
        except UnsafePathError as error:
            self.privacy.say(_("That file cannot be used: {reason}.").format(reason=error.reason))
            return
        except OSError as error:
            self.privacy.say(_("That file could not be read ({reason}).").format(reason=error.strerror or error))
            return
        except ProblemsError as error:
            self.privacy.say(_("That file cannot be used: {reason}.").format(reason=error.problems[0].reason))
            return
        # The safety questions ask about now and the past few weeks: an earlier file's answers to them are
        # not today's, so they are asked again, never carried over.
        stale = sorted(self.session.crisis_questions & set(carried.document.answers))
        fresh = dataclasses.replace(
            carried.document, answers={k: v for k, v in carried.document.answers.items() if k not in stale}
        )
        found = recovered(self.bundle.form, fresh, [*incoming.left_out, *carried.left_behind])
        if found.document is None or not found.document.answers:
            self.privacy.say(_("No answer in that file could be used by this version of the questionnaire."))
            return
        self._draft = found.document
        self.answer_again = dict(found.answer_again)
        self.resume_draft()
        said = [
            _("Your answers from {file} ({kind}) were brought back.").format(
                file=Path(path).name, kind=incoming.came_from
            )
        ]
        if stale:
            said.append(_("The safety questions are asked again, because they are about how you are now."))
        self.privacy.say(" ".join([*said, *_what_could_not_be_used(self.bundle, found)]))

    def _mark_answer_again(self) -> None:
        """Each question whose saved answer this version could not use says so on its page."""
        for page in self.section_pages:
            for question_id, reason in self.answer_again.items():
                if question_id in page.rows:
                    page.rows[question_id].show_error(
                        _("Please answer this again: your saved answer could not be used ({reason}).").format(
                            reason=reason
                        )
                    )

    def _delete_draft(self) -> tuple[bool, str | None]:
        """Delete the saved draft: (whether there was one, why it could not be deleted)."""
        if self.store is None:
            return False, None
        try:
            return self.store.delete(), None
        except OSError as error:
            return True, _(
                "The saved copy at {path} could not be deleted ({reason}). Please delete that file yourself."
            ).format(path=self.store.path, reason=error.strerror or error)

    def start_over(self) -> None:
        self._draft = None
        self.privacy.close_offer()
        _had, problem = self._delete_draft()
        self.privacy.say(problem or _("Your earlier answers were deleted from this computer. You are starting afresh."))

    def set_shared_mode(self, shared: bool) -> None:
        self.shared_mode = shared
        self.summary_page.open_button.setEnabled(not shared)
        if shared:
            from screener.store.preferences import forget_language

            self.autosave.stop()
            deleted, problem = self._delete_draft()
            if self.store is not None:
                forget_language(self.store.base)  # nothing kept means the language chosen too
            self.progress.saved.setText(_("Nothing more is kept on this computer."))
            said = [_("Nothing will be kept on this computer, except a PDF you choose to save.")]
            said += [problem] if problem else [_("Your saved answers were deleted.")] if deleted else []
            self.privacy.say(" ".join(said))
        else:
            self.privacy.say("")
            self.save_draft()

    def delete_answers(self) -> None:
        choice = QMessageBox.question(
            self,
            _("Delete your answers?"),
            _("This removes all your answers from this program and from this computer. It cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if choice != QMessageBox.StandardButton.Yes:
            return
        self.autosave.stop()
        _had, problem = self._delete_draft()
        said = (
            " ".join([_("Your answers were cleared from this program."), problem])
            if problem
            else _("Your answers were deleted from this program and from this computer.")
        )
        self._draft = None
        self.privacy.close_offer()
        self.restore({})  # first, so that going back to the start saves nothing
        self.restart()
        self.progress.saved.setText("")
        self.privacy.say(said)

    # --- navigation --------------------------------------------------------------------------------
    def _custom_button(self, which: int) -> None:
        button = QWizard.WizardButton(which)
        if button == QWizard.WizardButton.CustomButton1:
            self.delete_answers()
        elif button == QWizard.WizardButton.CustomButton2:
            self.walk_forward_to(questionnaire.REVIEW)

    def change_section(self, step_id: str) -> None:
        """From the review page: go back to a section, with "Back to review" offered there."""
        self.returning_to_review = True
        self.go_to(step_id)

    def go_to(self, step_id: str) -> None:
        """Go to a page on the way here (back), or further on (forward, as far as the answers allow)."""
        target = self.page_id(step_id)
        while self.currentId() != target and target in self.visitedIds() and self.currentId() != self.startId():
            self.back()
        self.walk_forward_to(step_id)

    def walk_forward_to(self, step_id: str) -> bool:
        """Press Next until the page is reached, stopping where a page needs an answer first; True if reached."""
        target = self.page_id(step_id)
        while self.currentId() != target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:  # this page refused: its problem is shown and focused
                return False
        return True

    # --- closing -----------------------------------------------------------------------------------
    def reject(self) -> None:
        self.save_draft()  # the last change reaches the disk (or fails) before anything is said about it
        if self.answers and (self.save_problem or not self.summary_kept) and not self._may_close():
            return
        self.closing = True  # QWizard goes back to the first page as it closes: not where the patient left off
        super().reject()

    def _may_close(self) -> bool:
        """Ask before closing, saying truthfully what happens to the answers."""
        buttons = QMessageBox.StandardButton
        if self.save_problem and not self.shared_mode:
            choice = QMessageBox.question(
                self,
                _("Your answers are not saved"),
                _(
                    "Your answers could not be saved on this computer ({reason}). If you close now, they are lost. "
                    "Save them to a file somewhere else first?"
                ).format(reason=self.save_problem),
                buttons.Save | buttons.Discard | buttons.Cancel,
                buttons.Save,
            )
            if choice == buttons.Save:
                return self._save_answers_elsewhere()
            return choice == buttons.Discard
        kept = self.store is not None and not self.shared_mode
        message = (
            _("Your answers are kept on this computer, and you can continue next time. Close for now?")
            if kept
            else _("You asked us not to keep your answers, so they will be lost. Close anyway?")
        )
        choice = QMessageBox.question(
            self, _("Close the questionnaire?"), message, buttons.Close | buttons.Cancel, buttons.Cancel
        )
        return choice == buttons.Close

    def _save_answers_elsewhere(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        path, _kind = QFileDialog.getSaveFileName(
            self,
            _("Save your answers"),
            f"screener-answers-{dt.date.today().isoformat()}.json",
            _("Answers (*.json)"),
        )
        if not path:
            return False
        document = self.session.draft(self._current_section(), dt.datetime.now().replace(microsecond=0))
        try:
            self.store.save_elsewhere(document, Path(path))
        except OSError as error:
            QMessageBox.warning(
                self,
                _("Not saved"),
                _("Your answers could not be saved there either ({reason}). Please choose another place.").format(
                    reason=error.strerror or error
                ),
            )
            return False
        return True

    def accept(self) -> None:
        if not self.summary_kept:
            choice = QMessageBox.question(
                self,
                _("Finish without your summary?"),
                _("You have not saved, printed or opened your summary yet. Finish anyway?"),
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
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # Enter never leaves a page: Next is its own button (Alt+N)
        super().keyPressEvent(event)


def _what_could_not_be_used(bundle, found) -> list[str]:
    """Sentences: which saved answers come back marked, which questions are gone, and where the old file is."""
    said = []
    if found.answer_again:
        labels = ", ".join(f"“{bundle.form.question(qid).short}”" for qid in found.answer_again)
        said.append(
            ngettext(
                "{count} answer could not be used by this version and will be marked for you to answer again: "
                "{labels}.",
                "{count} answers could not be used by this version and will be marked for you to answer again: "
                "{labels}.",
                len(found.answer_again),
            ).format(count=len(found.answer_again), labels=labels)
        )
    if found.no_longer_asked:
        count = len(found.no_longer_asked)
        said.append(
            ngettext(
                "{count} saved answer was for questions this version no longer asks.",
                "{count} saved answers were for questions this version no longer asks.",
                count,
            ).format(count=count)
        )
    if found.moved_to:
        said.append(_("Your saved file as it was is kept at {path}.").format(path=found.moved_to))
    return said
