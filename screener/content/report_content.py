"""The summary's layout, read from ``report.yaml``: an ordered list of typed blocks and their fixed text.

Each block names what it shows (questions, a group, finding categories) and its own words; the report
builder fills the blocks from the answers, and every renderer (PDF, summary page, text) loops over them.
Python holds no form-specific words: a heading, a note or a label lives here, in the form's data.

``crisis_summary: false`` leaves a block out when the outcome is urgent, so that a crisis summary is short.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from screener.content.conditions import Condition
from screener.content.frozen import Frozen
from screener.content.sources import Citation

# Blocks every form must declare, and why: the checker names a missing one.
REQUIRED_BLOCKS = {
    "header": "the summary must say who it is for and when it was made",
    "crisis": "crisis help must stand first in the summary whenever a safety answer calls for it",
    "outcome": "the summary must state its outcome and that a specialist decides",
    "findings": "the findings explain the outcome",
    "questions": "the patient's questions are what the summary is for",
    "sources": "every claim in the summary names its source",
    "about": "the summary must say what it is and what it is not",
}
FIRST_BLOCKS = ("header", "crisis")  # crisis help comes before anything but the title line


class BlockBase(Frozen):
    id: str = Field(min_length=1, description="names the block in error messages")
    heading: str | None = None
    crisis_summary: bool = Field(default=True, description="shown when the outcome is urgent")
    source_label: str = "Source:"


class HeaderBlock(BlockBase):
    type: Literal["header"]
    title: str = Field(min_length=1)
    subtitle: str = Field(min_length=1)
    made_on: str = Field(min_length=1, description="the label before the date the summary was made")
    file_name: str = Field(pattern=r"^[a-z0-9-]+$", description="the start of the PDF's suggested file name")
    questions: list[str] = Field(default_factory=list, description="answers shown (short labels) when given")


class CrisisBlock(BlockBase):
    type: Literal["crisis"]
    title: str = Field(min_length=1)
    emergency: str = Field(min_length=1, description="the label before the emergency number")
    emergency_text: str = Field(min_length=1, description="'{number}' is replaced by the region's number")


class OutcomeBlock(BlockBase):
    type: Literal["outcome"]
    label: str = Field(min_length=1)


class AnswersBlock(BlockBase):
    """Answers as 'label: value' lines; ``unanswered`` (when set) is printed for a question left empty.

    ``not_twice`` leaves out answers that a points block before it already showed behind a point.
    """

    type: Literal["answers"]
    questions: list[str] = Field(min_length=1)
    unanswered: str | None = None
    not_twice: bool = False
    short_labels: bool = True
    columns: Literal[1, 2] = 2


class TableColumn(Frozen):
    question: str
    label: str
    detail: str | None = Field(default=None, description="an item question whose answer replaces 'other'")
    number_only: bool = Field(default=False, description="numbers without their unit (the label names the unit)")
    also: str | None = Field(default=None, description="a second item question shown in the same cell: '16 / 10'")


class TableCheck(Frozen):
    fact: str = Field(description="a count fact over the same group; each entry says Yes, No (why) or cannot tell")
    label: str
    yes: str = "Yes"
    no: str = "No"
    cannot_tell: str = "Cannot tell"
    missing: str = Field(default="not given", description="after the name of a detail left empty")


class TableBlock(BlockBase):
    type: Literal["table"]
    group: str
    columns: list[TableColumn] = Field(min_length=1)
    check: TableCheck | None = None
    note: str | None = None
    cite: list[Citation] = Field(default_factory=list, description="the sources of the note's thresholds")
    empty: str = Field(min_length=1, description="said when the patient listed no entry")


class PointsBlock(BlockBase):
    """Findings of the listed categories as a table: each finding, and the patient's answers behind it.

    The answers behind a finding are those its rule's condition names (for a choose-several question, only
    the options it matched), so the specialist sees what the patient said, not only what we made of it.
    """

    type: Literal["points"]
    categories: list[str] = Field(min_length=1)
    point_label: str = Field(min_length=1)
    answer_label: str = Field(min_length=1)
    no_answer: str = Field(min_length=1, description="in the answer column of a finding that names no answer")
    empty: str = Field(min_length=1, description="said when no finding applies")


class CrisisLineBlock(BlockBase):
    """One short line with the patient's own region's crisis line and emergency number, on every summary."""

    type: Literal["crisis_line"]
    text: str = Field(min_length=1, description="'{lines}' and '{emergency}' are filled in from the region")


class FindingsBlock(BlockBase):
    """Findings of the listed categories, in rule order, numbered across the whole summary."""

    type: Literal["findings"]
    categories: list[str] = Field(min_length=1)
    empty: str | None = Field(default=None, description="said when no finding applies; None hides the block")


class CostBlock(BlockBase):
    type: Literal["cost"]
    labels: dict[str, str] = Field(description="price, quoted, typical, horizon_count, horizon_cost, budget, ...")
    note: str = Field(min_length=1)
    cite: list[Citation] = Field(min_length=1)
    quote_source: str = Field(min_length=1, description="the source line when the clinic's own price was used")


class QuestionsBlock(BlockBase):
    type: Literal["questions"]
    own_question: str | None = Field(default=None, description="the question holding the patient's own questions")
    own_heading: str = "My own questions"
    asked_heading: str = "Questions raised by the findings"


class ChecklistGroup(Frozen):
    title: str
    items: list[str] = Field(min_length=1)
    cite: list[Citation] = Field(min_length=1)


class ChecklistBlock(BlockBase):
    type: Literal["checklist"]
    groups: list[ChecklistGroup] = Field(min_length=1)


class ResearchItem(Frozen):
    claim: str
    claim_cite: list[Citation] = Field(min_length=1)
    finding: str
    cite: list[Citation] = Field(min_length=1)


class ResearchBlock(BlockBase):
    type: Literal["research"]
    intro: str
    claim_label: str = "The articles say:"
    finding_label: str = "The research:"
    items: list[ResearchItem] = Field(min_length=1)


class TextBlock(BlockBase):
    """Fixed paragraphs, each with its sources; ``page_break`` starts it on a new page (an appendix)."""

    type: Literal["text"]
    paragraphs: list[str] = Field(min_length=1)
    cite: list[Citation] = Field(default_factory=list)
    page_break: bool = False


class OptionValue(Frozen):
    """Something the patient rated (a question), shown with how each option fares on it."""

    question: str
    key: str = Field(min_length=1, description="the key of each option's 'fares' entry")
    label: str = Field(min_length=1)


class Pictograph(Frozen):
    """One benefit or harm as a picture of 100 people: ``people`` of them coloured, and where the studies give a
    range, ``up_to`` shaded in a lighter tone. The words say the same, so the picture is never the only way in."""

    shows: Literal["benefit", "harm"]
    people: int = Field(ge=0, le=100)
    up_to: int | None = Field(default=None, ge=1, le=100, description="the top of a range; above 'people'")
    what: str = Field(min_length=1, description="what happened to them, with when it was counted")
    compared: str | None = Field(default=None, description="the same count without the treatment, in words")


Grade = Literal["high", "moderate", "low", "very_low"]


class Option(Frozen):
    """One option in the decision, with the same fields as every other: benefits and harms in equal detail,
    a grade for how sure the research is, the date it was last checked, and its numbers as pictures."""

    id: str
    name: str = Field(min_length=1)
    tried_when: Condition | None = Field(default=None, description="the answers that mean the patient tried it")
    involves: str = Field(min_length=1)
    benefit: str = Field(min_length=1)
    grade: Grade = Field(description="how sure the research is, by the GRADE approach's four levels")
    certainty: str = Field(min_length=1, description="why it has that grade: how many studies, what kind, how big")
    harms_common: str = Field(min_length=1)
    harms_serious: str = Field(min_length=1)
    cost: str = Field(min_length=1)
    availability: str = Field(min_length=1)
    fares: dict[str, str] = Field(description="how the option fares on each thing the patient rated")
    pictures: list[Pictograph] = Field(default_factory=list, max_length=2)
    checked: dt.date = Field(description="when a person on the team last compared this option with its sources")
    cite: list[Citation] = Field(min_length=1)


OPTION_FIELDS = ("involves", "benefit", "certainty", "harms_common", "harms_serious", "cost", "availability")


class PicturesText(Frozen):
    """The fixed words around the pictures of 100 people."""

    heading: str = Field(min_length=1)
    intro: str = Field(min_length=1)
    benefit: str = Field(min_length=1, description="the label over a benefit's picture")
    harm: str = Field(min_length=1, description="the label over a harm's picture")
    none: str = Field(min_length=1, description="said where an option has no number, so no picture")
    range: str = Field(min_length=1, description="'{people} to {up_to} in 100': the words for a range")
    count: str = Field(min_length=1, description="'{people} in 100': the words for one number")


class AboutAid(Frozen):
    """How the evidence was chosen and graded, who wrote it, and when each option was last checked."""

    heading: str = Field(min_length=1)
    paragraphs: list[str] = Field(min_length=1)
    checked: str = Field(min_length=1, description="the sentence before the list of options and their dates")
    cite: list[Citation] = Field(default_factory=list, description="the grading method's source")


class OptionsBlock(BlockBase):
    """The options side by side, the same rows for each, and the patient's own ratings next to them (not ranked)."""

    type: Literal["options"]
    intro: str = Field(min_length=1)
    rows: dict[str, str] = Field(description="a label for each of OPTION_FIELDS")
    grades: dict[Grade, str] = Field(description="the word shown for each grade ('Low')")
    values: list[OptionValue] = Field(default_factory=list)
    rated: str = Field(min_length=1, description="'{label} (you said: {answer})'")
    not_rated: str = Field(min_length=1, description="said instead of the answer when the patient did not rate it")
    tried: str = Field(min_length=1, description="added to the name of an option the patient has tried")
    per_table: int = Field(default=3, ge=1, le=6, description="options per table in the PDF")
    pictures: PicturesText
    about: AboutAid
    options: list[Option] = Field(min_length=2)


