"""The summary's layout, read from ``report.yaml``: an ordered list of typed blocks and their fixed text.

Each block names what it shows (questions, a group, finding categories) and its own words; the report
builder fills the blocks from the answers, and every renderer (PDF, summary page, text) loops over them.
Python holds no form-specific words: a heading, a note or a label lives here, in the form's data.

``crisis_summary: false`` leaves a block out when the outcome is urgent, so that a crisis summary is short.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Annotated, Literal

from screener.content.conditions import Condition
from screener.content.frozen import Field, Frozen
from screener.content.sources import Citation
from screener.i18n import N_

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
    id: Annotated[str, Field(min_length=1, description="names the block in error messages")]
    heading: str | None = None
    crisis_summary: Annotated[bool, Field(description="shown when the outcome is urgent")] = True
    source_label: str = N_("Source:")


class HeaderBlock(BlockBase):
    type: Literal["header"]
    title: Annotated[str, Field(min_length=1)]
    subtitle: Annotated[str, Field(min_length=1)]
    made_on: Annotated[str, Field(min_length=1, description="the label before the date the summary was made")]
    file_name: Annotated[str, Field(pattern=r"^[a-z0-9-]+$", description="the start of the PDF's suggested file name")]
    questions: Annotated[list[str], Field(description="answers shown (short labels) when given")] = field(
        default_factory=list
    )


class CrisisBlock(BlockBase):
    type: Literal["crisis"]
    title: Annotated[str, Field(min_length=1)]
    emergency: Annotated[str, Field(min_length=1, description="the label before the emergency number")]
    emergency_text: Annotated[str, Field(min_length=1, description="'{number}' is replaced by the region's number")]


class OutcomeBlock(BlockBase):
    type: Literal["outcome"]
    label: Annotated[str, Field(min_length=1)]


class AnswersBlock(BlockBase):
    """Answers as 'label: value' lines; ``unanswered`` (when set) is printed for a question left empty.

    ``not_twice`` leaves out answers that a points block before it already showed behind a point.
    """

    type: Literal["answers"]
    questions: Annotated[list[str], Field(min_length=1)]
    unanswered: str | None = None
    not_twice: bool = False
    short_labels: bool = True
    columns: Literal[1, 2] = 2


class TableColumn(Frozen):
    question: str
    label: str
    detail: Annotated[str | None, Field(description="an item question whose answer replaces 'other'")] = None
    number_only: Annotated[bool, Field(description="numbers without their unit (the label names the unit)")] = False
    also: Annotated[str | None, Field(description="a second item question shown in the same cell: '16 / 10'")] = None
    aside: Annotated[
        str | None, Field(description="an item question shown in brackets after the answer, when answered")
    ] = None


class TableCheck(Frozen):
    fact: Annotated[
        str, Field(description="a count fact over the same group; each entry says Yes, No (why) or cannot tell")
    ]
    label: str
    yes: str = N_("Yes")
    no: str = N_("No")
    cannot_tell: str = N_("Cannot tell")
    missing: Annotated[str, Field(description="after the name of a detail left empty")] = N_("not given")


class TableBlock(BlockBase):
    type: Literal["table"]
    group: str
    columns: Annotated[list[TableColumn], Field(min_length=1)]
    check: TableCheck | None = None
    note: str | None = None
    cite: Annotated[list[Citation], Field(description="the sources of the note's thresholds")] = field(
        default_factory=list
    )
    empty: Annotated[str, Field(min_length=1, description="said when the patient listed no entry")]


class PointsBlock(BlockBase):
    """Findings of the listed categories as a table: each finding, and the patient's answers behind it.

    The answers behind a finding are those its rule's condition names (for a choose-several question, only
    the options it matched), so the specialist sees what the patient said, not only what we made of it.
    """

    type: Literal["points"]
    categories: Annotated[list[str], Field(min_length=1)]
    point_label: Annotated[str, Field(min_length=1)]
    answer_label: Annotated[str, Field(min_length=1)]
    no_answer: Annotated[str, Field(min_length=1, description="in the answer column where the answers were left empty")]
    worked_out: Annotated[
        str, Field(min_length=1, description="in the answer column of a point worked out from several answers")
    ]
    empty: Annotated[str, Field(min_length=1, description="said when no finding applies")]


class CrisisLineBlock(BlockBase):
    """One short line with the patient's own region's crisis line and emergency number, on every summary."""

    type: Literal["crisis_line"]
    text: Annotated[str, Field(min_length=1, description="'{lines}' and '{emergency}' are filled in from the region")]


class FindingsBlock(BlockBase):
    """Findings of the listed categories, in rule order, numbered across the whole summary."""

    type: Literal["findings"]
    categories: Annotated[list[str], Field(min_length=1)]
    empty: Annotated[str | None, Field(description="said when no finding applies; None hides the block")] = None


class CostBlock(BlockBase):
    type: Literal["cost"]
    labels: Annotated[
        dict[str, str], Field(description="price, quoted, typical, horizon_count, horizon_cost, budget, ...")
    ]
    note: Annotated[str, Field(min_length=1)]
    cite: Annotated[list[Citation], Field(min_length=1)]
    quote_source: Annotated[
        str, Field(min_length=1, description="the source line when the clinic's own price was used")
    ]


class QuestionsBlock(BlockBase):
    type: Literal["questions"]
    own_question: Annotated[str | None, Field(description="the question holding the patient's own questions")] = None
    own_heading: str = N_("My own questions")
    asked_heading: str = N_("Questions raised by the findings")


class ChecklistGroup(Frozen):
    title: str
    items: Annotated[list[str], Field(min_length=1)]
    cite: Annotated[list[Citation], Field(min_length=1)]


class ChecklistBlock(BlockBase):
    type: Literal["checklist"]
    groups: Annotated[list[ChecklistGroup], Field(min_length=1)]


class ResearchItem(Frozen):
    claim: str
    claim_cite: Annotated[list[Citation], Field(min_length=1)]
    finding: str
    cite: Annotated[list[Citation], Field(min_length=1)]


class ResearchBlock(BlockBase):
    type: Literal["research"]
    intro: str
    claim_label: str = N_("The articles say:")
    finding_label: str = N_("The research:")
    items: Annotated[list[ResearchItem], Field(min_length=1)]


class TextBlock(BlockBase):
    """Fixed paragraphs, each with its sources; ``page_break`` starts it on a new page (an appendix)."""

    type: Literal["text"]
    paragraphs: Annotated[list[str], Field(min_length=1)]
    cite: list[Citation] = field(default_factory=list)
    page_break: bool = False


class OptionValue(Frozen):
    """Something the patient rated (a question), shown with how each option fares on it."""

    question: str
    key: Annotated[str, Field(min_length=1, description="the key of each option's 'fares' entry")]
    label: Annotated[str, Field(min_length=1)]


class Pictograph(Frozen):
    """One benefit or harm as a picture of 100 people: ``people`` of them coloured, and where the studies give a
    range, ``up_to`` shaded in a lighter tone. The words say the same, so the picture is never the only way in."""

    shows: Literal["benefit", "harm"]
    people: Annotated[int, Field(ge=0, le=100)]
    up_to: Annotated[int | None, Field(ge=1, le=100, description="the top of a range; above 'people'")] = None
    what: Annotated[str, Field(min_length=1, description="what happened to them, with when it was counted")]
    compared: Annotated[str | None, Field(description="the same count without the treatment, in words")] = None


Grade = Literal["high", "moderate", "low", "very_low"]


class Option(Frozen):
    """One option in the decision, with the same fields as every other: benefits and harms in equal detail,
    a grade for how sure the research is, the date it was last checked, and its numbers as pictures."""

    id: str
    name: Annotated[str, Field(min_length=1)]
    tried_when: Annotated[Condition | None, Field(description="the answers that mean the patient tried it")] = None
    involves: Annotated[str, Field(min_length=1)]
    benefit: Annotated[str, Field(min_length=1)]
    grade: Annotated[Grade, Field(description="how sure the research is, by the GRADE approach's four levels")]
    certainty: Annotated[
        str, Field(min_length=1, description="why it has that grade: how many studies, what kind, how big")
    ]
    harms_common: Annotated[str, Field(min_length=1)]
    harms_serious: Annotated[str, Field(min_length=1)]
    cost: Annotated[str, Field(min_length=1)]
    availability: Annotated[str, Field(min_length=1)]
    fares: Annotated[dict[str, str], Field(description="how the option fares on each thing the patient rated")]
    pictures: Annotated[list[Pictograph], Field(max_length=2)] = field(default_factory=list)
    checked: Annotated[
        dt.date, Field(description="when a person on the team last compared this option with its sources")
    ]
    cite: Annotated[list[Citation], Field(min_length=1)]


OPTION_FIELDS = ("involves", "benefit", "certainty", "harms_common", "harms_serious", "cost", "availability")


class PicturesText(Frozen):
    """The fixed words around the pictures of 100 people."""

    heading: Annotated[str, Field(min_length=1)]
    intro: Annotated[str, Field(min_length=1)]
    benefit: Annotated[str, Field(min_length=1, description="the label over a benefit's picture")]
    harm: Annotated[str, Field(min_length=1, description="the label over a harm's picture")]
    none: Annotated[str, Field(min_length=1, description="said where an option has no number, so no picture")]
    range: Annotated[str, Field(min_length=1, description="'{people} to {up_to} in 100': the words for a range")]
    count: Annotated[str, Field(min_length=1, description="'{people} in 100': the words for one number")]


class AboutAid(Frozen):
    """How the evidence was chosen and graded, who wrote it, and when each option was last checked."""

    heading: Annotated[str, Field(min_length=1)]
    paragraphs: Annotated[list[str], Field(min_length=1)]
    checked: Annotated[str, Field(min_length=1, description="the sentence before the list of options and their dates")]
    cite: Annotated[list[Citation], Field(description="the grading method's source")] = field(default_factory=list)


class OptionsBlock(BlockBase):
    """The options side by side, the same rows for each, and the patient's own ratings next to them (not ranked)."""

    type: Literal["options"]
    intro: Annotated[str, Field(min_length=1)]
    rows: Annotated[dict[str, str], Field(description="a label for each of OPTION_FIELDS")]
    grades: Annotated[dict[Grade, str], Field(description="the word shown for each grade ('Low')")]
    values: list[OptionValue] = field(default_factory=list)
    rated: Annotated[str, Field(min_length=1, description="'{label} (you said: {answer})'")]
    not_rated: Annotated[
        str, Field(min_length=1, description="said instead of the answer when the patient did not rate it")
    ]
    tried: Annotated[str, Field(min_length=1, description="added to the name of an option the patient has tried")]
    per_table: Annotated[int, Field(ge=1, le=6, description="options per table in the PDF")] = 3
    pictures: PicturesText
    about: AboutAid
    options: Annotated[list[Option], Field(min_length=2)]


class SourcesBlock(BlockBase):
    type: Literal["sources"]
    checked: Annotated[str, Field(description="the word before the date a source was checked")] = N_("Checked")


class AboutBlock(BlockBase):
    type: Literal["about"]
    text: Annotated[str, Field(min_length=1)]


type Block = Annotated[
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
    may_move: list[str] = field(default_factory=list)
    moved: Annotated[str, Field(min_length=1)]


class ReportContent(Frozen):
    blocks: Annotated[list[Block], Field(min_length=1)]
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
