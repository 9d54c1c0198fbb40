"""What a patient notices: skipping, Back, abandoned branches, validation, crisis lines, closing, access."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCalendarWidget,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
    QWizard,
)

from screener.gui.wizard import Wizard
from screener.report.model import TableView


def to_section(patient, section_id: str) -> None:
    """Answer only what is needed and go forward to a section."""
    for _ in range(12):
        if patient.page.step_id == section_id:
            return
        if patient.page.step_id == "safety":
            patient.answer_safety("none")
        patient.next()
    raise AssertionError(f"never reached {section_id}")


def to_review_with_nothing_tried(patient) -> None:
    """The shortest honest path to the review page: the safety answer, and no treatment tried."""
    to_section(patient, "treatments_overview")
    patient.choose("treatment_kinds", "none")
    patient.next_until_review()


def to_summary_with_nothing_tried(patient) -> None:
    to_review_with_nothing_tried(patient)
    patient.next()


def test_pages_that_do_not_apply_are_skipped(patient):
    to_section(patient, "treatments_overview")
    patient.choose("treatment_kinds", "therapy")
    patient.next()
    patient.on("therapy")
    patient.next()
    patient.on("medical")  # neither "Medicines" nor "Other treatments" was shown
    assert patient.wizard.progress.labels[5].accessibleName() == "Medicines for OCD: not needed"


def test_questions_that_do_not_apply_are_hidden(patient):
    to_section(patient, "diagnosis")
    assert not patient.row("ybocs_score").isVisible() and patient.row("ocd_time").isVisible()
    patient.choose("ybocs_known", True)
    assert patient.row("ybocs_score").isVisible() and not patient.row("ocd_time").isVisible()


def test_back_keeps_every_answer(patient):
    patient.next()
    patient.type("name", "Sam")
    patient.choose("country", "GB")
    patient.next()
    patient.answer_safety("screen")
    patient.back()
    patient.on("about")
    assert patient.row("name").input.edit.text() == "Sam"
    assert patient.row("country").input.buttons["GB"].isChecked()
    patient.next()
    assert patient.row("wish_dead").input.buttons[True].isChecked()


def test_an_abandoned_branch_does_not_reach_the_summary(patient, wizard):
    to_section(patient, "treatments_overview")
    patient.choose("treatment_kinds", "medicines")
    patient.next()
    patient.add_entry("med_trials", medicine="paroxetine", dose_mg=40, weeks_total=12, weeks_at_dose=10)
    patient.back()
    patient.choose("treatment_kinds", "medicines")  # untick: this branch is left
    patient.choose("treatment_kinds", "none")
    patient.next_until_review()
    assert "Paroxetine" not in _all_text(wizard.review_page)
    patient.next()
    medicines = next(
        block
        for block in wizard.summary_page.report.blocks
        if isinstance(block, TableView) and block.heading == "Medicines tried for OCD"
    )
    assert medicines.heading == "Medicines tried for OCD" and medicines.rows == ()
    assert "med_trials" in wizard.answers  # kept, in case the patient changes their mind again


@pytest.mark.parametrize(
    ("country", "typed", "problem"),
    [
        ("CO", "4000000", None),  # four million Colombian pesos, about a thousand dollars
        (
            "US",
            "4000000",
            "Please type a number from 0 to 1,000,000 in your currency; 4,000,000 is outside that range.",
        ),
        (
            "CO",
            "5000000000",
            "Please type a number from 0 to 4,000,000,000 in your currency; 5,000,000,000 is outside that range.",
        ),
    ],
)
def test_a_budget_is_held_to_the_most_for_the_patients_currency(patient, country, typed, problem):
    to_section(patient, "about")
    patient.choose("country", country)
    to_section(patient, "practical")
    patient.type("budget_3_months", typed)
    patient.next()
    if problem is None:
        assert patient.page.step_id != "practical"
    else:
        patient.on("practical")
        assert patient.row("budget_3_months").error.text() == problem


def test_validation_is_inline_and_blocks_next(patient):
    to_section(patient, "safety")
    patient.next()
    row = patient.row("suicidal_thoughts")
    patient.on("safety")
    assert row.error.isVisible() and row.error.text() == "Please answer this question."
    patient.answer_safety("none")
    assert not row.error.isVisible()
    patient.next()
    patient.choose("ybocs_known", True)
    patient.type("ybocs_score", "55")
    patient.next()
    patient.on("diagnosis")
    assert (
        patient.row("ybocs_score").error.text() == "Please type a number from 0 to 40 points; 55 is outside that range."
    )
    patient.row("ybocs_score").input.edit.clear()
    patient.type("ybocs_score", "twelve")
    patient.next()
    assert patient.row("ybocs_score").error.text().startswith("Please type a number")


def test_a_group_entry_needs_its_required_answer(patient):
    to_section(patient, "treatments_overview")
    patient.choose("treatment_kinds", "medicines")
    patient.next()
    patient.add_entry("med_trials", dose_mg=100)
    patient.next()
    patient.on("medicines")
    group = patient.row("med_trials")
    assert group.error.text().startswith("Medicine 1: Medicine: Please answer this.")
    assert group.input.rows["medicine"].error.isVisible()


def test_crisis_panel_appears_right_after_the_answer(patient):
    patient.next()
    patient.choose("country", "AU")
    patient.next()
    crisis = patient.page.crisis
    assert not crisis.isVisible()
    patient.answer_safety("now")
    assert crisis.isVisible()  # at once, before Next
    assert "Lifeline: Call 13 11 14" in crisis.body.text() and "000" in crisis.body.text()
    patient._click(crisis.keep_going)
    assert crisis.isVisible() and not crisis.keep_going.isVisible()  # folded, still there, not blocking
    patient.choose("pregnancy", "not_applicable")
    patient.next()
    patient.on("diagnosis")


def test_crisis_panel_scrolls_into_view_on_a_small_screen(patient, wizard, qtbot):
    wizard.resize(800, 420)  # smaller than a netbook: the page scrolls
    patient.next()
    patient.choose("country", "US")
    patient.next()
    page = patient.page
    for question_id in ("wish_dead", "better_off_dead", "suicidal_thoughts"):
        patient.choose(question_id, False)
    scroll_bar = page.area.verticalScrollBar()
    scroll_bar.setValue(scroll_bar.maximum())  # the patient scrolled down to the last questions
    patient.choose("past_attempt", True)  # the crisis panel appears under the first question, out of sight
    viewport = page.area.viewport()

    def panel_top_in_view() -> bool:
        top = page.crisis.mapTo(viewport, page.crisis.rect().topLeft()).y()
        return page.crisis.isVisible() and 0 <= top < viewport.height()

    qtbot.waitUntil(panel_top_in_view, timeout=2000)  # the patient sees it without scrolling back


def test_every_input_has_an_accessible_name(wizard):
    inputs = (QAbstractButton, QLineEdit, QPlainTextEdit, QListWidget)
    for page in wizard.section_pages:
        qt_own = {child for calendar in page.findChildren(QCalendarWidget) for child in calendar.findChildren(QWidget)}
        for widget in page.findChildren(QWidget):
            if isinstance(widget, inputs) and widget not in qt_own:  # Qt names its calendar's own parts
                assert widget.accessibleName().strip(), (
                    f"{page.section.id}: {widget!r} {getattr(widget, 'text', str)()}"
                )


def test_closing_asks_first_and_keeps_answers(qtbot, wizard, patient, monkeypatch):
    patient.next()
    patient.type("name", "Sam")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible() and wizard.asked  # asked, and Cancel kept the wizard open
    assert wizard.answers["name"] == "Sam"
    wizard.close()
    assert wizard.isVisible() and len(wizard.asked) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Close)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()


def _all_text(widget: QWidget) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in widget.findChildren(QLabel))


def test_enter_in_a_multi_line_field_starts_a_new_line(qtbot, patient):
    to_section(patient, "concerns")
    edit = patient.row("own_questions").input.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "first")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "second")
    patient.on("concerns")
    assert edit.toPlainText() == "first\nsecond"


def test_review_lists_answers_and_change_goes_back_to_the_page(patient, wizard):
    patient.next()
    patient.type("name", "Sam")
    to_review_with_nothing_tried(patient)
    review = wizard.review_page
    assert "Sam" in _all_text(review)
    patient._click(review.change_buttons["about"])
    patient.on("about")
    assert patient.row("name").input.edit.text() == "Sam"


def test_first_page_shows_before_the_questionnaire_is_loaded(qtbot, bundle):
    from screener.gui.start_page import read_start_text
    from screener.paths import DEFAULT_FORM_DIR

    window = Wizard(start=read_start_text(DEFAULT_FORM_DIR))
    qtbot.addWidget(window)
    window.show()
    next_button = window.button(QWizard.WizardButton.NextButton)
    assert window.currentPage().title() == "Welcome" and not next_button.isEnabled()
    window.attach(bundle, None, None)
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert window.currentPage().title() == "About you"


@pytest.mark.parametrize(
    ("question_id", "section", "typed"),
    [
        ("appointment_date", "about", "14 de diciembre de ²"),
        ("appointment_date", "about", "¹⁴ de diciembre de 2026"),
        ("appointment_date", "about", "14 December 12345678901"),
        ("budget_3_months", "practical", "9" * 320),
    ],
)
def test_typing_what_once_raised_gives_a_sentence_and_no_crash_dialog(
    patient, no_real_dialogs, question_id, section, typed
):
    """Key by key, as a patient types: each key press once opened two 'Something went wrong' dialogs."""
    to_section(patient, section)
    patient.type(question_id, typed)
    patient.next()
    patient.on(section)
    assert "Please" in patient.row(question_id).error.text()
    assert no_real_dialogs == []
