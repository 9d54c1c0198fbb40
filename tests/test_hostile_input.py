"""Property tests: hostile input never crashes, valid answers survive a round trip, reports always render."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from screener.cli import main
from screener.content.form import GroupQuestion, TextQuestion
from screener.content.loading import load
from screener.engine.answers import check, dumps, new_document, parse
from screener.engine.visibility import prune
from screener.paths import DEFAULT_FORM_DIR
from screener.report.pipeline import summarise
from screener.store.drafts import DraftStore
from tests.conftest import MINI_FORM_DIR
from tests.strategies import AT_THE_LIMIT, json_values, valid_answers

BUNDLE = load(DEFAULT_FORM_DIR)  # the command line finds the shipped form by the id in the file
MINI = load(MINI_FORM_DIR)  # the code's own properties are shown on the small test form
FORM_IDS = sorted(q.id for _, q in BUNDLE.form.questions())
envelope_answers = st.dictionaries(st.one_of(st.sampled_from(FORM_IDS), st.text(max_size=10)), json_values, max_size=6)
any_document = st.one_of(
    json_values,
    envelope_answers.map(
        lambda answers: {"schema_version": 1, "form": {"id": "ketamine_ocd", "version": "1.0.0"}, "answers": answers}
    ),
)


def _run(command: str, content: str, capsys) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.json"
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
        arguments = [command, str(path)] + (["-o", str(Path(folder) / "s.pdf")] if command == "report" else [])
        code = main(arguments)
    return code, capsys.readouterr().err


@settings(max_examples=100)
@given(document=any_document)
@example(
    document={
        "schema_version": 1,
        "form": {"id": "ketamine_ocd", "version": "1.0.0"},
        "answers": {"med_trials": [None, 3], "treatment_kinds": ["medicines"]},
    }
)
def test_any_json_gets_a_result_or_a_clear_error(document, capsys):
    for command in ("evaluate", "report"):
        code, err = _run(command, json.dumps(document), capsys)
        assert code in (0, 2), err
        assert "Traceback" not in err and "internal error" not in err


@settings(max_examples=60)
@given(text=st.text(max_size=200))
def test_any_text_file_gets_a_result_or_a_clear_error(text, capsys):
    code, err = _run("evaluate", text, capsys)
    assert code == 2 and "internal error" not in err


@settings(max_examples=80)
@given(answers=valid_answers(MINI.form))
def test_valid_answers_round_trip_through_save_and_load(answers):
    document = new_document(MINI.form, answers, page="hopes")
    assert not check(MINI.form, document, "generated"), "the generator made invalid answers"
    assert parse(dumps(document), "again") == document
    with tempfile.TemporaryDirectory() as folder:
        store = DraftStore(MINI.form, Path(folder))
        store.save(document)
        assert store.find().document == document


@settings(max_examples=25)
@given(answers=valid_answers(MINI.form))
def test_a_report_renders_for_any_valid_answers(answers):
    summary = summarise(MINI, new_document(MINI.form, answers))
    data, warnings = summary.pdf, summary.warnings
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert all(warning.startswith("some characters could not be printed") for warning in warnings)


def _at_the_limit(form, answers: dict, piece: str) -> dict:
    """Every text answer that applies filled to its limit with ``piece``; every group at its most entries."""

    def fill(question) -> str:
        return (piece * (question.max_length // len(piece) + 1))[: question.max_length]

    filled = dict(answers)
    for _, question in form.questions():
        if isinstance(question, TextQuestion):
            filled[question.id] = fill(question)
        elif isinstance(question, GroupQuestion) and filled.get(question.id):
            entries = (filled[question.id] * question.max_items)[: question.max_items]
            texts = [item for item in question.questions if isinstance(item, TextQuestion)]
            filled[question.id] = [{**entry, **{item.id: fill(item) for item in texts}} for entry in entries]
    return prune(form, filled)


@settings(max_examples=10, deadline=None)
@given(answers=valid_answers(BUNDLE.form), piece=st.sampled_from(AT_THE_LIMIT))
def test_the_real_form_renders_with_every_field_at_its_limit(answers, piece):
    """90 short lines, an unbroken word or 1,500 CJK characters once raised a LayoutError: no summary at all."""
    answers = _at_the_limit(BUNDLE.form, answers, piece)
    document = new_document(BUNDLE.form, answers)
    assert not check(BUNDLE.form, document, "generated"), "the generator made invalid answers"
    summary = summarise(BUNDLE, document)
    assert summary.pdf.startswith(b"%PDF") and summary.pdf.rstrip().endswith(b"%%EOF")


def test_answers_attached_to_a_pdf_that_would_inflate_past_the_limit_are_refused(tmp_path, capsys):
    """A 69 KB summary whose attached answers inflate to 70 MB once took 2.2 s and 238 MB to refuse."""
    pikepdf = pytest.importorskip("pikepdf")  # comes with pdfua; writes a compressed attachment
    pdf = pikepdf.new()
    pdf.add_blank_page()
    answers = {
        "schema_version": 1,
        "form": {"id": "ketamine_ocd", "version": "1.5.0"},
        "answers": {"name": "x" * 70_000_000},
    }
    pdf.attachments["answers.json"] = pikepdf.AttachedFileSpec(pdf, json.dumps(answers).encode())
    bomb = tmp_path / "summary.pdf"
    pdf.save(bomb, compress_streams=True)
    assert bomb.stat().st_size < 200_000
    assert main(["evaluate", str(bomb)]) == 2
    assert "would be larger than 5,242,880 bytes, so they are not an answers file" in capsys.readouterr().err
