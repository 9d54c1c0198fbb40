"""Rules as data: the screening outcomes, the thresholds, the derived facts and the rules themselves.

Read from ``rules.yaml`` and ``parameters.yaml``. A rule's ``raises`` names the outcome it pushes
towards; the outcome listed first among the fired rules wins (``outcomes`` are in priority order).
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import field
from typing import Annotated, Literal, get_args

from screener.content.conditions import Condition, ValueRef
from screener.content.cost_model import CostModel
from screener.content.form import Id
from screener.content.frozen import Field, Frozen
from screener.content.sources import Citation

# "precaution": a source lists it as needing care; "weigh": asked, shown for the specialist to weigh, where no
# source we read makes it a precaution.
Category = Literal["safety", "profile", "precaution", "weigh", "practical", "information", "readiness"]
CATEGORIES = get_args(Category)
Tone = Literal["urgent", "attention", "caution", "calm"]


class OutcomeVariant(Frozen):
    """A summary said instead of the outcome's own when its condition holds (the first that holds wins).

    Like a rule's reason, it may name facts and answers in {braces}: "You did not answer {n} of them".
    """

    when: Condition
    summary: Annotated[str, Field(min_length=1)]


class OutcomeDef(Frozen):
    id: Id
    title: Annotated[str, Field(min_length=1)]
    summary: Annotated[str, Field(min_length=1)]
    tone: Tone
    variants: list[OutcomeVariant] = field(default_factory=list)


class Parameter(Frozen):
    """A threshold, with where it comes from and when that was checked."""

    label: Annotated[str, Field(min_length=1)]
    value: float | dict[str, float]
    unit: str
    cite: Annotated[list[Citation], Field(min_length=1)]
    checked: dt.date
    why: str | None = None


class Shortfall(Frozen):
    """Why one group entry missed a count's condition, in words: '{dose_mg} mg, under the usual {target} mg'.

    The text may name the entry's own answers and the ``values`` given here, in {braces}.
    """

    when: Condition
    text: Annotated[str, Field(min_length=1)]
    values: dict[str, ValueRef] = field(default_factory=dict)

    def placeholders(self) -> set[str]:
        return placeholders(self.text)


def placeholders(text: str) -> set[str]:
    """The names a text fills in from {braces}."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class NameSearch(Frozen):
    """Where typed text is read for names of medicines of some kinds (``forms/medicine_names.yaml``).

    ``in`` lists the text questions searched for a name; ``as_given`` the ones whose every part counts as it
    stands, found name or not (the field that asks for this very medicine's name and dose).
    """

    kinds: Annotated[list[str], Field(min_length=1)]
    in_: Annotated[list[str], Field(alias="in")] = field(default_factory=list)
    as_given: list[str] = field(default_factory=list)

    @property
    def questions(self) -> list[str]:
        return [*self.as_given, *self.in_]


class FactDef(Frozen):
    """A fact derived from the answers: a count of group entries, a named condition, or questions left empty.

    A count may be ``distinct`` by some item answers (the same medicine entered twice counts once), and
    may list ``why_not`` shortfalls: every one that applies to an entry is said about it, in the tables and
    in ``{<fact id>_why_not}`` in a rule's reason. ``notes`` are said about an entry that met the condition
    on a path that differs from the usual one ("target 20 mg after age 60").

    ``unanswered`` counts the listed questions that applied but were left empty; ``{<fact id>_names}`` names
    them, so that silence is reported as silence, never read as "no". ``finds`` counts the medicines of some
    kinds named in typed text; ``{<fact id>_names}`` gives each as typed ('clonazepam 1 mg twice a day').
    """

    id: Id
    label: Annotated[str, Field(min_length=1)]
    count: Annotated[str | None, Field(description="the group question whose entries are counted")] = None
    where: Condition | None = None
    distinct: Annotated[list[str], Field(description="item questions that together name an entry")] = field(
        default_factory=list
    )
    why_not: list[Shortfall] = field(default_factory=list)
    notes: Annotated[list[Shortfall], Field(description="said about an entry that met the condition")] = field(
        default_factory=list
    )
    when: Condition | None = None
    unanswered: Annotated[list[str], Field(description="questions whose silence is counted")] = field(
        default_factory=list
    )
    finds: NameSearch | None = None

    def __post_init__(self) -> None:
        kinds = [self.count is not None, self.when is not None, bool(self.unanswered), self.finds is not None]
        if sum(kinds) != 1:
            raise ValueError(
                "a fact has exactly one of 'count' (with an optional 'where'), 'when', 'unanswered' or 'finds'"
            )
        if (self.where is not None or self.distinct or self.why_not or self.notes) and self.count is None:
            raise ValueError("'where', 'distinct', 'why_not' and 'notes' go with 'count'")

    @property
    def why_not_fact(self) -> str | None:
        """The name of the text fact listing each entry's shortfalls, when the count has any."""
        return f"{self.id}_why_not" if self.why_not else None

    @property
    def names_fact(self) -> str | None:
        """The text fact naming the questions left empty (``unanswered``) or the medicines found (``finds``)."""
        return f"{self.id}_names" if self.unanswered or self.finds else None

    @property
    def notes_fact(self) -> str | None:
        """The text fact naming each entry with its notes, when a count has notes: 'Escitalopram: 30 mg …'."""
        return f"{self.id}_notes" if self.notes else None

    @property
    def made(self) -> set[str]:
        """Every fact this definition makes: its own, and the text facts that go with it."""
        return {self.id, *filter(None, [self.why_not_fact, self.names_fact, self.notes_fact])}


class Rule(Frozen):
    id: Id
    category: Category
    when: Condition
    raises: str | None = None
    text: Annotated[str, Field(min_length=1, description="the finding, in one sentence; may name facts and answers")]
    reason: Annotated[str, Field(min_length=1, description="why it applies; may name facts and answers in {braces}")]
    ask: Annotated[str, Field(min_length=1, description="a question to ask the specialist")]
    cite: Annotated[list[Citation], Field(min_length=1)]
    shows: Annotated[
        list[str], Field(description="answers printed beside the point besides those its condition names")
    ] = field(default_factory=list)

    def placeholders(self) -> set[str]:
        return placeholders(self.text) | placeholders(self.reason)


class RuleSet(Frozen):
    outcomes: Annotated[list[OutcomeDef], Field(min_length=1)]
    default_outcome: str
    closing: Annotated[str, Field(min_length=1, description="said after every outcome: who decides")]
    facts: list[FactDef] = field(default_factory=list)
    rules: Annotated[list[Rule], Field(min_length=1)]

    def outcome(self, outcome_id: str) -> OutcomeDef:
        return next(outcome for outcome in self.outcomes if outcome.id == outcome_id)


class Parameters(Frozen):
    thresholds: dict[str, Parameter]
    cost: CostModel
