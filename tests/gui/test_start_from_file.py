"""The first page starts from an earlier summary PDF (saved with its answers), an answers file or a FHIR
response, carried over to this version of the form; a PDF without answers gets a plain sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from screener.cli import main
from screener.engine.answers import parse
from tests.conftest import EXAMPLES_DIR

EXAMPLE = EXAMPLES_DIR / "heavy_history.json"
OLD = Path(__file__).parents[1] / "forms" / "old_answers" / "ketamine_ocd-1.0.0-with_precautions.json"


def _pick(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))


@pytest.mark.parametrize("made_with", [["--attach-answers"], []], ids=["with answers", "without"])
def test_a_summary_pdf_brings_its_answers_back_or_says_it_has_none(patient, wizard, monkeypatch, tmp_path, made_with):
    summary = tmp_path / "last-year.pdf"
    assert main(["report", str(EXAMPLE), "-o", str(summary), *made_with]) == 0
    _pick(monkeypatch, summary)
    patient._click(wizard.privacy.from_file_button)
    notice = wizard.privacy.notice.text()
    if made_with:
        example = parse(EXAMPLE.read_bytes(), "example").answers
        safety = wizard.session.crisis_questions
        assert wizard.answers == {key: value for key, value in example.items() if key not in safety}
        assert "Your answers from last-year.pdf (summary PDF) were brought back." in notice
        assert "The safety questions are asked again, because they are about how you are now." in notice
        patient.next()
        assert patient.row("name").input.edit.text() == wizard.answers["name"]
        patient.next()
        assert patient.row("wish_dead").value() is None  # last year's answer is not today's
    else:
        assert wizard.answers == {}
        assert "does not carry the answers it was made from" in notice and "--attach-answers" in notice


def test_a_fhir_response_and_an_answers_file_of_an_earlier_version_come_in_too(patient, wizard, monkeypatch, tmp_path):
    exported = tmp_path / "from-the-clinic.json"
    assert main(["export", "--fhir", str(EXAMPLE), "-o", str(exported)]) == 0
    _pick(monkeypatch, exported)
    patient._click(wizard.privacy.from_file_button)
    assert wizard.answers["med_trials"] == parse(EXAMPLE.read_bytes(), "example").answers["med_trials"]
    assert "(FHIR response) were brought back" in wizard.privacy.notice.text()
    _pick(monkeypatch, OLD)
    patient._click(wizard.privacy.from_file_button)
    assert wizard.answers["med_trials"][0]["weeks_at_dose"] == 12  # carried over from form 1.0.0
    assert "Thoughts of suicide (past week)" in wizard.privacy.notice.text()  # to answer again, named
    assert "suicidal_thoughts" in wizard.answer_again
