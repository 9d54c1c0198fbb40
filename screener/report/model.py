"""The Report: everything the summary shows, as plain data.

One Report feeds the PDF renderer, the wizard's summary page and the text output, so they cannot drift. It
holds display strings (answers already turned into their labels), never markup: escaping is the
renderer's job. ``screener.report.build`` makes one from an evaluation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from screener.content.report_content import Headings
from screener.engine.evaluation import Finding

Paper = Literal["a4", "letter"]


@dataclass(frozen=True)
class Item:
    """A labelled answer or fact: 'Do you have high blood pressure?' / 'Yes, and it is under control'."""

    label: str
    value: str


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str


@dataclass(frozen=True)
class Crisis:
    title: str
    message: str
    urgent: bool
    lines: tuple[Item, ...]  # label: the service; value: how to reach it
    emergency: str

    def plain_lines(self) -> list[str]:
        """Each service and how to reach it, then the emergency number, as plain lines."""
        return [f"{item.label}: {item.value}" for item in self.lines] + [f"Emergency: {self.emergency}"]


@dataclass(frozen=True)
class CostBar:
    label: str
    low: float
    high: float
    compared_with_budget: bool


@dataclass(frozen=True)
class CostView:
    table: Table
    bars: tuple[CostBar, ...]
    budget: float | None
    budget_label: str
    money_prefix: str
    answers: tuple[Item, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    title: str
    items: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ResearchPoint:
    claim: str
    claim_sources: tuple[str, ...]
    finding: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SourceView:
    short: str
    reference: str
    checked: dt.date


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    language: str
    form_version: str
    made_on: dt.date
    paper: Paper
    headings: Headings
    header: tuple[Item, ...]
    crisis: Crisis | None
    outcome_id: str
    outcome_title: str
    outcome_summary: str
    outcome_tone: str
    closing: str
    diagnosis: tuple[Item, ...]
    findings: tuple[Finding, ...]
    medicines: Table
    medicines_more: tuple[Item, ...]
    therapy: Table
    therapy_more: tuple[Item, ...]
    other_treatments: tuple[Item, ...]
    medical: tuple[Item, ...]
    precautions: tuple[Item, ...]
    goals: tuple[Item, ...]
    cost: CostView
    checklist: tuple[Checklist, ...]
    research_intro: str
    research: tuple[ResearchPoint, ...]
    own_questions: str | None
    specialist_questions: tuple[str, ...]
    sources: tuple[SourceView, ...]
    about: str
