"""Rules as data: the screening outcomes, the thresholds, the derived facts and the rules themselves.

Read from ``rules.yaml`` and ``parameters.yaml``. A rule's ``raises`` names the outcome it pushes
towards; the outcome listed first among the fired rules wins (``outcomes`` are in priority order).
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Literal, get_args

from pydantic import Field, model_validator

from screener.content.conditions import Condition, ValueRef
from screener.content.cost_model import CostModel
from screener.content.form import Id
from screener.content.frozen import Frozen
from screener.content.sources import Citation

Category = Literal["safety", "profile", "precaution", "practical", "information", "readiness"]
CATEGORIES = get_args(Category)
Tone = Literal["urgent", "attention", "caution", "calm"]


class OutcomeDef(Frozen):
    id: Id
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    tone: Tone


class Parameter(Frozen):
    """A threshold, with where it comes from and when that was checked."""

    label: str = Field(min_length=1)
    value: float | dict[str, float]
    unit: str
    cite: list[Citation] = Field(min_length=1)
    checked: dt.date
    why: str | None = None


class Shortfall(Frozen):
    """Why one group entry missed a count's condition, in words: '{dose_mg} mg, under the usual {target} mg'.

    The text may name the entry's own answers and the ``values`` given here, in {braces}.
    """

    when: Condition
    text: str = Field(min_length=1)
    values: dict[str, ValueRef] = Field(default_factory=dict)

    def placeholders(self) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(self.text) if name}


class FactDef(Frozen):
    """A fact derived from the answers: a count of group entries, or a named condition.

    A count may be ``distinct`` by some item answers (the same medicine entered twice counts once), and
    may list ``why_not`` shortfalls: every one that applies to an entry is said about it, in the tables and
    in ``{<fact id>_why_not}`` in a rule's reason.
    """

    id: Id
    label: str = Field(min_length=1)
    count: str | None = Field(default=None, description="the group question whose entries are counted")
    where: Condition | None = None
    distinct: list[str] = Field(default_factory=list, description="item questions that together name an entry")
    why_not: list[Shortfall] = Field(default_factory=list)
    when: Condition | None = None

    @model_validator(mode="after")
    def _count_or_when(self) -> FactDef:
        if (self.count is None) == (self.when is None):
            raise ValueError("a fact has either 'count' (with an optional 'where') or 'when'")
        if (self.where is not None or self.distinct or self.why_not) and self.count is None:
            raise ValueError("'where', 'distinct' and 'why_not' go with 'count'")
        return self

    @property
    def why_not_fact(self) -> str | None:
        """The name of the text fact listing each entry's shortfalls, when the count has any."""
        return f"{self.id}_why_not" if self.why_not else None


class Rule(Frozen):
    id: Id
    category: Category
    when: Condition
    raises: str | None = None
    text: str = Field(min_length=1, description="the finding, in one sentence")
    reason: str = Field(min_length=1, description="why it applies; may name facts and answers in {braces}")
    ask: str = Field(min_length=1, description="a question to ask the specialist")
    cite: list[Citation] = Field(min_length=1)

    def placeholders(self) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(self.reason) if name}


class RuleSet(Frozen):
    outcomes: list[OutcomeDef] = Field(min_length=1)
    default_outcome: str
    closing: str = Field(min_length=1, description="said after every outcome: who decides")
    facts: list[FactDef] = Field(default_factory=list)
    rules: list[Rule] = Field(min_length=1)

    def outcome(self, outcome_id: str) -> OutcomeDef:
        return next(outcome for outcome in self.outcomes if outcome.id == outcome_id)


class Parameters(Frozen):
    thresholds: dict[str, Parameter]
    cost: CostModel
