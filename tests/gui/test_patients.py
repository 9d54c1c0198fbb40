"""Four patients fill the whole wizard through its widgets, one per outcome; the summary and PDF agree."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.pdf_helpers import pdf_text

SERTRALINE = dict(
    medicine="sertraline",
    dose_mg=200,
    weeks_total=14,
    weeks_at_dose=12,
    outcome="little_or_none",
    stopped_side_effects=False,
)
FLUOXETINE = dict(
    medicine="fluoxetine", dose_mg=60, weeks_total=12, weeks_at_dose=10, outcome="worse", stopped_side_effects=False
)
ERP = dict(
    therapy_type="erp", therapy_format="weekly", sessions=16, ocd_specialist="yes", therapy_outcome="little_or_none"
)


def fill(patient, risk="none", diagnosis="psychiatrist", conditions=("none",), trials=True, health=True):
    patient.next()  # welcome
    patient.on("about")
    patient.type("name", "Zoë <b>Test</b>")
    patient.choose("country", "US")
    patient.next()
    patient.on("safety")
    patient.answer_safety(risk)
    patient.choose("pregnancy", "not_applicable")
    patient.next()
    patient.on("diagnosis")
    patient.choose("diagnosis", diagnosis)
    patient.choose("ybocs_known", False)
    if health:
        patient.choose("other_diagnoses", "none")
    patient.next()
    patient.on("treatments_overview")
    patient.choose("treatment_kinds", *(("medicines", "therapy") if trials else ("none",)))
    patient.next()
    if trials:
        patient.on("medicines")
        patient.add_entry("med_trials", **SERTRALINE)
        patient.add_entry("med_trials", **FLUOXETINE)
        patient.choose("switching", False)
        patient.next()
        patient.on("therapy")
        patient.add_entry("therapy_trials", **ERP)
        patient.next()
    patient.on("medical")
    if health:  # a patient who skips the health page is never told that none of the points apply
        patient.choose("blood_pressure", "no")
        patient.choose("conditions", *conditions)
        patient.choose("family_psychosis", "no")
        patient.choose("alcohol_drugs_now", "none")
        patient.choose("interacting_medicines", "none")
    patient.next()
    patient.on("goals")
    patient.next()
    patient.on("practical")
    patient.type("budget_3_months", "20000")
    patient.next()
    patient.on("concerns")
    patient.type("own_questions", "How long does it last?")
    patient.next()
    assert patient.page is patient.wizard.review_page
    patient.next()
    assert patient.page is patient.wizard.summary_page


@pytest.mark.parametrize(
    "profile, title",
    [
        (dict(), "Worth discussing"),
        (dict(conditions=("glaucoma",)), "Worth discussing, with precautions"),
        (dict(health=False), "Worth discussing, with precautions"),
        (dict(diagnosis="suspected"), "Other steps first"),
        (dict(risk="now", trials=False), "Get help now"),
    ],
)
def test_patient_reaches_summary_and_saves_the_pdf(patient, wizard, monkeypatch, tmp_path, profile, title):
    fill(patient, **profile)
    summary = wizard.summary_page
    assert f"<h2>{title}</h2>" in summary.text.text()
    if not profile.get("health", True):  # silence is shown as silence, never as "none of the points"
        assert "none of the health points" not in summary.text.text() and "Not answered" in summary.text.text()
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"))
    patient._click(summary.save_button)
    text = pdf_text(target.read_bytes())
    assert title in text
    assert "Zoë <b>Test</b>" in text
    assert "Saved your summary" in summary.status.text()
    if profile.get("suicidal"):
        assert summary.text.text().index("Help is available now") < summary.text.text().index(title)
        assert text.index("Help is available now") < text.index("Screening outcome")
