"""The screening engine: answers in, derived facts, findings and one outcome out. Pure, no I/O.

Facts come first (counts of group entries that meet a condition, named conditions, and the cost
projection); then every rule is tried; each finding records the comparisons that fired it. The
outcome is the highest-priority outcome raised by a fired rule, or the rule set's default.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import field
from typing import Any

from screener.content.bundle import FormBundle
from screener.content.form import GroupQuestion
from screener.content.frozen import Frozen
from screener.content.regions import Region
from screener.content.rules import FactDef, NameSearch, OutcomeDef, Rule, Shortfall
from screener.content.sources import Citation
from screener.engine.conditions import Outcome, Scope, evaluate, resolve
from screener.engine.cost import CostProjection, project
from screener.engine.typed_names import find_names, parts
from screener.engine.visibility import applicable, prune
from screener.i18n import _


class Finding(Frozen):
    id: str
    category: str
    text: str
    reason: str
    ask: str
    sources: list[str]  # as printed
    source_ids: list[str]
    raises: str | None
    fired_by: list[str]


class Evaluation(Frozen):
    outcome: OutcomeDef
    summary: str  # the outcome's summary, or the first of its variants that holds, filled in
    findings: list[Finding]
    facts: dict[str, Any]
    answers: dict[str, Any]
    cost: CostProjection
    region: Region
    entry_checks: dict[str, list[Outcome]] = field(default_factory=dict)
    entry_shortfalls: dict[str, list[list[str]]] = field(default_factory=dict)  # per count fact, per entry
    entry_notes: dict[str, list[list[str]]] = field(default_factory=dict)  # per count fact, per entry met

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
    entry_shortfalls: dict[str, list[list[str]]] = {}
    entry_notes: dict[str, list[list[str]]] = {}
    params = bundle.threshold_values
    applies = applicable(bundle.form, answers).applies
    for fact in bundle.rules.facts:
        scope = Scope(answers, facts, params)
        if fact.count is not None:
            entries = answers.get(fact.count) or []
            checks = [
                evaluate(fact.where, scope.with_item(entry)) if fact.where else Outcome(True) for entry in entries
            ]
            entry_checks[fact.id] = checks
            facts[fact.id] = _count(fact, entries, checks)
            if fact.why_not_fact:
                shortfalls = [
                    [] if check.value else _said(fact.why_not, scope.with_item(entry))
                    for entry, check in zip(entries, checks, strict=True)
                ]
                entry_shortfalls[fact.id] = shortfalls
                facts[fact.why_not_fact] = _name_shortfalls(bundle, fact, entries, shortfalls)
            if fact.notes:
                notes = [
                    _said(fact.notes, scope.with_item(entry)) if check.value else []
                    for entry, check in zip(entries, checks, strict=True)
                ]
                entry_notes[fact.id] = notes
                facts[fact.notes_fact or ""] = _name_shortfalls(bundle, fact, entries, notes)
        elif fact.when is not None:
            facts[fact.id] = evaluate(fact.when, scope).value
        elif fact.finds is not None:
            found = _found(bundle, fact.finds, answers, applies)
            facts[fact.id] = len(found)
            facts[fact.names_fact or ""] = "; ".join(found) or _("no name typed")
        else:
            silent = [name for name in fact.unanswered if applies(name) and answers.get(name) in (None, "", [])]
            facts[fact.id] = len(silent)
            facts[fact.names_fact or ""] = ", ".join(bundle.form.question(name).short for name in silent) or _("none")
    scope = Scope(answers, facts, params)
    findings = []
    for rule in bundle.rules.rules:
        result = evaluate(rule.when, scope)
        if result.value:
            findings.append(_finding(bundle, rule, result, scope, region))
    raised = {finding.raises for finding in findings if finding.raises}
    outcome = next(
        (outcome for outcome in bundle.rules.outcomes if outcome.id in raised),
        bundle.rules.outcome(bundle.rules.default_outcome),
    )
    summary = next(
        (variant.summary for variant in outcome.variants if evaluate(variant.when, scope).value), outcome.summary
    )
    summary = _ReasonFormatter(money=region.money).vformat(summary, (), {**scope.answers, **scope.facts})
    return Evaluation(
        outcome, summary, findings, facts, answers, cost, region, entry_checks, entry_shortfalls, entry_notes
    )


def _count(fact: FactDef, entries: list[Mapping[str, Any]], checks: list[Outcome]) -> int:
    """How many entries met the condition; with ``distinct``, entries naming the same thing count once."""
    met = [entry for entry, check in zip(entries, checks, strict=True) if check.value]
    if not fact.distinct:
        return len(met)
    return len({tuple(str(entry.get(name, "")).casefold() for name in fact.distinct) for entry in met})


def _found(
    bundle: FormBundle, search: NameSearch, answers: Mapping[str, Any], applies: Callable[[str], bool]
) -> list[str]:
    """Each medicine of the kinds searched for, as typed: every part of an ``as_given`` answer, then each part
    of the other answers that names one the ``as_given`` parts do not."""
    given = [text for name in search.as_given if applies(name) and isinstance(text := answers.get(name), str)]
    typed = [text for name in search.in_ if applies(name) and isinstance(text := answers.get(name), str)]
    named_in_given = {found.name for found in find_names(bundle.lexicon, search.kinds, given)}
    shown = [part for text in given for part in parts(text)]
    shown += [
        found.part for found in find_names(bundle.lexicon, search.kinds, typed) if found.name not in named_in_given
    ]
    return list(dict.fromkeys(shown))


def _said(declared: list[Shortfall], scope: Scope) -> list[str]:
    """Every declared shortfall (or note) that applies to one entry, in words."""
    found = []
    for shortfall in declared:
        if evaluate(shortfall.when, scope).value:
            values = {name: resolve(ref, scope) for name, ref in shortfall.values.items()}
            found.append(_ReasonFormatter().vformat(shortfall.text, (), {**(scope.item or {}), **values}))
    return found


def _name_shortfalls(
    bundle: FormBundle, fact: FactDef, entries: list[Mapping[str, Any]], shortfalls: list[list[str]]
) -> str:
    """'Sertraline: 100 mg a day, under the usual 200 mg; Fluoxetine: 6 weeks in all, under 8'."""
    group = bundle.form.question(fact.count or "")
    assert isinstance(group, GroupQuestion)
    named = [
        f"{group.entry_title(entry, short=True) or '?'}: {', '.join(reasons)}"
        for entry, reasons in zip(entries, shortfalls, strict=True)
        if reasons
    ]
    return "; ".join(named) or _("none")


def applicable_citations(citations: list[Citation], scope: Scope) -> list[Citation]:
    """The citations that apply to these answers: those without ``when``, and those whose ``when`` holds."""
    return [citation for citation in citations if citation.when is None or evaluate(citation.when, scope).value]


def _finding(bundle: FormBundle, rule: Rule, result: Outcome, scope: Scope, region: Region) -> Finding:
    formatter = _ReasonFormatter(money=region.money)
    values = {**scope.answers, **scope.facts}
    text = formatter.vformat(rule.text, (), values)
    reason = formatter.vformat(rule.reason, (), values)
    cited = applicable_citations(rule.cite, scope)
    sources = [bundle.sources.cite(citation) for citation in cited]
    ids = [citation.source for citation in cited]
    return Finding(rule.id, rule.category, text, reason, rule.ask, sources, ids, rule.raises, result.because)


class _ReasonFormatter(string.Formatter):
    """Fills {placeholders} in a reason; a missing value reads 'not given' instead of failing.

    ``{count:course|courses}`` prints the number with the singular or plural word: "1 course", "2 courses";
    ``{amount:money}`` prints an amount the way the patient's region writes money: "$3,600", "£450".
    """

    def __init__(self, money: Callable[[float], str] | None = None):
        super().__init__()
        self._money = money

    def get_value(self, key, args, kwargs):  # type: ignore[override]
        return kwargs.get(key)

    def format_field(self, value: Any, format_spec: str) -> str:
        if value is None:
            return _("not given")
        if format_spec == "money" and self._money is not None:
            return self._money(value)
        if "|" in format_spec:
            singular, plural = format_spec.split("|", 1)
            return f"{value} {singular if value == 1 else plural}"
        if isinstance(value, float) and value.is_integer() and not format_spec:
            value = int(value)
        return super().format_field(value, format_spec)
