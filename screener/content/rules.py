"""Rules as data: the screening outcomes, the thresholds, the derived facts and the rules themselves.

Read from ``rules.yaml`` and ``parameters.yaml``. A rule's ``raises`` names the outcome it pushes
towards; the outcome listed first among the fired rules wins (``outcomes`` are in priority order).
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Literal

from pydantic import Field, model_validator

from screener.content.conditions import Condition
from screener.content.cost_model import CostModel
from screener.content.form import Id
from screener.content.frozen import Frozen
from screener.content.sources import Citation

Category = Literal["safety", "profile", "precaution", "practical", "information"]
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


class FactDef(Frozen):
    """A fact derived from the answers: a count of group entries, or a named condition."""

    id: Id
    label: str = Field(min_length=1)
    count: str | None = Field(default=None, description="the group question whose entries are counted")
    where: Condition | None = None
    when: Condition | None = None

    @model_validator(mode="after")
    def _count_or_when(self) -> FactDef:
        if (self.count is None) == (self.when is None):
            raise ValueError("a fact has either 'count' (with an optional 'where') or 'when'")
        if self.where is not None and self.count is None:
            raise ValueError("'where' goes with 'count'")
        return self


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
