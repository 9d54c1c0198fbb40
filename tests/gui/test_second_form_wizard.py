"""The small test form opens in the real wizard and is filled to its summary, with no code of its own."""

from __future__ import annotations

from screener.gui.wizard import Wizard
from tests.gui.driver import PatientDriver


def test_the_second_form_walks_to_its_summary(qtbot, mini, no_real_dialogs):
    wizard = Wizard(mini)
    qtbot.addWidget(wizard)
    wizard.show()
    patient = PatientDriver(qtbot, wizard)
    patient.next()
    patient.on("you")
    patient.type("nickname", "Zoë")
    patient.choose("region", "NORTH")
    patient.next()
    patient.on("pain")
    patient.choose("feeling_unsafe", False)
    patient.type("pain_years", "3")
    patient.next()
    patient.on("tried")
    patient.choose("tried_kinds", "pills")
    patient.next()
    patient.on("pills")
    patient.add_entry("pill_trials", pill="ibuprofen", pill_weeks=8)
    patient.next()
    patient.on("health")  # the exercise page does not apply and is skipped
    patient.next_until_review()
    patient.next()
    assert wizard.currentPage() is wizard.summary_page
    shown = wizard.summary_page.text.text()
    assert "Worth a visit" in shown and "You gave at least one pill a fair try." in shown
