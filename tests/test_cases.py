"""Every case in cases.yaml produces its outcome and exactly its findings; every rule is exercised."""

from __future__ import annotations

import yaml

from screener.engine.cases import run_cases
from screener.engine.evaluation import evaluate_answers
from screener.paths import DEFAULT_FORM_DIR

CASES = yaml.safe_load((DEFAULT_FORM_DIR / "cases.yaml").read_text(encoding="utf-8"))["cases"]


def test_every_shipped_case_holds_and_every_rule_and_outcome_is_expected(bundle):
    run = run_cases(bundle)
    assert run.problems.items == []
    assert run.ran == len(CASES) >= 15


def test_runner_reports_a_wrong_expectation(bundle, form_copy):
    from screener.content.loading import load

    path = form_copy / "cases.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "expect: {outcome: worth_discussing, findings: [profile_resistant]}\n",
            "expect: {outcome: get_help_now, findings: [profile_resistant, driver]}\n",
            1,
        ),
        encoding="utf-8",
    )
    run = run_cases(load(form_copy))
    messages = [str(problem) for problem in run.problems]
    assert any(
        "case 'resistant_no_precautions': outcome is worth_discussing, expected get_help_now" in m for m in messages
    )
    assert any("case 'resistant_no_precautions': missing findings: driver" in m for m in messages)


def test_findings_record_what_fired_them(bundle):
    case = next(case for case in CASES if case["id"] == "dose_just_below_target")
    result = evaluate_answers(bundle, case["answers"])
    needs = next(finding for finding in result.findings if finding.id == "needs_med_trials")
    assert "adequate_med_no_benefit is 1 (less than 2)" in needs.fired_by
    assert "Different medicines at the usual dose and time: 1." in needs.reason
    assert "Sertraline: 150 mg a day (target used here: at least 200 mg)" in needs.reason
    table = result.entry_checks["adequate_med_trials"]
    assert [check.value for check in table] == [False, True]
    assert "dose_mg is 150 (at least 200)" in table[0].because
    assert result.entry_shortfalls["adequate_med_trials"] == [["150 mg a day (target used here: at least 200 mg)"], []]
