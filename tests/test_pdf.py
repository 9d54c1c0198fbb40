"""The PDF summary: contents, order, safety of patient text, fonts, layout, privacy and reproducibility."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from html import escape

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


EXAMPLES = ["get_help_now", "heavy_history", "other_steps_first", "with_precautions", "worth_discussing"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_prints_outcome_findings_and_medicines(bundle, name):
    document = _document(name)
    data, warnings = pdf_and_warnings(bundle, document, made_on=DAY)
    text = pdf_text(data)
    result = evaluate_answers(bundle, document.answers)
    urgent = result.outcome.id == "get_help_now"
    assert not warnings
    assert folded(result.outcome.title) in text
    for finding in result.findings:
        if urgent and finding.category not in ("safety", "precaution"):
            assert folded(finding.reason) not in text, finding.id  # a crisis summary leaves the rest out
            continue
        assert folded(finding.text) in text, finding.id
        assert folded(finding.reason) in text, finding.id
    medicine = bundle.form.question("med_trials").item_question("medicine")
    for trial in document.answers.get("med_trials", []):
        assert folded(medicine.brief(trial["medicine"])) in text
    assert "Only a specialist can decide" in text
    if result.needs_crisis_lines:
        crisis_at = text.index("Help is available now")
        assert "Call or text 988" in text[crisis_at : crisis_at + 600]
        assert crisis_at < text.index("Screening outcome")
    else:
        assert "Help is available now" not in text


def _pages(data: bytes) -> list[str]:
    return [folded(page.extract_text() or "") for page in pdf_reader(data).pages]


@pytest.mark.parametrize("name", EXAMPLES)
def test_page_one_is_the_snapshot_and_the_core_ends_by_page_three(bundle, name):
    document = _document(name)
    data, _ = pdf_and_warnings(bundle, document, made_on=DAY)
    pages = _pages(data)
    first = pages[0]
    for fact in (
        "Safety answers",
        "Ever tried to kill self:",
        "OCD diagnosed by:",
        "Y-BOCS score:",
        "Medicines tried",
        "Antipsychotics added",
        "Talking therapy tried",
        "Health points to check before treatment",  # every hazard among the answers about now stands here
        "In a crisis:",  # every summary ends page 1 with the patient's own crisis line
    ):
        assert fact in first, fact
    assert pages[1].find("In a crisis:") == -1 or name == "get_help_now"  # page 1 ends with it
    medicine = bundle.form.question("med_trials").item_question("medicine")
    for trial in document.answers.get("med_trials", []):
        assert folded(medicine.brief(trial["medicine"])) in first
    # what a specialist checks before a referral: each precaution, the blood pressure, interacting medicines
    for finding in evaluate_answers(bundle, document.answers).findings:
        if finding.category in ("precaution", "weigh"):
            assert folded(finding.text) in first, finding.id
    answers = document.answers
    if "bp_systolic" in answers:
        assert f"{answers['bp_systolic']}/{answers['bp_diastolic']}" in first
    for question_id, named in answers.items():
        if question_id.endswith("_names"):  # the medicines that interact, by name and dose, as typed
            assert folded(named) in first, question_id
    appendix = next((i for i, page in enumerate(pages) if page.startswith("Appendix:")), len(pages))
    assert appendix <= 3  # page 1 is the snapshot; the findings and questions end by page 3
    core = " ".join(pages[:appendix])
    assert "Questions for the specialist" in core
    for question in document.answers["own_questions"].splitlines():
        assert folded(question) in core
    assert "Appendix" not in core  # the appendix starts on a page of its own, after the core
    if evaluate_answers(bundle, document.answers).outcome.id != "get_help_now":
        assert appendix < len(pages)
        for heading in ("Hopes, what matters", "Cost and schedule"):
            assert heading in core


@pytest.mark.parametrize("name", EXAMPLES)
def test_nothing_is_said_twice(bundle, name):
    document = _document(name)
    data, _ = pdf_and_warnings(bundle, document, made_on=DAY)
    text = pdf_text(data, footers=False)
    result = evaluate_answers(bundle, document.answers)
    said = [bundle.rules.closing, *(finding.ask for finding in result.findings)]
    said += [finding.text for finding in result.findings if finding.category != "safety"]
    for sentence in said:
        assert text.count(folded(sentence)) <= 1, sentence
    assert text.count(folded(bundle.rules.closing)) == 1


def test_a_crisis_summary_is_short_and_points_the_right_way(bundle):
    data, _ = pdf_and_warnings(bundle, _document("get_help_now"), made_on=DAY)
    text = pdf_text(data)
    assert len(pdf_reader(data).pages) <= 2
    assert text.index("Help is available now") < text.index("Get help now") < text.index("Safety answers")
    assert "using the numbers above" in text or "the numbers above" in text
    assert "below" not in text.split("Safety answers")[0]
    for left_out in ("What we found, and why", "Cost and schedule", "What the research says"):
        assert left_out not in text
    assert "Questions for the specialist" in text and "Thoughts of suicide right now: Yes" in text


def test_sizes_are_readable_and_every_font_is_embedded(bundle):
    data, _ = pdf_and_warnings(bundle, _document("with_precautions"), made_on=DAY)
    sizes: dict[float, str] = {}
    reader = pdf_reader(data)
    for page in reader.pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: sizes.setdefault(round(size, 1), text))
    assert min(sizes) >= 9, sizes  # the footer and chart labels; tables are 9.5, running text 11
    research = folded("In one small study, 15 adults with OCD")
    assert any(size >= 11 and research.startswith(folded(text)[:20]) for size, text in sizes.items()) or 11 in sizes
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].get_object().values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


def test_money_is_written_one_way_and_the_clinics_quote_is_named(bundle):
    answers = {**_document("other_steps_first").answers}
    assert answers["country"] == "GB" and answers["price_quoted"] is True
    text = pdf_text(_pdf(bundle, answers)[0])
    assert "£350" in text and "£3,000" in text
    assert "GBP" not in text and "in your currency" not in text and "$" not in text.split("Appendix")[0]
    assert "The clinic's own price for one infusion, as entered by the patient" in text
    assert "typical US prices" not in text.split("Appendix")[0]


def test_sections_come_in_order(bundle):
    data, _ = pdf_and_warnings(bundle, _document("with_precautions"), made_on=DAY)
    text = pdf_text(data)
    headings = [
        "Consultation summary",
        "Screening outcome",
        "Health points to check before treatment",
        "Safety answers",
        "The OCD",
        "Medicines tried for OCD",
        "Antipsychotics added to OCD medicine",
        "Talking therapy tried",
        "Blood pressure, medicines, alcohol and drugs now",
        "What we found, and why",
        "Why the health points matter",
        "Health history and all current medicines",
        "Hopes, what matters, and practical points",
        "Cost and schedule",
        "Questions for the specialist",
        "Appendix: background for the patient",
        "Before your appointment",
        "What the research says",
        "Sources",
        "About this summary",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "Page 1 of" in text and "Form version 1.5.0" in text and "Made on 23 November 2026" in text


def test_a_positive_screen_shows_the_crisis_box_for_the_patients_country(bundle):
    answers = {
        **_document("worth_discussing").answers,
        "wish_dead": True,
        "thoughts_now": False,
        "country": "GB",
        "budget_3_months": None,
    }
    text = pdf_text(_pdf(bundle, {k: v for k, v in answers.items() if v is not None})[0])
    assert text.index("Help is available now") < text.index("Screening outcome")
    assert "Samaritans: Call 116 123" in text and "Call 999 or 112" in text
    assert "988" not in text and "13 11 14" not in text  # only the patient's own region's lines
    assert "Other steps first" in text and "Worth discussing" not in text  # a positive screen is no go-ahead


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
            "weeks_total": index,
            "weeks_at_dose": index,
            "outcome": "worse",
            "stopped_side_effects": False,
        }
        for index in range(20)
    ]
    long_text = ("I have a question about how long each effect lasts. " * 100)[:5000]
    answers = {**_document("worth_discussing").answers, "med_trials": trials, "own_questions": long_text}
    data, _ = _pdf(bundle, answers)
    text = pdf_text(data, footers=False)
    assert text.count("Dose, mg a day") >= 2  # the table split across pages and repeated its header
    for index in range(20):
        assert f"Study medicine number {index}" in text
    assert folded(long_text) in text  # nothing cut off
    assert len(pdf_reader(data).pages) >= 7


def test_a_question_with_no_space_in_10000_characters_runs_over_pages(bundle):
    """A paragraph split across pages is rebuilt from its lines: they must not carry the spaces added for
    reading, or the long word breaks differently on the next page and the layout fails (found by Hypothesis)."""
    safety = {"wish_dead": False, "better_off_dead": False, "suicidal_thoughts": False, "past_attempt": False}
    data, warnings = _pdf(bundle, {**safety, "own_questions": "x" * 10_000})
    assert not warnings
    assert pdf_text(data, footers=False).replace(" ", "").count("x" * 1000) >= 9


@pytest.mark.parametrize(
    "limit, dose_cell, adequacy",
    [
        (
            "side_effects",
            "100 (most tolerated)",
            "No: side effects held the dose at 100 mg a day: counted as not tolerated, not as a trial that failed",
        ),
        ("not_sure", "100 (not sure if more)", "No: 100 mg a day (target used here: at least 200 mg)"),
    ],
)
def test_what_stopped_a_higher_dose_stands_beside_the_dose_on_page_one(bundle, limit, dose_cell, adequacy):
    answers = dict(_document("other_steps_first").answers)
    answers["med_trials"] = [dict(answers["med_trials"][0], dose_mg=100, dose_limit=limit), answers["med_trials"][1]]
    page_one = _pages(_pdf(bundle, answers)[0])[0]
    assert dose_cell in page_one and adequacy in page_one


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_page_one_is_set_in_10_pt_or_more_and_keeps_the_erp_history(name, language):
    """Page 1 is read at a glance: no text on it under 10 pt but the page furniture (the footer), and the
    talking therapy table stays on it in both languages, however long the history."""
    from screener.content.loading import load
    from tests.conftest import DEFAULT_FORM_DIR

    data = summarise(load(DEFAULT_FORM_DIR, language), _document(name), made_on=DAY).pdf
    page = pdf_reader(data).pages[0]
    small: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, size):
        rendered = size * (tm[0] or 1) * (cm[0] or 1)
        above_footer = tm[5] * (cm[3] or 1) + cm[5] > 40
        if text.strip() and above_footer and rendered < 10:
            small.append((rendered, text.strip()))

    text = page.extract_text(visitor_text=visit)
    assert small == []
    assert ("Talking therapy tried" if language == "en" else "Terapia psicológica probada") in text


def test_same_answers_and_date_give_identical_bytes(bundle):
    document = _document("with_precautions")
    first, _ = pdf_and_warnings(bundle, document, made_on=DAY)
    second, _ = pdf_and_warnings(bundle, document, made_on=DAY)
    assert first == second


def test_metadata_has_title_subject_language_and_no_name(bundle):
    document = _document("with_precautions")
    data, _ = pdf_and_warnings(bundle, document, made_on=DAY)
    metadata = pdf_reader(data).metadata
    assert metadata.title.startswith("Consultation summary: Ketamine treatment for OCD.")
    assert metadata.subject == "Worth discussing, with precautions"
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


def test_the_options_stand_side_by_side_and_mark_what_was_tried(bundle):
    answers = {
        **_document("worth_discussing").answers,
        "treatment_kinds": ["medicines", "therapy", "other"],
        "other_treatment_kinds": ["tms"],
        "med_trials": [
            {"medicine": "clomipramine", "dose_mg": 150, "weeks_total": 12, "weeks_at_dose": 8, "outcome": "worse"}
        ],
        "matters_cost": "lot",
    }
    text = pdf_text(_pdf(bundle, answers)[0], footers=False)
    assert (
        "Clomipramine (you have tried this)" in text and "Deep TMS (magnetic stimulation) (you have tried this)" in text
    )
    assert "Ketamine treatment (you have tried this)" not in text
    assert "Cost (you said: A lot)" in text
    options = next(block for block in bundle.content.blocks if block.type == "options")
    for option in options.options:  # benefits and harms in the same detail for every option
        assert (
            folded(option.benefit) in text
            and folded(option.harms_common) in text
            and folded(option.harms_serious) in text
        )
    from screener.report.html import render_html
    from screener.report.pipeline import report_for

    page = render_html(report_for(bundle, new_document(bundle.form, answers), made_on=DAY)[1])
    assert all(escape(option.name) in page for option in options.options)  # the summary page shows them too
    nothing_tried = pdf_text(_pdf(bundle, {**_document("other_steps_first").answers, "treatment_kinds": ["none"]})[0])
    assert "(you have tried this)" not in nothing_tried


def test_every_renderer_draws_every_kind_of_block():
    """A new block type cannot be forgotten by one renderer: the PDF, the summary page and the text."""
    import typing

    from screener.report import html, text
    from screener.report.model import BlockView
    from screener.report.pdf import PdfText, _Story

    kinds = set(typing.get_args(BlockView))
    assert set(html._DRAW) == kinds and set(text._DRAW) == kinds
    assert set(_Story(PdfText(), 500, 700).draw) == kinds
