"""Sources and citations: the two articles, the clinical references and the services behind each claim."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from screener.content.conditions import Condition
from screener.content.frozen import Frozen

SourceKind = Literal["article", "study", "review", "guideline", "consensus", "regulator", "service", "estimate"]


class Source(Frozen):
    kind: SourceKind
    title: str = Field(min_length=1)
    short: str = Field(min_length=1, description="how a finding names it, e.g. 'Sanacora et al. 2017'")
    authors: str | None = None
    publication: str | None = None
    year: int | None = None
    sections: list[str] = Field(default_factory=list, description="section headings a citation may name")
    checked: dt.date
    url: str | None = None
    supports: list[str] = Field(default_factory=list, description="what the source says, as checked (paraphrase)")
    unverified: list[str] = Field(
        default_factory=list, description="what we could not check at the source itself; never shown as fact"
    )
    does_not_say: list[str] = Field(
        default_factory=list, description="what we looked for in the source and did not find, so never cite it for"
    )
    note: str | None = None

    def reference(self) -> str:
        """The full reference, as printed in the list of sources."""
        parts = [part.rstrip(".") for part in (self.authors, f"“{self.title}”", self.publication) if part]
        text = ". ".join(parts)
        return f"{text} ({self.year})" if self.year and str(self.year) not in text else text


class Citation(Frozen):
    """A source for one claim; ``when`` cites it only for answers that meet a condition (a clinic's quote)."""

    source: str
    section: str | None = None
    when: Condition | None = None


class SourceList(Frozen):
    sources: dict[str, Source] = Field(min_length=1)

    def cite(self, citation: Citation) -> str:
        """'Sanacora et al. 2017' or 'Ketamine Therapy and OCD, section “Alternative Treatment Option”'."""
        source = self.sources[citation.source]
        if citation.section:
            return f"{source.short}, section “{citation.section}”"
        return source.short
