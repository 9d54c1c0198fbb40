"""The screening engine: answers in, derived facts, findings and one outcome out. Pure, no I/O.

Facts come first (counts of group entries that meet a condition, named conditions, and the cost
projection); then every rule is tried; each finding records the comparisons that fired it. The
outcome is the highest-priority outcome raised by a fired rule, or the rule set's default.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from screener.content.bundle import FormBundle
from screener.content.regions import Region
from screener.content.rules import OutcomeDef, Rule
from screener.engine.conditions import Outcome, Scope, evaluate
from screener.engine.cost import CostProjection, project
from screener.engine.visibility import prune


@dataclass(frozen=True)
class Finding:
    id: str
    category: str
    text: str
    reason: str
    ask: str
    sources: list[str]
    raises: str | None
    fired_by: list[str]


@dataclass(frozen=True)
class Evaluation:
    outcome: OutcomeDef
    findings: list[Finding]
    facts: dict[str, Any]
    answers: dict[str, Any]
    cost: CostProjection
    region: Region
    entry_checks: dict[str, list[Outcome]] = field(default_factory=dict)

    @property
    def finding_ids(self) -> list[str]:
        return [finding.id for finding in self.findings]

    @property
    def needs_crisis_lines(self) -> bool:
        """A safety finding fired: crisis lines are shown first, whatever the outcome."""
        return any(finding.category == "safety" for finding in self.findings)


def evaluate_answers(bundle: FormBundle, raw_answers: Mapping[str, Any]) -> Evaluation:
    """Evaluate answers (already checked against the form) into an outcome and findings."""
    answers = prune(bundle.form, raw_answers)
    region = bundle.regions.get(answers.get(bundle.form.region_question))
    cost = project(bundle.parameters.cost, answers, region.currency)
    facts: dict[str, Any] = {**cost.facts(), "currency": cost.currency or ""}
    entry_checks: dict[str, list[Outcome]] = {}
    params = bundle.threshold_values
    for fact in bundle.rules.facts:
        scope = Scope(answers, facts, params)
        if fact.count is not None:
            entries = answers.get(fact.count) or []
            checks = [
                evaluate(fact.where, scope.with_item(entry)) if fact.where else Outcome(True) for entry in entries
            ]
            entry_checks[fact.id] = checks
            facts[fact.id] = sum(check.value for check in checks)
        else:
            facts[fact.id] = evaluate(fact.when, scope).value
    scope = Scope(answers, facts, params)
    findings = []
    for rule in bundle.rules.rules:
        result = evaluate(rule.when, scope)
        if result.value:
            findings.append(_finding(bundle, rule, result, answers, facts))
    raised = {finding.raises for finding in findings if finding.raises}
    outcome = next(
        (outcome for outcome in bundle.rules.outcomes if outcome.id in raised),
        bundle.rules.outcome(bundle.rules.default_outcome),
    )
    return Evaluation(outcome, findings, facts, answers, cost, region, entry_checks)


def _finding(
    bundle: FormBundle, rule: Rule, result: Outcome, answers: Mapping[str, Any], facts: Mapping[str, Any]
) -> Finding:
    reason = _ReasonFormatter().vformat(rule.reason, (), {**answers, **facts})
    sources = [bundle.sources.cite(citation) for citation in rule.cite]
    return Finding(rule.id, rule.category, rule.text, reason, rule.ask, sources, rule.raises, result.because)


class _ReasonFormatter(string.Formatter):
    """Fills {placeholders} in a reason; a missing value reads 'not given' instead of failing.

    ``{count:course|courses}`` prints the number with the singular or plural word: "1 course", "2 courses".
    """

    def get_value(self, key, args, kwargs):  # type: ignore[override]
        return kwargs.get(key)

    def format_field(self, value: Any, format_spec: str) -> str:
        if value is None:
            return "not given"
        if "|" in format_spec:
            singular, plural = format_spec.split("|", 1)
            return f"{value} {singular if value == 1 else plural}"
        if isinstance(value, float) and value.is_integer() and not format_spec:
            value = int(value)
        return super().format_field(value, format_spec)
