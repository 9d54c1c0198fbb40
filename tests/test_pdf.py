"""The PDF summary: contents, order, safety of patient text, fonts, layout, privacy and reproducibility."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat

import pytest

from screener.cli import main
from screener.engine.answers import new_document, parse
from screener.engine.evaluation import evaluate_answers
from screener.report.build import build_report
from screener.report.pipeline import summarise
from tests.conftest import EXAMPLES_DIR
from tests.pdf_helpers import folded, pdf_reader, pdf_text


def pdf_and_warnings(*args, **kwargs) -> tuple[bytes, list[str]]:
    summary = summarise(*args, **kwargs)
    return summary.pdf, summary.warnings


DAY = dt.date(2026, 11, 23)
HOSTILE = "Zoë Ñúñez <b>&amp; 李小龙 مرحبا 😀"


def _document(name: str):
    return parse((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"), name)


def _pdf(bundle, answers: dict, **options) -> tuple[bytes, list[str]]:
    return pdf_and_warnings(bundle, new_document(bundle.form, answers), made_on=DAY, **options)


@pytest.mark.parametrize("name", ["get_help_now", "other_steps_first", "with_precautions", "worth_discussing"])
def test_every_example_prints_outcome_findings_and_medicines(bundle, name):
    document = _document(name)
    data, warnings = pdf_and_warnings(bundle, document, made_on=DAY)
    text = pdf_text(data)
    result = evaluate_answers(bundle, document.answers)
    assert not warnings
    assert folded(result.outcome.title) in text
    for finding in result.findings:
        assert folded(finding.text) in text, finding.id
        assert folded(finding.reason) in text, finding.id
    medicine = bundle.form.question("med_trials").item_question("medicine")
    for trial in document.answers.get("med_trials", []):
        assert folded(medicine.display(trial["medicine"])) in text
    assert "Only a qualified specialist can decide" in text
    if document.answers["suicidal_thoughts"] != "none":
        crisis_at = text.index("Help is available now")
        assert "Call or text 988" in text[crisis_at : crisis_at + 400]
        assert crisis_at < text.index("Screening outcome")
    else:
        assert "Help is available now" not in text


def test_sections_come_in_order(bundle):
    data, _ = pdf_and_warnings(bundle, _document("with_precautions"), made_on=DAY)
    text = pdf_text(data)
    headings = [
        "Consultation summary",
        "Screening outcome",
        "What we found, and why",
        "Medicines tried for OCD",
        "Talking therapy tried",
        "Other treatments",
        "Health history",
        "Goals, and what matters most",
        "Cost and schedule",
        "Before your appointment",
        "What the research says",
        "Questions for the specialist",
        "Sources",
        "About this summary",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "Page 1 of" in text and "Form version 1.0.0" in text and "Made on 23 November 2026" in text


def test_sometimes_shows_the_crisis_box_for_the_patients_country(bundle):
    answers = {
        **_document("worth_discussing").answers,
        "suicidal_thoughts": "sometimes",
        "country": "GB",
        "budget_3_months": None,
    }
    text = pdf_text(_pdf(bundle, {k: v for k, v in answers.items() if v is not None})[0])
    assert text.index("Help is available now") < text.index("Screening outcome")
    assert "Samaritans: Call 116 123" in text and "Call 999 or 112" in text
    assert "Worth discussing" in text


def test_patient_text_is_printed_literally(bundle):
    answers = {
        **_document("worth_discussing").answers,
        "name": "A <b>&amp; B",
        "clinic": "<font size=40>Big",
        "own_questions": "a <unclosed & <i>tag</i>",
    }
    data, warnings = _pdf(bundle, answers)
    text = pdf_text(data)
    for literal in ("A <b>&amp; B", "<font size=40>Big", "a <unclosed & <i>tag</i>"):
        assert literal in text
    assert not warnings


def test_any_script_prints_or_is_named(bundle):
    answers = {**_document("worth_discussing").answers, "name": HOSTILE, "own_questions": HOSTILE}
    data, warnings = _pdf(bundle, answers)
    text = pdf_text(data)
    assert "Zoë Ñúñez <b>&amp;" in text and "李小龙" in text
    assert warnings == ["some characters could not be printed and show as \ufffd in the PDF: U+1F600 (Grinning Face)"]
    assert "could not be printed with this program's fonts. They appear as \ufffd: U+1F600 (Grinning Face)" in text
    fonts = {
        str(font)
        for page in pdf_reader(data).pages
        for font in (page["/Resources"]["/Font"].get_object().values())
        for font in [font.get_object()["/BaseFont"]]
    }
    assert any("DroidSansFallback" in font for font in fonts)  # the CJK characters use the fallback font


def test_control_characters_and_broken_surrogates_never_fail(bundle):
    answers = {**_document("worth_discussing").answers, "own_questions": "bell\x07 tab\t cr\r\n lone\ud800"}
    data, warnings = _pdf(bundle, answers)
    assert "U+0007 (a control character)" in warnings[0] and "U+D800" in warnings[0]
    assert "bell\ufffd" in pdf_text(data)


def test_twenty_trials_and_long_text_stay_laid_out(bundle):
    trials = [
        {
            "medicine": "other",
            "medicine_other": f"Study medicine number {index}, a long name from a trial abroad",
            "dose_mg": 100 + index,
            "weeks": index,
            "outcome": "worse",
            "stopped_side_effects": False,
        }
        for index in range(20)
    ]
    long_text = ("I have a question about how long each effect lasts. " * 100)[:5000]
    answers = {**_document("worth_discussing").answers, "med_trials": trials, "own_questions": long_text}
    data, _ = _pdf(bundle, answers)
    text = pdf_text(data, footers=False)
    assert text.count("Highest dose") >= 2  # the table split across pages and repeated its header
    for index in range(20):
        assert f"{100 + index} mg per day" in text
    assert folded(long_text) in text  # nothing cut off
    assert len(pdf_reader(data).pages) >= 7


def test_same_answers_and_date_give_identical_bytes(bundle):
    document = _document("with_precautions")
    first, _ = pdf_and_warnings(bundle, document, made_on=DAY)
    second, _ = pdf_and_warnings(bundle, document, made_on=DAY)
    assert first == second


def test_metadata_has_title_subject_language_and_no_name(bundle):
    document = _document("with_precautions")
    data, _ = pdf_and_warnings(bundle, document, made_on=DAY)
    metadata = pdf_reader(data).metadata
    assert "ketamine treatment for OCD" in metadata.title and metadata.subject
    assert document.answers["name"] not in json.dumps({k: str(v) for k, v in metadata.items()})
    assert pdf_reader(data).trailer["/Root"]["/Lang"] == "en"


def test_answers_are_attached_only_when_asked(bundle):
    document = _document("worth_discussing")
    plain, _ = pdf_and_warnings(bundle, document, made_on=DAY)
    attached, _ = pdf_and_warnings(bundle, document, made_on=DAY, attach_answers=True)
    assert not pdf_reader(plain).attachments
    content = pdf_reader(attached).attachments["answers.json"][0]
    assert parse(content, "attachment") == document
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    response = pdf_reader(attached).attachments["questionnaire-response.fhir.json"][0]
    QuestionnaireResponse.model_validate_json(response)  # the clinic's standard copy of the same answers


def test_paper_size_follows_the_country(bundle):
    def paper(country: str, **options) -> str:
        answers = {**_document("worth_discussing").answers, "country": country}
        result = evaluate_answers(bundle, answers)
        return build_report(bundle, result, DAY, **options).paper

    assert paper("US") == "letter" and paper("CA") == "letter"
    assert paper("GB") == "a4" and paper("OTHER") == "a4"
    assert paper("US", paper="a4") == "a4"


def test_report_command_writes_a_private_file(tmp_path, capsys):
    output = tmp_path / "summary.pdf"
    assert main(["report", str(EXAMPLES_DIR / "worth_discussing.json"), "-o", str(output), "--date", "2026-11-23"]) == 0
    assert output.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(output).st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["summary.pdf"]


def test_report_failure_leaves_no_half_written_file(tmp_path, monkeypatch, capsys):
    output = tmp_path / "summary.pdf"
    output.write_bytes(b"the patient's earlier PDF")

    def broken_fsync(_descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    assert main(["report", str(EXAMPLES_DIR / "worth_discussing.json"), "-o", str(output)]) == 2
    assert "The PDF could not be saved" in capsys.readouterr().err
    assert output.read_bytes() == b"the patient's earlier PDF"
    assert [path.name for path in tmp_path.iterdir()] == ["summary.pdf"]


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--date", "23/11/2026"], "is not a date written as YYYY-MM-DD"),
        (["-o", "/nonexistent-folder/x.pdf"], "The PDF could not be saved"),
    ],
)
def test_report_bad_input_exits_2(tmp_path, capsys, arguments, message):
    command = ["report", str(EXAMPLES_DIR / "worth_discussing.json"), "-o", str(tmp_path / "s.pdf"), *arguments]
    assert main(command) == 2
    assert message in capsys.readouterr().err
