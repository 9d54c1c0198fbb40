"""The plain-text summary (``screener evaluate``, screen readers): the Report's blocks, in order, as text."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from screener.report.model import (
    AboutView,
    AnswersView,
    BlockView,
    ChecklistView,
    CostView,
    CrisisView,
    FindingsView,
    HeaderView,
    OptionsView,
    OutcomeView,
    QuestionsView,
    Report,
    ResearchView,
    SourcesView,
    TableView,
    TextView,
)

WIDTH = 100


def render_text(report: Report, brief: bool = False) -> str:
    """Every block as text; ``brief`` keeps the crisis help, the outcome and the findings only."""
    out: list[str] = []
    for block in report.blocks:
        if brief and not isinstance(block, (CrisisView, OutcomeView, FindingsView)):
            continue
        lines = _DRAW[type(block)](block)
        if lines:
            out += [*lines, ""]
    return "\n".join(out).rstrip() + "\n"


def _wrap(text: str, first: str = "", rest: str | None = None) -> list[str]:
    indent = first if rest is None else rest
    return textwrap.wrap(text, width=WIDTH, initial_indent=first, subsequent_indent=indent) or [first]


def _heading(heading: str | None) -> list[str]:
    return [heading.upper()] if heading else []


def _header(view: HeaderView) -> list[str]:
    return [view.title, view.subtitle, *(f"{item.label}: {item.value}" for item in view.items)]


def _crisis(view: CrisisView) -> list[str]:
    out = [view.title.upper()]
    for message in view.messages:
        out += _wrap(message, "  ")
    return out + [f"  {line}" for line in view.plain_lines()]


def _outcome(view: OutcomeView) -> list[str]:
    return [f"{view.label}: {view.title}", *_wrap(view.summary, "  "), *_wrap(view.closing, "  ")]


def _answers(view: AnswersView) -> list[str]:
    out = _heading(view.heading)
    for item in view.items:
        out += _wrap(f"{item.label}: {item.value}", "  ", "    ")
    return out


def _table(view: TableView) -> list[str]:
    out = _heading(view.heading)
    if not view.rows:
        return [*out, f"  {view.empty}"]
    for number, row in enumerate(view.rows, start=1):
        cells = "; ".join(f"{column}: {cell}" for column, cell in zip(view.columns, row, strict=True) if cell)
        out += _wrap(cells, f"  {number}. ", "     ")
    if view.note:
        out += _wrap(view.note, "  ")
    if view.sources:
        out += _wrap(f"{view.source_label} {'; '.join(view.sources)}", "  ")
    return out


def _findings(view: FindingsView) -> list[str]:
    out = _heading(view.heading)
    if not view.findings:
        return [*out, f"  {view.empty}"] if view.empty else out
    for finding in view.findings:
        out += _wrap(finding.text, f"  {finding.number}. ", "     ")
        out += _wrap(finding.reason, "     ")
        out += _wrap(f"{view.source_label} {'; '.join(finding.sources)}", "     ")
    return out


def _cost(view: CostView) -> list[str]:
    out = _heading(view.heading)
    out += [f"  {label}: {value}" for label, value in view.rows]
    out += _wrap(view.note, "  ")
    out += _wrap(f"{view.source_label} {'; '.join(view.sources)}", "  ")
    return out


def _questions(view: QuestionsView) -> list[str]:
    out = _heading(view.heading)
    if view.own:
        out += [f"  {view.own_heading}:", *(f"    {line}" for line in view.own.splitlines())]
    if view.asked:
        out.append(f"  {view.asked_heading}:")
        for number, ask in enumerate(view.asked, start=1):
            out += _wrap(ask, f"    {number}. ", "       ")
    return out


def _checklist(view: ChecklistView) -> list[str]:
    out = _heading(view.heading)
    for group in view.groups:
        out.append(f"  {group.title}")
        for item in group.items:
            out += _wrap(item, "    [ ] ", "        ")
    return out


def _research(view: ResearchView) -> list[str]:
    out = [*_heading(view.heading), *_wrap(view.intro, "  ")]
    for point in view.points:
        out += _wrap(f"{view.claim_label} {point.claim}", "  - ", "    ")
        out += _wrap(f"{view.finding_label} {point.finding} ({'; '.join(point.sources)})", "    ")
    return out


def _text(view: TextView) -> list[str]:
    out = _heading(view.heading)
    for paragraph in view.paragraphs:
        out += _wrap(paragraph, "  ")
    return out


def _options(view: OptionsView) -> list[str]:
    out = [*_heading(view.heading), *_wrap(view.intro, "  ")]
    for index, name in enumerate(view.names):
        out.append(f"  {name}")
        for label, cells in view.rows:
            out += _wrap(f"{label}: {cells[index]}", "    ", "      ")
    out += [line for source in view.sources for line in _wrap(f"{view.source_label} {source}", "  ", "    ")]
    out += [*_heading(view.pictures_heading), *_wrap(view.pictures_intro, "  ")]
    for option in view.pictures:
        out.append(f"  {option.name}")
        for picture in (option.benefit, option.harm):
            out += _wrap(f"{picture.label}: {picture.words}", "    ", "      ")
    out += _heading(view.about_heading)
    return out + [line for paragraph in view.about for line in _wrap(paragraph, "  ")]


def _sources(view: SourcesView) -> list[str]:
    out = _heading(view.heading)
    for source in view.sources:
        out += _wrap(f"{source.short}: {source.reference}", "  ", "    ")
    return out


def _about(view: AboutView) -> list[str]:
    return [*_heading(view.heading), *_wrap(view.text, "  ")]


_DRAW: dict[type, Callable[[BlockView], list[str]]] = {
    HeaderView: _header,
    CrisisView: _crisis,
    OutcomeView: _outcome,
    AnswersView: _answers,
    TableView: _table,
    FindingsView: _findings,
    CostView: _cost,
    QuestionsView: _questions,
    ChecklistView: _checklist,
    ResearchView: _research,
    TextView: _text,
    OptionsView: _options,
    SourcesView: _sources,
    AboutView: _about,
}
