"""Condition trees: ``all`` / ``any`` / ``not`` over comparisons of answers, facts and group items.

Conditions are data, never code: they need no parser, every id they mention can be checked when the
form loads, and evaluating one records the comparisons that decided it, so that a finding can say
why it fired.

A comparison has one subject and one operator::

    {answer: diagnosis, one_of: [psychiatrist, other_clinician]}
    {fact: adequate_med_trials, at_least: 2}
    {item: dose_mg, at_least: {param: med_target_dose_mg, by: medicine}}

``answer`` names a top-level question, ``fact`` a derived fact, ``item`` a question inside the
repeatable group being looked at. Numeric operators take a number or a reference to a parameter,
an answer or a fact.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Field, Tag, model_validator

from screener.frozen import Frozen

Scalar = Union[bool, int, float, str]
NUMERIC_OPERATORS = ("at_least", "at_most", "more_than", "less_than")
OPERATORS = ("equals", "one_of", "contains", "contains_any", "answered", *NUMERIC_OPERATORS)
SUBJECTS = ("answer", "fact", "item")


class ValueRef(Frozen):
    """A number taken from a parameter, an answer or a fact instead of written in the condition."""

    param: str | None = None
    by: str | None = Field(default=None, description="item question whose answer picks the key of a table parameter")
    answer: str | None = None
    fact: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> "ValueRef":
        given = [name for name in ("param", "answer", "fact") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("a value reference names exactly one of param, answer or fact")
        if self.by is not None and self.param is None:
            raise ValueError("'by' only goes with 'param'")
        return self


Number = Union[int, float, ValueRef]


class Compare(Frozen):
    """One comparison: a subject (answer, fact or item) and one operator."""

    answer: str | None = None
    fact: str | None = None
    item: str | None = None
    equals: Scalar | None = None
    one_of: list[Scalar] | None = Field(default=None, min_length=1)
    contains: str | None = None
    contains_any: list[str] | None = Field(default=None, min_length=1)
    answered: bool | None = None
    at_least: Number | None = None
    at_most: Number | None = None
    more_than: Number | None = None
    less_than: Number | None = None

    @model_validator(mode="after")
    def _one_subject_one_operator(self) -> "Compare":
        subjects = [name for name in SUBJECTS if getattr(self, name) is not None]
        operators = [name for name in OPERATORS if getattr(self, name) is not None]
        if len(subjects) != 1:
            raise ValueError(f"a comparison names exactly one of {', '.join(SUBJECTS)}; found {subjects or 'none'}")
        if len(operators) != 1:
            raise ValueError(f"a comparison has exactly one operator ({', '.join(OPERATORS)}); found {operators or 'none'}")
        return self

    @property
    def subject(self) -> tuple[Literal["answer", "fact", "item"], str]:
        for name in SUBJECTS:
            value = getattr(self, name)
            if value is not None:
                return name, value  # type: ignore[return-value]
        raise AssertionError("validated to have a subject")

    @property
    def operator(self) -> tuple[str, Any]:
        for name in OPERATORS:
            value = getattr(self, name)
            if value is not None:
                return name, value
        raise AssertionError("validated to have an operator")


class AllOf(Frozen):
    all: list["Condition"] = Field(min_length=1)


class AnyOf(Frozen):
    any: list["Condition"] = Field(min_length=1)


class NotOf(Frozen):
    not_: "Condition" = Field(alias="not")


def _condition_tag(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("all", "any", "not"):
            if key in value:
                return key
        return "compare"
    if isinstance(value, AllOf):
        return "all"
    if isinstance(value, AnyOf):
        return "any"
    if isinstance(value, NotOf):
        return "not"
    return "compare"


Condition = Annotated[
    Union[
        Annotated[AllOf, Tag("all")],
        Annotated[AnyOf, Tag("any")],
        Annotated[NotOf, Tag("not")],
        Annotated[Compare, Tag("compare")],
    ],
    Discriminator(_condition_tag),
]

AllOf.model_rebuild()
AnyOf.model_rebuild()
NotOf.model_rebuild()


def comparisons(condition: Condition) -> Iterator[Compare]:
    """Every comparison in a condition tree, depth first."""
    if isinstance(condition, AllOf):
        for child in condition.all:
            yield from comparisons(child)
    elif isinstance(condition, AnyOf):
        for child in condition.any:
            yield from comparisons(child)
    elif isinstance(condition, NotOf):
        yield from comparisons(condition.not_)
    else:
        yield condition


def references(condition: Condition) -> Iterator[tuple[str, str]]:
    """Every (kind, id) a condition mentions: kind is answer, fact, item, param or by."""
    for compare in comparisons(condition):
        yield compare.subject
        _, value = compare.operator
        if isinstance(value, ValueRef):
            for kind in ("param", "answer", "fact"):
                name = getattr(value, kind)
                if name is not None:
                    yield kind, name
            if value.by is not None:
                yield "item", value.by


@dataclass(frozen=True)
class Scope:
    """What a condition can see: answers that apply, derived facts, parameters and one group item."""

    answers: Mapping[str, Any]
    facts: Mapping[str, Any] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)
    item: Mapping[str, Any] | None = None

    def with_item(self, item: Mapping[str, Any]) -> "Scope":
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
