"""Every case in cases.yaml produces its outcome and exactly its findings; every rule is exercised."""

from __future__ import annotations

import pytest
import yaml

from screener.answers import check, new_document
from screener.cases import run_cases
from screener.engine import evaluate_answers
from screener.paths import DEFAULT_FORM_DIR

CASES = yaml.safe_load((DEFAULT_FORM_DIR / "cases.yaml").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case(bundle, case):
    answers = case["answers"]
    assert not check(bundle.form, new_document(bundle.form, answers), "case"), "the case's answers are invalid"
    result = evaluate_answers(bundle, answers)
    assert result.outcome.id == case["expect"]["outcome"]
    assert sorted(result.finding_ids) == sorted(case["expect"]["findings"])


def test_every_rule_and_outcome_is_expected_by_some_case(bundle):
    expected = {finding for case in CASES for finding in case["expect"]["findings"]}
    assert {rule.id for rule in bundle.rules.rules} <= expected
    assert {outcome.id for outcome in bundle.rules.outcomes} == {case["expect"]["outcome"] for case in CASES}


def test_runner_reports_a_wrong_expectation(bundle, form_copy):
    from screener.loader import load

    path = form_copy / "cases.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("expect: {outcome: worth_discussing, findings: [profile_resistant]}\n",
                                 "expect: {outcome: get_help_now, findings: [profile_resistant, driver]}\n", 1),
                    encoding="utf-8")
    run = run_cases(load(form_copy))
    messages = [str(problem) for problem in run.problems]
    assert any("case 'resistant_no_precautions': outcome is worth_discussing, expected get_help_now" in m
               for m in messages)
    assert any("case 'resistant_no_precautions': missing findings: driver" in m for m in messages)


def test_runner_counts_the_cases(bundle):
    run = run_cases(bundle)
    assert not run.problems
    assert run.ran == len(CASES) >= 15


def test_findings_record_what_fired_them(bundle):
    case = next(case for case in CASES if case["id"] == "dose_just_below_target")
    result = evaluate_answers(bundle, case["answers"])
    needs = next(finding for finding in result.findings if finding.id == "needs_med_trials")
    assert "adequate_med_no_benefit is 1 (less than 2)" in needs.fired_by
    assert "1 of your medicine trials count as adequate" in needs.reason
    table = result.entry_checks["adequate_med_trials"]
    assert [check.value for check in table] == [False, True]
    assert "dose_mg is 150 (at least 200)" in table[0].because
