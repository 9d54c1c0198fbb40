"""The Report: everything the summary shows, as plain data, one view per declared block.

One Report feeds the PDF renderer, the wizard's summary page and the text output, so they cannot drift.
It holds display strings (answers already turned into their labels), never markup: escaping is the
renderer's job. ``screener.report.build`` makes one from an evaluation and the form's ``report.yaml``.
Renderers loop over ``Report.blocks`` and draw each view by its type.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from screener.content.frozen import Frozen
from screener.content.wording import format_money

Paper = Literal["a4", "letter"]


class Item(Frozen):
    """A labelled answer or fact: 'High blood pressure' / 'Yes, and it is under control'."""

    label: str
    value: str


class HeaderView(Frozen):
    title: str
    subtitle: str
    items: tuple[Item, ...]


class CrisisView(Frozen):
    title: str
    messages: tuple[str, ...]  # what the safety answers mean, in the findings' own words
    lines: tuple[Item, ...]  # label: the service; value: how to reach it
    emergency_label: str
    emergency: str
    urgent: bool

    @property
    def message(self) -> str:
        return "\n".join(self.messages)

    def plain_lines(self) -> list[str]:
        """Each service and how to reach it, then the emergency number, as plain lines."""
        return [f"{item.label}: {item.value}" for item in self.lines] + [f"{self.emergency_label}: {self.emergency}"]


class OutcomeView(Frozen):
    label: str
    title: str
    summary: str
    tone: str
    closing: str


class AnswersView(Frozen):
    heading: str | None
    items: tuple[Item, ...]
    columns: int


class TableView(Frozen):
    heading: str | None
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str | None
    empty: str
    sources: tuple[str, ...] = ()
    source_label: str = ""  # the words before the sources, in the summary's language (none without sources)


class FindingView(Frozen):
    number: int
    text: str
    reason: str
    sources: tuple[str, ...]


class FindingsView(Frozen):
    heading: str | None
    findings: tuple[FindingView, ...]
    source_label: str
    empty: str | None


class CostBar(Frozen):
    label: str
    low: float
    high: float
    compared_with_budget: bool


class CostView(Frozen):
    heading: str | None
    rows: tuple[tuple[str, str], ...]
    bars: tuple[CostBar, ...]
    budget: float | None
    budget_label: str
    currency: str | None  # the currency of the amounts
    symbol: str  # the region's symbol for it ('$'), or '' when the amounts are in another currency
    note: str
    source_label: str
    sources: tuple[str, ...]

    def amount(self, value: float) -> str:
        """A whole amount as the summary's language writes money (content.wording, as every amount)."""
        return format_money(round(value), self.currency, self.symbol)


class QuestionsView(Frozen):
    heading: str | None
    asked_heading: str
    asked: tuple[str, ...]
    own_heading: str
    own: str | None


class ChecklistGroupView(Frozen):
    title: str
    items: tuple[str, ...]
    sources: tuple[str, ...]


class ChecklistView(Frozen):
    heading: str | None
    groups: tuple[ChecklistGroupView, ...]


class ResearchPoint(Frozen):
    claim: str
    claim_sources: tuple[str, ...]
    finding: str
    sources: tuple[str, ...]


class ResearchView(Frozen):
    heading: str | None
    intro: str
    claim_label: str
    finding_label: str
    points: tuple[ResearchPoint, ...]


class TextView(Frozen):
    heading: str | None
    paragraphs: tuple[str, ...]
    sources: tuple[str, ...]
    page_break: bool
    small: bool = False  # a line set in the small type (the crisis line at the foot of page 1)


class PictureView(Frozen):
    """A picture of 100 people: ``people`` coloured, ``up_to`` the top of a range shaded lighter; ``people`` is
    None where the studies give no number (then there is no picture, and ``words`` say so)."""

    label: str  # "Main benefit" / "Main harm"
    people: int | None
    up_to: int | None
    words: str  # the text alternative: the same numbers in words, with the comparison


class OptionPictures(Frozen):
    name: str
    benefit: PictureView
    harm: PictureView


class OptionsView(Frozen):
    """Options as columns, the same rows for each; the rated rows carry the patient's own answer in their label.
    Then each option's main benefit and harm as pictures of 100 people, and how the aid was made."""

    heading: str | None
    intro: str
    names: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (row label, one cell per option)
    sources: tuple[str, ...]
    source_label: str
    per_table: int
    pictures_heading: str
    pictures_intro: str
    pictures: tuple[OptionPictures, ...]
    about_heading: str
    about: tuple[str, ...]


class SourceEntry(Frozen):
    short: str
    reference: str
    checked: dt.date


class SourcesView(Frozen):
    heading: str | None
    checked_label: str
    sources: tuple[SourceEntry, ...]


class AboutView(Frozen):
    heading: str | None
    text: str


BlockView = (
    HeaderView
    | CrisisView
    | OutcomeView
    | AnswersView
    | TableView
    | FindingsView
    | CostView
    | QuestionsView
    | ChecklistView
    | ResearchView
    | TextView
    | OptionsView
    | SourcesView
    | AboutView
)


class PageOne(Frozen):
    """How the first page is laid out: its first ``count`` blocks, then a new page.

    ``movable`` are indices of page-1 blocks that may move to page 2 (in that order) when page 1 is full;
    ``moved`` is the sentence that says so, with '{headings}' for the moved blocks' headings.
    """

    count: int
    movable: tuple[int, ...]
    moved: str


class Report(Frozen):
    title: str
    language: str
    form_version: str
    made_on: dt.date
    made_on_label: str
    file_name: str
    paper: Paper
    outcome_id: str
    outcome_title: str
    blocks: tuple[BlockView, ...]
    page_one: PageOne | None = None

    def first(self, kind: type) -> BlockView | None:
        """The first block of a kind, or None (a crisis box appears only when it is needed)."""
        return next((block for block in self.blocks if isinstance(block, kind)), None)

    @property
    def crisis(self) -> CrisisView | None:
        crisis = self.first(CrisisView)
        return crisis if isinstance(crisis, CrisisView) else None
