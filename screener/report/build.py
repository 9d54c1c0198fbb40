"""Building the Report (``screener.report.model``) from a form, its answers and their evaluation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from screener.content.bundle import FormBundle
from screener.content.form import GroupQuestion
from screener.content.report_content import GroupTable
from screener.content.sources import Citation
from screener.engine.conditions import Outcome
from screener.engine.evaluation import Evaluation
from screener.report.model import (
    Checklist,
    CostBar,
    CostView,
    Crisis,
    Item,
    Paper,
    Report,
    ResearchPoint,
    SourceView,
    Table,
)


def build_report(bundle: FormBundle, result: Evaluation, made_on: dt.date, paper: Paper | None = None) -> Report:
    content = bundle.content
    answers = result.answers
    cite = bundle.sources.cite

    def cites(citations: list[Citation]) -> tuple[str, ...]:
        return tuple(cite(citation) for citation in citations)

    outcome = result.outcome
    findings = tuple(result.findings)
    return Report(
        title=content.title,
        subtitle=content.subtitle,
        language=bundle.form.language,
        form_version=bundle.form.version,
        made_on=made_on,
        paper=paper or result.region.paper,
        headings=content.sections,
        header=_section_items(bundle, content.header_section, answers, short=True),
        crisis=crisis_box(bundle, result),
        outcome_id=outcome.id,
        outcome_title=outcome.title,
        outcome_summary=outcome.summary,
        outcome_tone=outcome.tone,
        closing=bundle.rules.closing,
        diagnosis=_section_items(bundle, content.answer_sections["diagnosis"], answers),
        findings=findings,
        medicines=_group_table(bundle, content.tables["medicines"], answers, result, content.medicines_note),
        medicines_more=_extra_items(bundle, content.tables["medicines"], answers),
        therapy=_group_table(bundle, content.tables["therapy"], answers, result, content.therapy_note),
        therapy_more=_extra_items(bundle, content.tables["therapy"], answers),
        other_treatments=_section_items(bundle, content.answer_sections["other_treatments"], answers),
        medical=_section_items(bundle, content.answer_sections["medical"], answers),
        precautions=tuple(Item(f.text, f.reason) for f in findings if f.category == "precaution"),
        goals=_section_items(bundle, content.answer_sections["goals"], answers),
        cost=_cost(bundle, result, cites(content.cost_cite)),
        checklist=tuple(Checklist(group.title, tuple(group.items), cites(group.cite)) for group in content.checklist),
        research_intro=content.research.intro,
        research=tuple(
            ResearchPoint(item.claim, cites(item.claim_cite), item.finding, cites(item.cite))
            for item in content.research.items
        ),
        own_questions=answers.get("own_questions") or None,
        specialist_questions=tuple(f.ask for f in findings),
        sources=_sources(bundle),
        about=content.about,
    )


def _section_items(
    bundle: FormBundle, section_id: str, answers: Mapping[str, Any], short: bool = False
) -> tuple[Item, ...]:
    section = next(section for section in bundle.form.sections if section.id == section_id)
    return tuple(
        Item(question.short if short else question.label.strip(), question.display(answers[question.id]))
        for question in section.questions
        if not isinstance(question, GroupQuestion) and answers.get(question.id) not in (None, "", [])
    )


def _extra_items(bundle: FormBundle, table: GroupTable, answers: Mapping[str, Any]) -> tuple[Item, ...]:
    if table.extra_section is None:
        return ()
    return _section_items(bundle, table.extra_section, answers)


def _group_table(
    bundle: FormBundle, table: GroupTable, answers: Mapping[str, Any], result: Evaluation, note: str
) -> Table:
    group = bundle.form.question(table.group)
    assert isinstance(group, GroupQuestion)
    entries = answers.get(table.group) or []
    checks = result.entry_checks.get(table.check.fact, []) if table.check else []
    rows = []
    for index, entry in enumerate(entries):
        row = []
        for column in table.columns:
            value = entry.get(column.question)
            detail = entry.get(column.detail) if column.detail else None
            question = group.item_question(column.question)
            row.append(detail if detail else "" if value is None or question is None else question.display(value))
        if table.check:
            row.append(_check_text(checks[index]) if index < len(checks) else "")
        rows.append(tuple(row))
    columns = tuple(column.label for column in table.columns) + ((table.check.label,) if table.check else ())
    return Table(columns, tuple(rows), note)


def _check_text(check: Outcome) -> str:
    if check.value:
        return "Yes"
    return "Cannot tell (details missing)" if check.unanswered else "No"


def crisis_box(bundle: FormBundle, result: Evaluation) -> Crisis | None:
    """The crisis box, whenever a safety finding fired; urgent when it decided the outcome."""
    if not result.needs_crisis_lines:
        return None
    text = bundle.content.crisis
    urgent = result.outcome.tone == "urgent"
    lines = tuple(Item(line.name, line.how) for line in bundle.regions.crisis_lines(result.region))
    emergency = f"Call {result.region.emergency}, or go to the nearest emergency department."
    return Crisis(text.title, text.urgent if urgent else text.sometimes, urgent, lines, emergency)


def money_prefix(result: Evaluation) -> str:
    """How estimated amounts are written: the region's symbol for its own currency, else the currency code."""
    currency = result.cost.currency
    if currency and currency == result.region.currency and result.region.currency_symbol:
        return result.region.currency_symbol
    return f"{currency} " if currency else ""


def _cost(bundle: FormBundle, result: Evaluation, sources: tuple[str, ...]) -> CostView:
    cost = result.cost
    prefix = money_prefix(result)

    def money(amount: float) -> str:
        return f"{prefix}{amount:,.0f}"

    def span(low: float, high: float, as_money: bool = True) -> str:
        show = money if as_money else (lambda n: f"{n:,.0f}")
        return show(low) if low == high else f"{show(low)} to {show(high)}"

    price_note = "your clinic's quote" if cost.quoted else "a typical US range, used because no clinic price was given"
    rows = [("Price of one infusion", span(cost.price_low, cost.price_high), price_note)]
    for item in cost.horizons:
        rows.append((f"{item.horizon.label}: infusions", span(item.infusions_low, item.infusions_high, False), ""))
        rows.append((f"{item.horizon.label}: cost", span(item.cost_low, item.cost_high), ""))
    if cost.budget is not None:
        compared = "" if cost.budget_comparable else "not compared: no price in your currency"
        rows.append(("Your budget for the first 3 months", result.region.money(cost.budget), compared))
    schedule = "; ".join(phase.label for phase in bundle.parameters.cost.phases)
    table = Table(("", "Estimate", "Note"), tuple(rows), f"{bundle.content.cost_note} {schedule}.")
    bars = tuple(
        CostBar(item.horizon.label, item.cost_low, item.cost_high, item.horizon.id == cost.budget_horizon)
        for item in cost.horizons
    )
    budget = cost.budget if cost.budget_comparable else None
    answers = _section_items(bundle, bundle.content.answer_sections["practical"], result.answers)
    return CostView(table, bars, budget, "Your 3-month budget", prefix, answers, sources)


def _sources(bundle: FormBundle) -> tuple[SourceView, ...]:
    return tuple(
        SourceView(source.short, source.reference(), source.checked) for source in bundle.sources.sources.values()
    )
