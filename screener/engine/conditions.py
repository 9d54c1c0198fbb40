"""Evaluating condition trees against answers, facts, parameters and one group item.

Evaluating a condition records the comparisons that decided it, so that a finding can say why it fired,
and the subjects that had no answer, so that "cannot tell" is not mistaken for "no".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from screener.content.conditions import AllOf, AnyOf, Compare, Condition, NotOf, ValueRef
from screener.content.frozen import Frozen


class Scope(Frozen):
    """What a condition can see: answers that apply, derived facts, parameters and one group item."""

    answers: Mapping[str, Any]
    facts: Mapping[str, Any] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)
    item: Mapping[str, Any] | None = None

    def with_item(self, item: Mapping[str, Any]) -> Scope:
        return Scope(self.answers, self.facts, self.params, item)

    def lookup(self, kind: str, name: str) -> Any:
        if kind == "answer":
            return self.answers.get(name)
        if kind == "fact":
            return self.facts.get(name)
        if kind == "item":
            return None if self.item is None else self.item.get(name)
        raise KeyError(kind)


@dataclass
class Outcome:
    """The result of evaluating a condition, with the comparisons that decided it.

    ``unanswered`` names the subjects that had no answer among those comparisons: a false result
    because of them means "cannot tell" rather than "no".
    """

    value: bool
    because: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)


def evaluate(condition: Condition, scope: Scope) -> Outcome:
    """Evaluate a condition; ``because`` lists the comparisons that decided the result."""
    if isinstance(condition, AllOf):
        decided = Outcome(True)
        for child in condition.all:
            result = evaluate(child, scope)
            if not result.value:
                return result
            decided.because += result.because
            decided.unanswered += result.unanswered
        return decided
    if isinstance(condition, AnyOf):
        failed = Outcome(False)
        for child in condition.any:
            result = evaluate(child, scope)
            if result.value:
                return result
            failed.because += result.because
            failed.unanswered += result.unanswered
        return failed
    if isinstance(condition, NotOf):
        inner = evaluate(condition.not_, scope)
        return Outcome(not inner.value, [f"not ({reason})" for reason in inner.because], inner.unanswered)
    return _compare(condition, scope)


def _compare(compare: Compare, scope: Scope) -> Outcome:
    kind, name = compare.subject
    operator, expected = compare.operator
    actual = scope.lookup(kind, name)
    if isinstance(expected, ValueRef):
        expected = resolve(expected, scope)
    value = _apply(operator, actual, expected)
    shown = "no answer" if actual is None else _show(actual)
    unanswered = [name] if actual is None and operator != "answered" else []
    return Outcome(value, [f"{name} is {shown} ({operator.replace('_', ' ')} {_show(expected)})"], unanswered)


def _apply(operator: str, actual: Any, expected: Any) -> bool:
    if operator == "answered":
        has_answer = actual not in (None, "", [])
        return has_answer == expected
    if actual is None:
        return False
    if operator == "equals":
        return actual == expected
    if operator == "one_of":
        return actual in expected
    if operator == "contains":
        return isinstance(actual, list) and expected in actual
    if operator == "contains_any":
        return isinstance(actual, list) and any(choice in actual for choice in expected)
    if expected is None or isinstance(actual, bool) or not isinstance(actual, (int, float)):
        return False
    if operator == "at_least":
        return actual >= expected
    if operator == "at_most":
        return actual <= expected
    if operator == "more_than":
        return actual > expected
    if operator == "less_than":
        return actual < expected
    raise ValueError(f"unknown operator {operator}")


def resolve(ref: ValueRef, scope: Scope) -> Any:
    """The number a value reference stands for, or None when it has none (no answer, no table row)."""
    if ref.answer is not None:
        return scope.answers.get(ref.answer)
    if ref.fact is not None:
        return scope.facts.get(ref.fact)
    value = scope.params.get(ref.param)
    if ref.by is not None:
        key = scope.lookup("item", ref.by)
        return value.get(key) if isinstance(value, Mapping) else None
    return value


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(_show(part) for part in value) or "nothing"
    return str(value)
