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
    therapy_type="erp",
    therapy_format="weekly",
    sessions=16,
    ocd_specialist="yes",
    erp_completed="finished",
    therapy_outcome="little_or_none",
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


def test_the_summary_page_draws_each_option_as_100_people(patient, wizard):
    """The same pictures as the PDF: one per benefit or harm with a number, each named and described for a
    screen reader with the words printed beside it, and as many dark figures on screen as the words say."""
    from PySide6.QtGui import QAccessible, QColor

    from screener.gui.pictures_panel import IconArray
    from screener.report.pictograph import SHADES

    fill(patient)
    summary = wizard.summary_page
    options = next(block for block in wizard.session.bundle.content.blocks if block.type == "options")
    pictures = {(option.name, picture.shows): picture for option in options.options for picture in option.pictures}
    drawn = summary.pictures.findChildren(IconArray)
    assert len(drawn) == len(pictures)
    shown_words = " ".join(label.text() for label in summary.pictures.findChildren(type(summary.text)))
    dark = QColor(SHADES["affected"])
    for array in drawn:
        name, _, label = array.accessibleName().rpartition(", ")
        picture = pictures[(name, "benefit" if label == options.pictures.benefit.lower() else "harm")]
        assert picture.what in array.accessibleDescription() and picture.what in shown_words
        reader = QAccessible.queryAccessibleInterface(array)  # what a screen reader is told
        assert (
            reader.role() == QAccessible.Role.Graphic and reader.text(QAccessible.Text.Name) == array.accessibleName()
        )
        image = array.grab().toImage()
        centres = [  # the middle of each figure's body
            image.pixelColor(int((column + 0.5) * image.width() / 10), int((row + 0.72) * image.height() / 10))
            for row in range(10)
            for column in range(10)
        ]
        assert sum(colour == dark for colour in centres) == picture.people, array.accessibleName()
    assert "Keep my current treatment for now" in summary.text.text()
    assert "About this decision aid" in summary.rest.text()
