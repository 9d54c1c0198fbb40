"""The cost and schedule model as data: the typical price, the phases of treatment and the horizons.

Read from ``parameters.yaml``. The projection over the patient's answers is the engine's
(``screener.engine.cost``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from screener.content.form import Id
from screener.content.frozen import Field, Frozen
from screener.content.sources import Citation


class LowHigh(Frozen):
    low: Annotated[float, Field(ge=0)]
    high: Annotated[float, Field(ge=0)]

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")


class Phase(Frozen):
    id: Id
    label: str
    weeks: Annotated[int | None, Field(ge=1, description="how long it lasts; none means until the horizon")] = None
    per_week: LowHigh


class Horizon(Frozen):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$", description="used in fact names such as cost_3m_low")]
    label: str
    weeks: Annotated[int, Field(ge=1)]


class CostModel(Frozen):
    typical_price: LowHigh
    typical_currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    price_question: str
    quoted_question: str
    budget_question: str
    budget_horizon: str
    phases: Annotated[list[Phase], Field(min_length=1)]
    horizons: Annotated[list[Horizon], Field(min_length=1)]
    cite: Annotated[list[Citation], Field(min_length=1)]
    checked: dt.date


def fact_names(model: CostModel) -> list[str]:
    """The fact ids a projection provides, known before any answers (for checking rules at load)."""
    names = ["price_low", "price_high", "price_quoted", "budget_comparable"]
    for horizon in model.horizons:
        names += [f"{prefix}_{horizon.id}_{case}" for prefix in ("visits", "cost") for case in ("low", "high")]
    return names
