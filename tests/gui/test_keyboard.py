"""The whole wizard with the keyboard alone: every option reachable, several ticked, Enter never jumps a page."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.keyboard import KeyboardPatient


def test_a_keyboard_user_fills_every_page_and_reaches_the_right_summary(qtbot, wizard):
    you = KeyboardPatient(qtbot, wizard)
    wizard.activateWindow()
    you.next()
    you.on("about")
    you.type("name", "Sam")
    you.choose("country", "GB")
    you.next()
    you.on("safety")
    you.answer_safety("screen")
    crisis = wizard.currentPage().crisis
    assert crisis.isVisible() and "Samaritans" in crisis.body.text()
    you.choose("pregnancy", "not_applicable")
    you.next()
    you.on("diagnosis")
    you.choose("diagnosis", "psychiatrist")
    you.choose("diagnosis_when", "years_5_10")
    you.choose("ybocs_known", False)
    you.tick("other_diagnoses", "depression", "anxiety")
    you.next()
    you.on("treatments_overview")
    you.tick("treatment_kinds", "medicines", "therapy")
    you.next()
    you.on("medicines")
    for medicine, dose, weeks, outcome in (
        ("sertraline", "200", "12", "little_or_none"),
        ("fluoxetine", "60", "10", "worse"),
    ):
        you.add_entry("med_trials")
        you.choose("medicine", medicine, group="med_trials")
        you.type("dose_mg", dose, group="med_trials")
        you.qtbot.keyClick(you.focused(), Qt.Key.Key_Return)  # Enter in a dose field stays on the page
        you.on("medicines")
        you.type("weeks_total", str(int(weeks) + 4), group="med_trials")
        you.type("weeks_at_dose", weeks, group="med_trials")
        you.choose("outcome", outcome, group="med_trials")
        you.choose("stopped_side_effects", False, group="med_trials")
    you.choose("switching", False)
    you.next()
    you.on("therapy")
    you.add_entry("therapy_trials")
    you.choose("therapy_type", "erp", group="therapy_trials")
    you.choose("therapy_format", "weekly", group="therapy_trials")
    you.type("sessions", "16", group="therapy_trials")
    you.choose("ocd_specialist", "yes", group="therapy_trials")
    you.choose("erp_completed", "finished", group="therapy_trials")
    you.choose("therapy_outcome", "little_or_none", group="therapy_trials")
    you.next()
    you.on("medical")
    you.choose("blood_pressure", "no")
    you.tick("conditions", "heart", "liver")
    you.next()
    you.on("goals")
    you.tick("hopes", "faster_relief", "fewer_compulsions")
    you.next()
    you.on("practical")
    you.type("budget_3_months", "$20,000")
    you.next()
    you.on("concerns")
    you.next()
    assert wizard.currentPage() is wizard.review_page
    you.next()
    assert wizard.currentPage() is wizard.summary_page
    answers = wizard.session.pruned()
    assert [trial["medicine"] for trial in answers["med_trials"]] == ["sertraline", "fluoxetine"]
    assert answers["conditions"] == ["heart", "liver"] and answers["budget_3_months"] == 20000
    shown = wizard.summary_page.text.text()
    assert "Other steps first" in shown and "Samaritans" in shown  # a positive screen: a safety check first
    assert wizard.progress.help_button.isVisible()  # crisis help stays one key press away
