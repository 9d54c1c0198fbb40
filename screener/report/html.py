"""The summary as Qt rich text (the wizard's summary page): the Report's blocks, in order, every string escaped."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from screener.report.model import (
    AboutView,
    AnswersView,
    BlockView,
    ChecklistView,
    CostView,
    CrisisView,
    FindingsView,
    HeaderView,
    Item,
    OptionsView,
    OutcomeView,
    QuestionsView,
    Report,
    ResearchView,
    SourcesView,
    TableView,
    TextView,
)
from screener.report.tones import TONES


def render_html(report: Report) -> str:
    return "".join(render_block(block) for block in report.blocks)


def render_block(block: BlockView) -> str:
    return _DRAW[type(block)](block)


def _box(inner: str, tone: str) -> str:
    background, border, _ink = TONES[tone]
    return (
        f'<table width="100%" cellpadding="8" style="background-color:{background}; border: 2px solid {border}">'
        f"<tr><td>{inner}</td></tr></table><br>"
    )


def _heading(heading: str | None) -> str:
    return f"<h3>{escape(heading)}</h3>" if heading else ""


def _items(items: tuple[Item, ...]) -> str:
    return "".join(f"<b>{escape(item.label)}:</b> {escape(item.value)}<br>" for item in items)


def _header(view: HeaderView) -> str:
    return f"<h2>{escape(view.title)}</h2><p>{escape(view.subtitle)}<br>{_items(view.items)}</p>"


def _crisis(view: CrisisView) -> str:
    messages = "".join(f"<p>{escape(message)}</p>" for message in view.messages)
    lines = "".join(f"<p><b>{escape(item.label)}:</b> {escape(item.value)}</p>" for item in view.lines)
    emergency = f"<p><b>{escape(view.emergency_label)}:</b> {escape(view.emergency)}</p>"
    return _box(f"<h2>{escape(view.title)}</h2>{messages}{lines}{emergency}", "urgent")


def _outcome(view: OutcomeView) -> str:
    inner = (
        f"<p>{escape(view.label)}</p><h2>{escape(view.title)}</h2>"
        f"<p>{escape(view.summary)}</p><p><b>{escape(view.closing)}</b></p>"
    )
    return _box(inner, view.tone)


def _answers(view: AnswersView) -> str:
    return f"{_heading(view.heading)}<p>{_items(view.items)}</p>"


def _table(view: TableView) -> str:
    if not view.rows:
        return f"{_heading(view.heading)}<p>{escape(view.empty)}</p>"
    head = "".join(f"<th align='left'>{escape(column)}</th>" for column in view.columns)
    rows = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in view.rows)
    note = f"<p><small>{escape(view.note)}</small></p>" if view.note else ""
    if view.sources:
        note += f"<p><small>{escape(view.source_label)} {escape('; '.join(view.sources))}</small></p>"
    return (
        f"{_heading(view.heading)}<table border='1' cellpadding='3' cellspacing='0'><tr>{head}</tr>{rows}</table>{note}"
    )


def _findings(view: FindingsView) -> str:
    if not view.findings:
        return f"{_heading(view.heading)}<p>{escape(view.empty)}</p>" if view.empty else ""
    parts = [_heading(view.heading)]
    for finding in view.findings:
        parts.append(
            f"<p><b>{finding.number}. {escape(finding.text)}</b><br>{escape(finding.reason)}<br>"
            f"<small>{escape(view.source_label)} {escape('; '.join(finding.sources))}</small></p>"
        )
    return "".join(parts)


def _cost(view: CostView) -> str:
    rows = "".join(f"<b>{escape(label)}:</b> {escape(value)}<br>" for label, value in view.rows)
    sources = f"<small>{escape(view.source_label)} {escape('; '.join(view.sources))}</small>"
    return f"{_heading(view.heading)}<p>{rows}<small>{escape(view.note)}</small><br>{sources}</p>"


def _questions(view: QuestionsView) -> str:
    parts = [_heading(view.heading)]
    if view.own:
        own = escape(view.own).replace("\n", "<br>")
        parts.append(f"<p><b>{escape(view.own_heading)}</b><br>{own}</p>")
    if view.asked:
        asked = "".join(f"<li>{escape(ask)}</li>" for ask in view.asked)
        parts.append(f"<p><b>{escape(view.asked_heading)}</b></p><ol>{asked}</ol>")
    return "".join(parts)


def _checklist(view: ChecklistView) -> str:
    groups = "".join(
        f"<p><b>{escape(group.title)}</b></p><ul>{''.join(f'<li>{escape(item)}</li>' for item in group.items)}</ul>"
        for group in view.groups
    )
    return _heading(view.heading) + groups


def _research(view: ResearchView) -> str:
    points = "".join(
        f"<p><b>{escape(view.claim_label)}</b> {escape(point.claim)}<br>"
        f"<b>{escape(view.finding_label)}</b> {escape(point.finding)} "
        f"<small>({escape('; '.join(point.sources))})</small></p>"
        for point in view.points
    )
    return f"{_heading(view.heading)}<p>{escape(view.intro)}</p>{points}"


def _text(view: TextView) -> str:
    return _heading(view.heading) + "".join(f"<p>{escape(paragraph)}</p>" for paragraph in view.paragraphs)


def _options(view: OptionsView) -> str:
    return "".join(options_parts(view))


def options_parts(view: OptionsView) -> tuple[str, str, str]:
    """The options in three parts: the tables, the pictures' words, and how the aid was made. The summary page
    puts its drawn pictures (with the same words) in place of the middle part."""
    tables = []
    for start in range(0, len(view.names), view.per_table):
        names = view.names[start : start + view.per_table]
        head = "".join(f"<th align='left'>{escape(name)}</th>" for name in names)
        rows = "".join(
            f"<tr><td><b>{escape(label)}</b></td>"
            + "".join(f"<td>{escape(cell)}</td>" for cell in cells[start : start + view.per_table])
            + "</tr>"
            for label, cells in view.rows
        )
        tables.append(f"<table border='1' cellpadding='3' cellspacing='0'><tr><th></th>{head}</tr>{rows}</table><br>")
    sources = "".join(f"<small>{escape(view.source_label)} {escape(line)}</small><br>" for line in view.sources)
    pictures = "".join(
        f"<p><b>{escape(option.name)}</b><br>"
        + "".join(f"{escape(picture.label)}: {escape(picture.words)}<br>" for picture in (option.benefit, option.harm))
        + "</p>"
        for option in view.pictures
    )
    about = _heading(view.about_heading) + "".join(f"<p>{escape(paragraph)}</p>" for paragraph in view.about)
    return (
        f"{_heading(view.heading)}<p>{escape(view.intro)}</p>{''.join(tables)}<p>{sources}</p>",
        f"{_heading(view.pictures_heading)}<p>{escape(view.pictures_intro)}</p>{pictures}",
        about,
    )


def _sources(view: SourcesView) -> str:
    entries = "".join(f"<small><b>{escape(s.short)}:</b> {escape(s.reference)}</small><br>" for s in view.sources)
    return f"{_heading(view.heading)}<p>{entries}</p>"


def _about(view: AboutView) -> str:
    return f"{_heading(view.heading)}<p>{escape(view.text)}</p>"


_DRAW: dict[type, Callable[[BlockView], str]] = {
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
