"""Regions: the crisis lines, emergency number, currency and paper size for where the patient lives."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Annotated, Literal

from screener.content.frozen import Field, Frozen
from screener.content.sources import Citation
from screener.content.wording import format_money


class CrisisLine(Frozen):
    name: Annotated[str, Field(min_length=1)]
    how: Annotated[str, Field(min_length=1, description="what to do, e.g. 'Call or text 988'")]
    number: Annotated[str, Field(min_length=1)]
    cite: Annotated[list[Citation], Field(min_length=1)]


class Region(Frozen):
    name: Annotated[str, Field(min_length=1)]
    currency: Annotated[str | None, Field(pattern=r"^[A-Z]{3}$")] = None
    currency_symbol: str = ""
    paper: Literal["a4", "letter"] = "a4"
    emergency: Annotated[str, Field(min_length=1, description="the emergency number(s), e.g. '911'")]
    crisis_lines: list[CrisisLine] = field(default_factory=list)
    checked: dt.date  # as of then: helplines and emergency numbers change, so each region is checked again
    recheck_by: Annotated[dt.date | None, Field(description="its lines and numbers are checked again by then")] = None

    def money(self, amount: float) -> str:
        """An amount in this region's currency, as the patient gave it: '$3,000', '£450.50', 'EUR 900'."""
        return format_money(amount, self.currency, self.currency_symbol)


class RegionList(Frozen):
    fallback: Annotated[str, Field(description="the region used when the patient did not say, or chose another")]
    directory: Annotated[
        CrisisLine, Field(description="an international directory, for regions with no line of their own")
    ]
    regions: Annotated[dict[str, Region], Field(min_length=1)]

    def crisis_lines(self, region: Region) -> list[CrisisLine]:
        """The region's own lines; where it has none, the international directory."""
        return list(region.crisis_lines) or [self.directory]

    def get(self, code: str | None) -> Region:
        return self.regions.get(code or "", self.regions[self.fallback])
