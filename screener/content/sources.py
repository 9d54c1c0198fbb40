"""Sources and citations: the two articles, the clinical references and the services behind each claim."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Annotated, Literal

from screener.content.conditions import Condition
from screener.content.frozen import Field, Frozen

SourceKind = Literal[
    "article", "study", "review", "guideline", "consensus", "regulator", "service", "estimate", "reference"
]


class Source(Frozen):
    kind: SourceKind
    title: Annotated[str, Field(min_length=1)]
    short: Annotated[str, Field(min_length=1, description="how a finding names it, e.g. 'Sanacora et al. 2017'")]
    authors: str | None = None
    publication: str | None = None
    year: int | None = None
    sections: Annotated[list[str], Field(description="section headings a citation may name")] = field(
        default_factory=list
    )
    checked: dt.date
    as_of: Annotated[dt.date | None, Field(description="the date its time-sensitive facts were current")] = None
    recheck_by: Annotated[
        dt.date | None, Field(description="a label, rule, price or helpline is checked again by then")
    ] = None
    url: str | None = None
    supports: Annotated[list[str], Field(description="what the source says, as checked (paraphrase)")] = field(
        default_factory=list
    )
    unverified: Annotated[
        list[str], Field(description="what we could not check at the source itself; never shown as fact")
    ] = field(default_factory=list)
    does_not_say: Annotated[
        list[str], Field(description="what we looked for in the source and did not find, so never cite it for")
    ] = field(default_factory=list)
    note: str | None = None

    def __post_init__(self) -> None:
        if (self.as_of is None) != (self.recheck_by is None):
            raise ValueError("a time-sensitive fact carries both as_of and recheck_by")
        if self.as_of is not None and self.recheck_by is not None and self.recheck_by <= self.as_of:
            raise ValueError(f"recheck_by {self.recheck_by} is not after as_of {self.as_of}")

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
    sources: Annotated[dict[str, Source], Field(min_length=1)]

    def cite(self, citation: Citation) -> str:
        """'Sanacora et al. 2017' or 'Ketamine Therapy and OCD, section “Alternative Treatment Option”'."""
        source = self.sources[citation.source]
        if citation.section:
            return f"{source.short}, section “{citation.section}”"
        return source.short
