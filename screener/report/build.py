"""Building the Report (``screener.report.model``) from a form's declared blocks, its answers and their evaluation.

Each block type has one builder here. A crisis summary (an urgent outcome) keeps only the blocks marked
``crisis_summary``; the questions block gathers the questions of the findings that are shown, once each;
the sources block lists only the sources the shown blocks cite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from screener.content import report_content as blocks
from screener.content.bundle import FormBundle
from screener.content.conditions import Condition, comparisons
from screener.content.form import GroupQuestion
from screener.content.rules import Rule
from screener.content.sources import Citation
from screener.content.wording import format_date, format_money, format_number
from screener.engine.conditions import Scope, evaluate
from screener.engine.evaluation import Evaluation, applicable_citations
from screener.engine.visibility import applicable
from screener.i18n import _
from screener.report.model import (
    AboutView,
    AnswersView,
    BlockView,
    ChecklistGroupView,
    ChecklistView,
    CostBar,
    CostView,
    CrisisView,
    FindingsView,
    FindingView,
    HeaderView,
    Item,
    OptionPictures,
    OptionsView,
    OutcomeView,
    PageOne,
    Paper,
    PictureView,
    QuestionsView,
    Report,
    ResearchPoint,
    ResearchView,
    SourceEntry,
    SourcesView,
    TableView,
    TextView,
)


@dataclass
class _Build:
    """What the builders share: the form, the evaluation, and what the shown blocks have used so far."""

    bundle: FormBundle
    result: Evaluation
    made_on: dt.date
    shown_categories: set[str] = field(default_factory=set)  # of findings, in any block this summary shows
    numbered: int = 0
    cited: set[str] = field(default_factory=set)
    shown_behind_points: set[str] = field(default_factory=set)  # question ids shown beside a point
    point_numbers: dict[str, int] = field(default_factory=dict)  # finding id -> its number in the points table

    @property
    def urgent(self) -> bool:
        return self.result.outcome.tone == "urgent"

    @cached_property
    def scope(self) -> Scope:
        return Scope(self.result.answers, self.result.facts, self.bundle.threshold_values)

    @cached_property
    def applies(self) -> Callable[[str], bool]:
        """Whether a question applied to these answers (worked out once for every block)."""
        return applicable(self.bundle.form, self.result.answers).applies

    def holds(self, condition: Condition) -> bool:
        return evaluate(condition, self.scope).value

    def versioned(self, paragraphs: list[str]) -> tuple[str, ...]:
        """Fixed paragraphs with '{form_version}' filled in, so "about" texts cannot go stale."""
        return tuple(paragraph.replace("{form_version}", self.bundle.form.version) for paragraph in paragraphs)

    def cites(self, citations: list[Citation]) -> tuple[str, ...]:
        """The citations that apply to these answers, as printed; their sources join the list of sources."""
        kept = applicable_citations(citations, self.scope)
        self.cited |= {cite.source for cite in kept}
        return tuple(self.bundle.sources.cite(cite) for cite in kept)

    def answers_behind(self, rule_id: str, silent: str) -> list[tuple[str, Item]]:
        """The answers a rule's condition names, as the patient gave them; for a choose-several question,
        only the options the condition asks about (so 'Glaucoma', not every condition ticked). Then the
        answers the rule ``shows``, each with its label ('What and how often: 6 beers every night'), or
        ``silent`` where it applies and was left empty: silence is shown as silence."""
        rule = self.rule(rule_id)
        asked: dict[str, set] = {}
        for compare in comparisons(rule.when):
            kind, name = compare.subject
            if kind == "answer":
                _, expected = compare.operator
                asked.setdefault(name, set()).update(expected if isinstance(expected, list) else [expected])
        items = []
        for name, values in asked.items():
            value = self.result.answers.get(name)
            if value in (None, "", []):
                continue
            if isinstance(value, list):
                value = [choice for choice in value if choice in values]
                if not value:
                    continue
            question = self.bundle.form.question(name)
            items.append((name, Item(question.short, question.brief(value))))
        applies = applicable(self.bundle.form, self.result.answers).applies if rule.shows else None
        for name in rule.shows:
            question = self.bundle.form.question(name)
            value = self.result.answers.get(name)
            if value in (None, "", []):
                if applies is not None and applies(name):
                    items.append((name, Item(question.short, f"{question.short}: {silent}")))
            else:
                items.append((name, Item(question.short, f"{question.short}: {question.brief(value)}")))
        return self.as_readings(items)

    def rule(self, rule_id: str) -> Rule:
        return next(rule for rule in self.bundle.rules.rules if rule.id == rule_id)

    def as_readings(self, items: list[tuple[str, Item]]) -> list[tuple[str, Item]]:
        """Both parts of a reading as one item where the patient gave both ('Last blood pressure: 150/95 mmHg'),
        in place of whichever part came first; a lone part stays as it is."""
        answers, form = self.result.answers, self.bundle.form
        joined: list[tuple[str, Item]] = []
        parts_done: set[str] = set()
        for name, item in items:
            first = form.reading_with(name)
            if first is None or answers.get(first.id) is None or answers.get(first.reading.second) is None:
                joined.append((name, item))
            elif first.id not in parts_done:
                value = (
                    f"{format_number(answers[first.id])}/{format_number(answers[first.reading.second])} {first.unit}"
                )
                joined.append((first.id, Item(first.reading.label, value)))
                parts_done.add(first.id)
        return joined

    def answer_items(self, question_ids: list[str], unanswered: str | None = None, short: bool = True) -> list[Item]:
        """Answers as items; ``unanswered`` is said for a question that applied but was left empty."""
        items = []
        applies = self.applies
        for question_id in question_ids:
            question = self.bundle.form.question(question_id)
            value = self.result.answers.get(question_id)
            label = question.short if short else question.label.strip()
            if value not in (None, "", []):
                items.append((question_id, Item(label, question.brief(value))))
            elif unanswered is not None and applies(question_id):
                reading = getattr(question, "reading", None)  # 'Last blood pressure: Not answered'
                items.append((question_id, Item(reading.label if reading else label, unanswered)))
        return [item for _, item in self.as_readings(items)]


def build_report(bundle: FormBundle, result: Evaluation, made_on: dt.date, paper: Paper | None = None) -> Report:
    build = _Build(bundle, result, made_on)
    shown = [block for block in bundle.content.blocks if block.crisis_summary or not build.urgent]
    build.shown_categories = {"safety"} | {
        category
        for block in shown
        if isinstance(block, (blocks.FindingsBlock, blocks.PointsBlock))
        for category in block.categories
    }
    views = {
        index: _BUILDERS[type(block)](build, block) for index, block in enumerate(shown) if block.type != "sources"
    }
    for index, block in enumerate(shown):  # last: the sources block lists what the others cited
        if isinstance(block, blocks.SourcesBlock):
            views[index] = _sources(build, block)
    kept = [(shown[index], view) for index, view in sorted(views.items()) if view is not None]
    header = bundle.content.of_type(blocks.HeaderBlock)[0]
    return Report(
        title=header.title,
        language=bundle.form.language,
        form_version=bundle.form.version,
        made_on=made_on,
        made_on_label=header.made_on,
        file_name=header.file_name,
        paper=paper or result.region.paper,
        outcome_id=result.outcome.id,
        outcome_title=result.outcome.title,
        blocks=tuple(view for _, view in kept),
        page_one=_page_one(bundle.content.first_page, [block.id for block, _ in kept]),
    )


def _page_one(first_page: blocks.FirstPage | None, shown_ids: list[str]) -> PageOne | None:
    """Where page 1 ends among the blocks shown, and which of them may move to page 2."""
    if first_page is None or first_page.last_block not in shown_ids:
        return None
    count = shown_ids.index(first_page.last_block) + 1
    movable = tuple(shown_ids.index(name) for name in first_page.may_move if name in shown_ids[:count])
    return PageOne(count, movable, first_page.moved)


def _header(build: _Build, block: blocks.HeaderBlock) -> HeaderView:
    made = Item(block.made_on, format_date(build.made_on))
    return HeaderView(block.title, block.subtitle, (made, *build.answer_items(block.questions)))


def _crisis(build: _Build, block: blocks.CrisisBlock) -> CrisisView | None:
    """Whenever a safety finding fired; urgent when it decided the outcome."""
    safety = [finding for finding in build.result.findings if finding.category == "safety"]
    if not safety:
        return None
    region = build.result.region
    lines = []
    for line in build.bundle.regions.crisis_lines(region):
        lines.append(Item(line.name, line.how))
        build.cites(line.cite)
    for finding in safety:
        build.cited |= set(finding.source_ids)
    emergency = block.emergency_text.replace("{number}", region.emergency)
    return CrisisView(
        block.title,
        tuple(f"{finding.text} {finding.reason}" for finding in safety),
        tuple(lines),
        block.emergency,
        emergency,
        build.urgent,
    )


def _outcome(build: _Build, block: blocks.OutcomeBlock) -> OutcomeView:
    outcome = build.result.outcome
    return OutcomeView(block.label, outcome.title, build.result.summary, outcome.tone, build.bundle.rules.closing)


def _answers(build: _Build, block: blocks.AnswersBlock) -> AnswersView | None:
    questions = [name for name in block.questions if not (block.not_twice and name in build.shown_behind_points)]
    items = build.answer_items(questions, block.unanswered, block.short_labels)
    return AnswersView(block.heading, tuple(items), block.columns) if items else None


def _table(build: _Build, block: blocks.TableBlock) -> TableView:
    group = build.bundle.form.question(block.group)
    assert isinstance(group, GroupQuestion)
    entries = build.result.answers.get(block.group) or []
    check = block.check
    checks = build.result.entry_checks.get(check.fact, []) if check else []
    shortfalls = build.result.entry_shortfalls.get(check.fact, []) if check else []
    notes = build.result.entry_notes.get(check.fact, []) if check else []
    rows = []
    for index, entry in enumerate(entries):
        row = []
        for column in block.columns:
            value = entry.get(column.question)
            detail = entry.get(column.detail) if column.detail else None
            cell = detail or _cell(column, group.item_question(column.question), value)
            if column.also:
                cell = (
                    f"{cell or '?'} / {_cell(column, group.item_question(column.also), entry.get(column.also)) or '?'}"
                )
            if column.aside and (aside := _cell(column, group.item_question(column.aside), entry.get(column.aside))):
                cell = f"{cell} ({aside})" if cell else f"({aside})"
            row.append(cell)
        if check and index < len(checks):
            said = (shortfalls[index] if index < len(shortfalls) else []) or (
                notes[index] if index < len(notes) else []
            )
            row.append(_check_cell(check, group, checks[index], said))
        rows.append(tuple(row))
    columns = tuple(column.label for column in block.columns) + ((check.label,) if check else ())
    sources = build.cites(block.cite) if rows else ()
    return TableView(block.heading, columns, tuple(rows), block.note, block.empty, sources, _(block.source_label))


def _cell(column: blocks.TableColumn, question: Any, value: Any) -> str:
    """One answer in a table: brief (options' short labels), and a bare number where the column names the unit."""
    if value is None or question is None:
        return ""
    if column.number_only and isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    return question.brief(value)


def _check_cell(check: blocks.TableCheck, group: GroupQuestion, outcome: Any, said: list[str]) -> str:
    """'Yes', 'Yes: target 20 mg after age 60', 'No: 100 mg a day, under the usual 200 mg', or 'Cannot tell: ...'.

    ``said`` holds the entry's shortfalls when it fell short, or its notes when it met the condition.
    """
    if outcome.value:
        return f"{_(check.yes)}: {'; '.join(said)}" if said else _(check.yes)
    shortfalls = said
    if shortfalls:
        return f"{_(check.no)}: {'; '.join(shortfalls)}"
    if outcome.unanswered:
        names = [
            group.item_question(name).short for name in dict.fromkeys(outcome.unanswered) if group.item_question(name)
        ]
        return f"{_(check.cannot_tell)}: {', '.join(names)} {_(check.missing)}" if names else _(check.cannot_tell)
    return _(check.no)


def _findings(build: _Build, block: blocks.FindingsBlock) -> FindingsView | None:
    chosen = [finding for finding in build.result.findings if finding.category in block.categories]
    if not chosen and block.empty is None:
        return None
    views = []
    for finding in chosen:
        build.cited |= set(finding.source_ids)
        if finding.id in build.point_numbers:  # named in the points table: here only why, under its number
            views.append(FindingView(build.point_numbers[finding.id], "", finding.reason, tuple(finding.sources)))
            continue
        build.numbered += 1
        views.append(FindingView(build.numbered, finding.text, finding.reason, tuple(finding.sources)))
    return FindingsView(block.heading, tuple(views), _(block.source_label), block.empty)


def _points(build: _Build, block: blocks.PointsBlock) -> TableView:
    """Each finding of the block's categories beside the answers behind it (what the patient actually said)."""
    rows = []
    for finding in build.result.findings:
        if finding.category not in block.categories:
            continue
        build.cited |= set(finding.source_ids)
        build.numbered += 1
        build.point_numbers[finding.id] = build.numbered
        behind = build.answers_behind(finding.id, block.no_answer)
        for name, _answer in behind:
            reading = build.bundle.form.reading_with(name)
            build.shown_behind_points |= {name} if reading is None else {reading.id, reading.reading.second}
        point = f"{build.numbered}. {finding.text}"
        rows.append((point, "; ".join(item.value for _name, item in behind) or _unshown(build, finding.id, block)))
    columns = (block.point_label, block.answer_label)
    return TableView(block.heading, columns, tuple(rows), None, block.empty)


def _unshown(build: _Build, rule_id: str, block: blocks.PointsBlock) -> str:
    """The answer column of a point with no answer to show: every answer it names left empty, or else worked
    out from other answers (a dose in the medicines table, a name typed in the list of all medicines, under
    a "None of these"), which the point itself then says."""
    rule = build.rule(rule_id)
    named = {compare.subject[1] for compare in comparisons(rule.when) if compare.subject[0] == "answer"}
    given = [name for name in named | set(rule.shows) if build.result.answers.get(name) not in (None, "", [])]
    return block.no_answer if (named or rule.shows) and not given else block.worked_out


def _crisis_line(build: _Build, block: blocks.CrisisLineBlock) -> TextView:
    """'In a crisis: Call or text 988 ... (988 Suicide & Crisis Lifeline). Emergency: 911.' on every summary."""
    region = build.result.region
    crisis_lines = build.bundle.regions.crisis_lines(region)
    for line in crisis_lines:
        build.cites(line.cite)
    lines = "; ".join(f"{line.how} ({line.name})" for line in crisis_lines)
    text = block.text.replace("{lines}", lines).replace("{emergency}", region.emergency)
    return TextView(block.heading, (text,), (), False, small=True)


def _cost(build: _Build, block: blocks.CostBlock) -> CostView:
    result = build.result
    cost = result.cost
    labels = block.labels
    currency = cost.currency
    symbol = result.region.currency_symbol if currency and currency == result.region.currency else ""

    def span(low: float, high: float, as_money: bool = True) -> str:
        def show(value: float) -> str:
            return format_money(round(value), currency, symbol) if as_money else format_number(round(value))

        return show(low) if low == high else f"{show(low)} – {show(high)}"

    price_note = labels["quoted"] if cost.quoted else labels["typical"]
    rows = [(labels["price"], f"{span(cost.price_low, cost.price_high)} ({price_note})")]
    for item in cost.horizons:
        rows.append(
            (
                item.horizon.label,
                f"{span(item.cost_low, item.cost_high)} ({span(item.visits_low, item.visits_high, False)} "
                f"{labels['count']})",
            )
        )
    if cost.budget is not None:
        budget = result.region.money(cost.budget)
        rows.append((labels["budget"], budget if cost.budget_comparable else f"{budget} ({labels['not_compared']})"))
    schedule = "; ".join(phase.label for phase in build.bundle.parameters.cost.phases)
    bars = tuple(
        CostBar(item.horizon.label, item.cost_low, item.cost_high, item.horizon.id == cost.budget_horizon)
        for item in cost.horizons
    )
    sources = build.cites(block.cite)
    if cost.quoted:
        sources = (block.quote_source, *sources)
    return CostView(
        block.heading,
        tuple(rows),
        bars,
        cost.budget if cost.budget_comparable else None,
        labels["budget"],
        currency,
        symbol,
        f"{block.note} {schedule}.",
        _(block.source_label),
        sources,
    )


def _questions(build: _Build, block: blocks.QuestionsBlock) -> QuestionsView:
    shown = [finding for finding in build.result.findings if finding.category in build.shown_categories]
    asked = tuple(dict.fromkeys(finding.ask for finding in shown))
    own = build.result.answers.get(block.own_question) if block.own_question else None
    return QuestionsView(block.heading, _(block.asked_heading), asked, _(block.own_heading), own or None)


def _checklist(build: _Build, block: blocks.ChecklistBlock) -> ChecklistView:
    groups = tuple(
        ChecklistGroupView(group.title, tuple(group.items), build.cites(group.cite)) for group in block.groups
    )
    return ChecklistView(block.heading, groups)


def _research(build: _Build, block: blocks.ResearchBlock) -> ResearchView:
    points = tuple(
        ResearchPoint(item.claim, build.cites(item.claim_cite), item.finding, build.cites(item.cite))
        for item in block.items
    )
    return ResearchView(block.heading, block.intro, _(block.claim_label), _(block.finding_label), points)


def _text(build: _Build, block: blocks.TextBlock) -> TextView:
    """Fixed paragraphs; '{form_version}' is the form's version, so 'about this aid' cannot go stale."""
    return TextView(block.heading, build.versioned(block.paragraphs), build.cites(block.cite), block.page_break)


def _options(build: _Build, block: blocks.OptionsBlock) -> OptionsView:
    options = block.options
    names = tuple(
        f"{option.name} ({block.tried})" if option.tried_when and build.holds(option.tried_when) else option.name
        for option in options
    )
    rows = [
        (block.rows[name], tuple(_option_cell(block, option, name) for option in options))
        for name in blocks.OPTION_FIELDS
    ]
    for value in block.values:
        rated = build.answer_items([value.question])
        answer = rated[0].value if rated else block.not_rated
        label = block.rated.replace("{label}", value.label).replace("{answer}", answer)
        rows.append((label, tuple(option.fares[value.key] for option in options)))
    sources = tuple(f"{option.name}: {'; '.join(build.cites(option.cite))}" for option in options)
    pictures = tuple(
        OptionPictures(
            option.name, _picture(block.pictures, option, "benefit"), _picture(block.pictures, option, "harm")
        )
        for option in options
    )
    checked = "; ".join(f"{option.name}, {format_date(option.checked)}" for option in options)
    method = build.cites(block.about.cite)
    about = (
        *build.versioned(block.about.paragraphs),
        f"{_(block.about.checked)} {checked}.",
        *([f"{_(block.source_label)} {'; '.join(method)}"] if method else []),
    )
    return OptionsView(
        block.heading,
        block.intro,
        names,
        tuple(rows),
        sources,
        _(block.source_label),
        block.per_table,
        block.pictures.heading,
        block.pictures.intro,
        pictures,
        block.about.heading,
        about,
    )


def _option_cell(block: blocks.OptionsBlock, option: blocks.Option, name: str) -> str:
    """One cell of the options table; how sure the research is leads with its grade ('Low. 19 studies…')."""
    text = getattr(option, name)
    return f"{block.grades[option.grade]}. {text}" if name == "certainty" else text


def _picture(words: blocks.PicturesText, option: blocks.Option, shows: str) -> PictureView:
    """The option's picture of this benefit or harm, or the plain statement that the studies give no number."""
    label = words.benefit if shows == "benefit" else words.harm
    picture = next((picture for picture in option.pictures if picture.shows == shows), None)
    if picture is None:
        return PictureView(label, None, None, words.none)
    count = words.range if picture.up_to else words.count
    amount = count.replace("{people}", str(picture.people)).replace("{up_to}", str(picture.up_to))
    text = " ".join(filter(None, [f"{amount} {picture.what}.", picture.compared]))
    return PictureView(label, picture.people, picture.up_to, text)


def _about(build: _Build, block: blocks.AboutBlock) -> AboutView:
    return AboutView(block.heading, block.text)


def _sources(build: _Build, block: blocks.SourcesBlock) -> SourcesView:
    listed = [(key, source) for key, source in build.bundle.sources.sources.items() if key in build.cited]
    entries = tuple(SourceEntry(source.short, source.reference(), source.checked) for _, source in listed)
    return SourcesView(block.heading, _(block.checked), entries)


_BUILDERS: dict[type, Callable[[_Build, Any], BlockView | None]] = {
    blocks.HeaderBlock: _header,
    blocks.CrisisBlock: _crisis,
    blocks.CrisisLineBlock: _crisis_line,
    blocks.PointsBlock: _points,
    blocks.OutcomeBlock: _outcome,
    blocks.AnswersBlock: _answers,
    blocks.TableBlock: _table,
    blocks.FindingsBlock: _findings,
    blocks.CostBlock: _cost,
    blocks.QuestionsBlock: _questions,
    blocks.ChecklistBlock: _checklist,
    blocks.ResearchBlock: _research,
    blocks.TextBlock: _text,
    blocks.OptionsBlock: _options,
    blocks.AboutBlock: _about,
}


def crisis_view(bundle: FormBundle, result: Evaluation) -> CrisisView | None:
    """The crisis box alone (for the wizard's "Get help now"), built from the form's crisis block."""
    block = bundle.content.of_type(blocks.CrisisBlock)[0]
    return _crisis(_Build(bundle, result, dt.date.today()), block)
