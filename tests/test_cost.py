"""The cost and schedule projection (CONTENT.md section 7)."""

from __future__ import annotations

from screener.engine.cost import project, visits_within


def test_schedule_counts(bundle):
    model = bundle.parameters.cost
    # 3 weeks twice a week (6), then 4 weeks every two weeks (2) or weekly (4), then monthly.
    assert (visits_within(model, 13, "low"), visits_within(model, 13, "high")) == (9, 11)
    assert (visits_within(model, 52, "low"), visits_within(model, 52, "high")) == (19, 21)


def test_typical_price_without_a_quote(bundle):
    projection = project(bundle.parameters.cost, {"budget_3_months": 5000}, "USD")
    three = projection.for_horizon("3m")
    assert (three.cost_low, three.cost_high) == (3600, 8800)
    assert projection.currency == "USD" and projection.budget_comparable


def test_quoted_price_in_another_currency(bundle):
    projection = project(
        bundle.parameters.cost, {"price_quoted": True, "price_per_infusion": 350, "budget_3_months": 3000}, "GBP"
    )
    assert projection.currency == "GBP" and projection.quoted and projection.budget_comparable
    assert projection.for_horizon("12m").cost_high == 21 * 350


def test_typical_us_price_is_not_compared_with_a_budget_in_pounds(bundle):
    projection = project(bundle.parameters.cost, {"budget_3_months": 3000}, "GBP")
    assert projection.currency == "USD" and not projection.budget_comparable
