"""A second, small form (tests/forms/mini) goes through check, evaluate, report and the wizard with no code.

It proves that the questions, rules, facts, parameters, cost schedule and cases are data: nothing in
screener/ knows this form.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys

from pypdf import PdfReader

from tests.conftest import MINI_FORM_DIR

EXAMPLE = MINI_FORM_DIR / "examples" / "long_pill_trial.json"


def _screener(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "screener", *args], capture_output=True, text=True, timeout=120)


def test_check_validates_the_form_and_runs_its_cases():
    done = _screener("check", str(MINI_FORM_DIR))
    assert done.returncode == 0, done.stderr
    assert "form 'knee_check' version 0.1.0 is valid (14 questions, 2 rules); 3 cases ran and all hold" in done.stdout


def test_evaluate_gives_the_outcome_and_the_finding_with_its_reason():
    done = _screener("evaluate", str(EXAMPLE), "--form", str(MINI_FORM_DIR), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["outcome"] == "see_clinic"
    assert [(f["id"], f["reason"]) for f in result["findings"]] == [("long_pills", "1 trial lasted 6 weeks or more.")]


def test_report_renders_the_answers_escaped(tmp_path):
    out = tmp_path / "knee.pdf"
    done = _screener("report", str(EXAMPLE), "--form", str(MINI_FORM_DIR), "-o", str(out), "--date", "2026-12-02")
    assert done.returncode == 0, done.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
    for expected in (
        "Knee visit summary",
        "Worth a visit",
        "Zoë <b>&amp;",
        "Naproxen",
        "Walk to the shop.",
        "Only the clinic decides what is right for you.",
        "14 December 2026",
    ):
        assert expected in text


def test_the_urgent_outcome_puts_the_regions_line_first(mini):
    from screener.engine.evaluation import evaluate_answers

    result = evaluate_answers(mini, {"region": "NORTH", "feeling_unsafe": True})
    assert result.outcome.id == "call_now"
    assert [line.how for line in result.region.crisis_lines] == ["Call 555 0100"]
