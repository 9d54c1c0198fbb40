"""The cost and schedule projection: how many visits, and what they may cost, over set horizons.

The schedule (phases with visits per week in a low and a high case), the typical price range and
the horizons are data (``screener.content.cost_model``). A price the patient was quoted replaces the
typical range.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from screener.content.cost_model import CostModel, Horizon
from screener.content.frozen import Frozen


class HorizonCost(Frozen):
    horizon: Horizon
    visits_low: int
    visits_high: int
    cost_low: float
    cost_high: float


class CostProjection(Frozen):
    price_low: float
    price_high: float
    quoted: bool
    currency: str | None
    horizons: list[HorizonCost]
    budget: float | None
    budget_horizon: str
    budget_comparable: bool

    def for_horizon(self, horizon_id: str) -> HorizonCost:
        return next(item for item in self.horizons if item.horizon.id == horizon_id)

    def facts(self) -> dict[str, Any]:
        """The projection as facts that rules can compare: cost_3m_low, visits_12m_high, ..."""
        facts: dict[str, Any] = {
            "price_low": self.price_low,
            "price_high": self.price_high,
            "price_quoted": self.quoted,
            "budget_comparable": self.budget_comparable,
        }
        for item in self.horizons:
            key = item.horizon.id
            facts[f"visits_{key}_low"] = item.visits_low
            facts[f"visits_{key}_high"] = item.visits_high
            facts[f"cost_{key}_low"] = item.cost_low
            facts[f"cost_{key}_high"] = item.cost_high
        return facts


def visits_within(model: CostModel, weeks: int, case: str) -> int:
    """How many visits the schedule gives in the first ``weeks`` weeks, in the low or high case."""
    total = 0.0
    start = 0
    for phase in model.phases:
        length = phase.weeks if phase.weeks is not None else max(weeks - start, 0)
        covered = max(min(start + length, weeks) - start, 0)
        total += math.floor(covered * getattr(phase.per_week, case) + 1e-9)
        start += length
    return int(total)


def project(model: CostModel, answers: Mapping[str, Any], region_currency: str | None) -> CostProjection:
    quoted_price = answers.get(model.price_question) if answers.get(model.quoted_question) is True else None
    if isinstance(quoted_price, (int, float)) and not isinstance(quoted_price, bool):
        price_low = price_high = float(quoted_price)
        currency = region_currency
        quoted = True
    else:
        price_low, price_high = model.typical_price.low, model.typical_price.high
        currency = model.typical_currency
        quoted = False
    horizons = []
    for horizon in model.horizons:
        low = visits_within(model, horizon.weeks, "low")
        high = visits_within(model, horizon.weeks, "high")
        horizons.append(HorizonCost(horizon, low, high, low * price_low, high * price_high))
    budget = answers.get(model.budget_question)
    budget = float(budget) if isinstance(budget, (int, float)) and not isinstance(budget, bool) else None
    comparable = budget is not None and (quoted or region_currency == model.typical_currency)
    return CostProjection(price_low, price_high, quoted, currency, horizons, budget, model.budget_horizon, comparable)
