"""The cost and schedule model as data: the typical price, the phases of treatment and the horizons.

Read from ``parameters.yaml``. The projection over the patient's answers is the engine's
(``screener.engine.cost``).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from screener.content.form import Id
from screener.content.frozen import Frozen
from screener.content.sources import Citation


class LowHigh(Frozen):
    low: float = Field(ge=0)
    high: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> LowHigh:
        if self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        return self


class Phase(Frozen):
    id: Id
    label: str
    weeks: int | None = Field(default=None, ge=1, description="how long it lasts; none means until the horizon")
    per_week: LowHigh


class Horizon(Frozen):
    id: str = Field(pattern=r"^[a-z0-9_]+$", description="used in fact names such as cost_3m_low")
    label: str
    weeks: int = Field(ge=1)


class CostModel(Frozen):
    typical_price: LowHigh
    typical_currency: str = Field(pattern=r"^[A-Z]{3}$")
    price_question: str
    quoted_question: str
    budget_question: str
    budget_horizon: str
    phases: list[Phase] = Field(min_length=1)
    horizons: list[Horizon] = Field(min_length=1)
    cite: list[Citation] = Field(min_length=1)
    checked: dt.date


def fact_names(model: CostModel) -> list[str]:
    """The fact ids a projection provides, known before any answers (for checking rules at load)."""
    names = ["price_low", "price_high", "price_quoted", "budget_comparable"]
    for horizon in model.horizons:
        names += [f"{prefix}_{horizon.id}_{case}" for prefix in ("visits", "cost") for case in ("low", "high")]
    return names
