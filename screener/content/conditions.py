"""Condition trees: ``all`` / ``any`` / ``not`` over comparisons of answers, facts and group items.

Conditions are data, never code: they need no parser, and every id they mention can be checked when
the form loads. Evaluating them is the engine's job (``screener.engine.conditions``).

A comparison has one subject and one operator::

    {answer: diagnosis, one_of: [psychiatrist, other_clinician]}
    {fact: adequate_med_trials, at_least: 2}
    {item: dose_mg, at_least: {param: med_target_dose_mg, by: medicine}}

``answer`` names a top-level question, ``fact`` a derived fact, ``item`` a question inside the
repeatable group being looked at. Numeric operators take a number or a reference to a parameter,
an answer or a fact.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from screener.content.frozen import Discriminator, Field, Frozen, Tag

Scalar = bool | int | float | str
NUMERIC_OPERATORS = ("at_least", "at_most", "more_than", "less_than")
OPERATORS = ("equals", "one_of", "contains", "contains_any", "answered", *NUMERIC_OPERATORS)
SUBJECTS = ("answer", "fact", "item")


class ValueRef(Frozen):
    """A number taken from a parameter, an answer or a fact instead of written in the condition."""

    param: str | None = None
    by: Annotated[str | None, Field(description="item question whose answer picks the key of a table parameter")] = None
    answer: str | None = None
    fact: str | None = None

    def __post_init__(self) -> None:
        given = [name for name in ("param", "answer", "fact") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("a value reference names exactly one of param, answer or fact")
        if self.by is not None and self.param is None:
            raise ValueError("'by' only goes with 'param'")


Number = int | float | ValueRef


class Compare(Frozen):
    """One comparison: a subject (answer, fact or item) and one operator."""

    answer: str | None = None
    fact: str | None = None
    item: str | None = None
    equals: Scalar | None = None
    one_of: Annotated[list[Scalar] | None, Field(min_length=1)] = None
    contains: str | None = None
    contains_any: Annotated[list[str] | None, Field(min_length=1)] = None
    answered: bool | None = None
    at_least: Number | None = None
    at_most: Number | None = None
    more_than: Number | None = None
    less_than: Number | None = None

    def __post_init__(self) -> None:
        subjects = [name for name in SUBJECTS if getattr(self, name) is not None]
        operators = [name for name in OPERATORS if getattr(self, name) is not None]
        if len(subjects) != 1:
            raise ValueError(f"a comparison names exactly one of {', '.join(SUBJECTS)}; found {subjects or 'none'}")
        if len(operators) != 1:
            raise ValueError(
                f"a comparison has exactly one operator ({', '.join(OPERATORS)}); found {operators or 'none'}"
            )

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
    all: Annotated[list[Condition], Field(min_length=1)]


class AnyOf(Frozen):
    any: Annotated[list[Condition], Field(min_length=1)]


class NotOf(Frozen):
    not_: Annotated[Condition, Field(alias="not")]


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


type Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")]
    | Annotated[Compare, Tag("compare")],
    Discriminator(_condition_tag),
]

# The recursive references ("Condition") are resolved when a model is first used (defer_build).


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
