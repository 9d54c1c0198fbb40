"""The fixed text of the summary (headings, checklist, research, disclaimer), read from ``report.yaml``."""

from __future__ import annotations

from pydantic import Field

from screener.content.frozen import Frozen
from screener.content.sources import Citation


class CrisisText(Frozen):
    title: str
    urgent: str
    sometimes: str


class Headings(Frozen):
    diagnosis: str
    findings: str
    medicines: str
    therapy: str
    other_treatments: str
    medical: str
    goals: str
    cost: str
    checklist: str
    research: str
    questions: str
    sources: str
    about: str


class ChecklistGroup(Frozen):
    title: str
    items: list[str] = Field(min_length=1)
    cite: list[Citation] = Field(min_length=1)


class ResearchItem(Frozen):
    claim: str
    claim_cite: list[Citation] = Field(min_length=1)
    finding: str
    cite: list[Citation] = Field(min_length=1)


class Research(Frozen):
    intro: str
    items: list[ResearchItem] = Field(min_length=1)


class TableColumn(Frozen):
    question: str
    label: str
    detail: str | None = Field(default=None, description="an item question whose answer replaces 'other'")


class TableCheck(Frozen):
    fact: str = Field(description="a count fact over the same group; each entry is marked Yes or No")
    label: str


class GroupTable(Frozen):
    group: str
    columns: list[TableColumn] = Field(min_length=1)
    check: TableCheck | None = None
    extra_section: str | None = Field(default=None, description="the form section whose other answers follow")


class ReportContent(Frozen):
    title: str
    subtitle: str
    crisis: CrisisText
    sections: Headings
    header_section: str
    answer_sections: dict[str, str]
    tables: dict[str, GroupTable]
    medicines_note: str
    therapy_note: str
    cost_note: str
    cost_cite: list[Citation] = Field(min_length=1)
    checklist: list[ChecklistGroup] = Field(min_length=1)
    research: Research
    about: str

    def citations(self) -> list[tuple[str, Citation]]:
        """Every citation in the content, with where it stands, for checking at load."""
        found = [("cost", cite) for cite in self.cost_cite]
        found += [(f"checklist '{group.title}'", cite) for group in self.checklist for cite in group.cite]
        for number, item in enumerate(self.research.items, start=1):
            found += [(f"research item {number}", cite) for cite in item.claim_cite + item.cite]
        return found