class SourcesBlock(BlockBase):
    type: Literal["sources"]
    checked: str = Field(default="Checked", description="the word before the date a source was checked")


class AboutBlock(BlockBase):
    type: Literal["about"]
    text: str = Field(min_length=1)


Block = Annotated[
    HeaderBlock
    | CrisisBlock
    | CrisisLineBlock
    | PointsBlock
    | OutcomeBlock
    | AnswersBlock
    | TableBlock
    | FindingsBlock
    | CostBlock
    | QuestionsBlock
    | ChecklistBlock
    | ResearchBlock
    | TextBlock
    | OptionsBlock
    | SourcesBlock
    | AboutBlock,
    Field(discriminator="type"),
]


class FirstPage(Frozen):
    """Page 1 is the specialist's snapshot: the blocks up to ``last_block``, then a new page.

    When they do not fit, the blocks in ``may_move`` move to page 2, in that order, until the rest fits, and
    page 1 says where they went (``moved``, with '{headings}').
    """

    last_block: str
    may_move: list[str] = Field(default_factory=list)
    moved: str = Field(min_length=1)


class ReportContent(Frozen):
    blocks: list[Block] = Field(min_length=1)
    first_page: FirstPage | None = None

    def of_type(self, kind: type[BlockBase]) -> list:
        return [block for block in self.blocks if isinstance(block, kind)]

    def citations(self) -> list[tuple[str, Citation]]:
        """Every citation in the content, with where it stands, for checking at load."""
        found: list[tuple[str, Citation]] = []
        for block in self.blocks:
            where = f"block '{block.id}'"
            if isinstance(block, (CostBlock, TextBlock, TableBlock)):
                found += [(where, cite) for cite in block.cite]
            elif isinstance(block, ChecklistBlock):
                found += [(f"{where} > '{group.title}'", cite) for group in block.groups for cite in group.cite]
            elif isinstance(block, OptionsBlock):
                found += [(f"{where} > '{option.id}'", cite) for option in block.options for cite in option.cite]
                found += [(f"{where} > about", cite) for cite in block.about.cite]
            elif isinstance(block, ResearchBlock):
                for number, item in enumerate(block.items, start=1):
                    found += [(f"{where} > item {number}", cite) for cite in item.claim_cite + item.cite]
        return found
