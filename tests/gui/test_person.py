"""What a person meets on a real screen: crisis help one click away, review round trips, small screens."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QScrollArea, QWizard

from screener.gui.wizard import Wizard
from tests.gui.test_behaviour import to_review_with_nothing_tried, to_section, to_summary_with_nothing_tried


def test_get_help_now_stays_on_every_later_page_and_opens_the_lines(patient, wizard):
    patient.next()
    patient.choose("country", "IE")
    assert not wizard.progress.help_button.isVisible()
    patient.next()
    patient.answer_safety("screen")
    patient.next()
    patient.on("diagnosis")
    assert wizard.progress.help_button.isVisible()
    patient._click(wizard.progress.help_button)
    title, message = wizard.asked[-1][1], wizard.asked[-1][2]
    assert title == "Help is available now" and "Samaritans: Call 116 123" in message and "112" in message


def test_without_a_country_the_crisis_panel_still_gives_a_way_to_help(patient, wizard):
    patient.next()
    patient.next()
    patient.answer_safety("now")
    text = patient.page.crisis.body.text()
    assert "findahelpline.com" in text and "emergency" in text.lower()


def test_change_on_the_review_goes_to_the_page_and_back_to_review_in_one_step(patient, wizard):
    patient.next()
    patient.type("name", "Sam")
    to_review_with_nothing_tried(patient)
    patient._click(wizard.review_page.change_buttons["about"])
    patient.on("about")
    back = wizard.button(QWizard.WizardButton.CustomButton2)
    assert back.isVisible() and back.text() == "Back to &review"
    patient.qtbot.waitUntil(lambda: wizard.focusWidget() is patient.row("name").input.edit)  # ready to change it
    patient.row("name").input.edit.clear()
    patient.type("name", "Sam Jones")
    patient._click(back)
    assert wizard.currentPage() is wizard.review_page
    assert "Sam Jones" in " ".join(label.text() for label in wizard.review_page.findChildren(QLabel))
    assert not wizard.button(QWizard.WizardButton.CustomButton2).isVisible()


def test_an_amount_says_what_it_understood(patient):
    to_section(patient, "practical")
    patient.type("budget_3_months", "$3,000")
    widget = patient.row("budget_3_months").input
    assert widget.value() == 3000 and widget.understood.text() == "Understood as 3,000 in your currency"


@pytest.mark.parametrize("size", [(1024 - 60, 600 - 60), (960 - 40, 540 - 40)], ids=["1024x600", "200% of 1080p"])
def test_on_a_small_screen_the_buttons_show_and_nothing_is_cut_at_the_side(qtbot, bundle, patient, wizard, size):
    wizard.resize(*size)
    for _ in range(16):
        qtbot.wait(10)
        window = wizard.rect()
        for which in (
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
        ):
            button = wizard.button(which)
            if button.isVisible():
                corner = button.mapTo(wizard, button.rect().bottomRight())
                assert window.contains(corner), f"{button.text()} is off the window on {wizard.currentPage().title()}"
        for area in wizard.currentPage().findChildren(QScrollArea):
            inner = area.widget()
            assert inner.minimumSizeHint().width() <= area.viewport().width() + 1, wizard.currentPage().title()
        if wizard.currentPage() is wizard.summary_page:
            return
        if patient.page.step_id == "safety":
            patient.answer_safety("screen")
        if patient.page.step_id == "treatments_overview":
            patient.choose("treatment_kinds", "medicines", "therapy")
        if patient.page.step_id == "medicines":
            patient.add_entry("med_trials", medicine="sertraline")
        if patient.page.step_id == "therapy":
            patient.add_entry("therapy_trials", therapy_type="erp")
        patient.next()
    raise AssertionError("never reached the summary")


def test_the_window_opens_within_the_screen(qtbot, bundle):
    window = Wizard(bundle)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    assert window.minimumWidth() <= 560 and window.minimumHeight() <= 400


def test_after_a_change_the_review_and_the_summary_show_the_new_answers(patient, wizard):
    to_summary_with_nothing_tried(patient)
    assert "Other steps first" in wizard.summary_page.text.text()
    patient.back()
    patient._click(wizard.review_page.change_buttons["safety"])
    patient.on("safety")
    patient.answer_safety("now")
    patient._click(wizard.button(QWizard.WizardButton.CustomButton2))
    review = " ".join(label.text() for label in wizard.review_page.findChildren(QLabel))
    assert "Are you having thoughts of killing yourself right now?</b><br>Yes" in review
    patient.next()
    assert "Get help now" in wizard.summary_page.text.text()
