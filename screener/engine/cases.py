"""Test cases as data: answer sets with the outcome and findings each must produce.

``cases.yaml`` in a form folder lists them. Running them checks each case's answers against the form,
evaluates them and compares the outcome and the exact set of findings. A rule that no case expects is
a problem too, so every rule is exercised.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Annotated, Any

from screener.content.bundle import FormBundle
from screener.content.form import Id
from screener.content.frozen import Field, Frozen
from screener.content.loading import read_model
from screener.content.problems import Problems, duplicates
from screener.engine.answers import check, new_document
from screener.engine.evaluation import evaluate_answers
from screener.i18n import SOURCE_LANGUAGE


class Expectation(Frozen):
    """The outcome and the exact findings; optionally fact values, and phrases the summary must or must not say."""

    outcome: str
    findings: list[str] = field(default_factory=list)
    facts: Annotated[dict[str, Any], Field(description="derived facts and the values they must have")] = field(
        default_factory=dict
    )
    says: Annotated[
        list[str], Field(description="phrases that must occur in the outcome's summary or the findings' words")
    ] = field(default_factory=list)
    never_says: Annotated[
        list[str], Field(description="phrases that must not occur there (case-insensitive): no false comfort")
    ] = field(default_factory=list)


class Case(Frozen):
    id: Id
    description: str
    answers: dict[str, Any]
    expect: Expectation
    unfinished: Annotated[
        bool,
        Field(description="required questions may be empty, as in answers carried over from an earlier form version"),
    ] = False


class CaseFile(Frozen):
    pieces: Annotated[dict[str, Any], Field(description="shared answers, used through YAML anchors")] = field(
        default_factory=dict
    )
    cases: Annotated[list[Case], Field(min_length=1)]


class CaseRun(Frozen):
    ran: int
    problems: Problems


def run_cases(bundle: FormBundle) -> CaseRun:
    """Run every case in the form folder's cases.yaml; report every mismatch."""
    path = bundle.folder / "cases.yaml"
    problems = Problems()
    cases = read_cases(path, problems)
    if cases is None:
        return CaseRun(0, problems)
    for case_id in duplicates(case.id for case in cases):
        problems.add(path, f"case '{case_id}'", "this case id is used more than once")
    rule_ids = {rule.id for rule in bundle.rules.rules}
    outcome_ids = {outcome.id for outcome in bundle.rules.outcomes}
    for case in cases:
        _run_case(bundle, path, case, rule_ids, outcome_ids, problems)
    expected = {finding for case in cases for finding in case.expect.findings}
    for rule_id in sorted(rule_ids - expected):
        problems.add(path, f"rule '{rule_id}'", "no case expects this rule to fire; add one")
    for outcome_id in sorted(outcome_ids - {case.expect.outcome for case in cases}):
        problems.add(path, f"outcome '{outcome_id}'", "no case expects this outcome; add one")
    return CaseRun(len(cases), problems)


def read_cases(path: Path, problems: Problems) -> list[Case] | None:
    """The cases of a cases.yaml, or None (its problems recorded)."""
    found = read_model(path, CaseFile, problems)
    return None if found is None else found.cases


def _run_case(
    bundle: FormBundle, path: Path, case: Case, rule_ids: set[str], outcome_ids: set[str], problems: Problems
) -> None:
    where = f"case '{case.id}'"
    for finding in case.expect.findings:
        if finding not in rule_ids:
            problems.add(path, where, f"expects unknown rule '{finding}'")
    if case.expect.outcome not in outcome_ids:
        problems.add(path, where, f"expects unknown outcome '{case.expect.outcome}'")
    answer_problems = check(
        bundle.form, new_document(bundle.form, case.answers), str(path), complete=not case.unfinished
    )
    for problem in answer_problems:
        problems.add(path, f"{where} > {problem.where}", problem.reason)
    if answer_problems:
        return
    result = evaluate_answers(bundle, case.answers)
    if result.outcome.id != case.expect.outcome:
        problems.add(path, where, f"outcome is {result.outcome.id}, expected {case.expect.outcome}")
    fired, wanted = set(result.finding_ids), set(case.expect.findings)
    if fired - wanted:
        problems.add(path, where, f"unexpected findings: {', '.join(sorted(fired - wanted))}")
    if wanted - fired:
        problems.add(path, where, f"missing findings: {', '.join(sorted(wanted - fired))}")
    for fact, value in case.expect.facts.items():
        if fact not in result.facts:
            problems.add(path, where, f"expects unknown fact '{fact}'")
        elif result.facts[fact] != value:
            problems.add(path, where, f"fact '{fact}' is {result.facts[fact]!r}, expected {value!r}")
    if bundle.form.language != SOURCE_LANGUAGE:
        return  # the phrases below are the form's English; a translation's words are checked by check --lang
    words = " ".join([result.summary, *(f"{finding.text} {finding.reason}" for finding in result.findings)])
    for phrase in case.expect.says:
        if phrase not in words:
            problems.add(path, where, f"the outcome and findings do not say {phrase!r}")
    for phrase in case.expect.never_says:
        if phrase.casefold() in words.casefold():
            problems.add(path, where, f"the outcome or findings say {phrase!r}, which they must not")
