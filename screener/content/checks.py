"""Cross-reference checks of a loaded form: every id named exists, comes earlier, and has the right kind.

Structure was checked by pydantic, against the model classes; these checks see the whole form at once. Each
records its problems (file, item, reason) and goes on, so that one run names every problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import get_args

from screener.content.conditions import Condition, comparisons, references
from screener.content.cost_model import fact_names
from screener.content.form import (
    Form,
    GroupQuestion,
    NumberQuestion,
    QuestionBase,
    SingleChoice,
    TextQuestion,
    YesNo,
)
from screener.content.hazards import CONTROL_CATEGORIES, HazardLog
from screener.content.lexicon import Lexicon
from screener.content.migrations import Migrations, VersionSnapshot
from screener.content.problems import Problems, duplicates
from screener.content.reads import block_questions, unread_questions
from screener.content.regions import RegionList
from screener.content.report_content import (
    FIRST_BLOCKS,
    OPTION_FIELDS,
    REQUIRED_BLOCKS,
    FindingsBlock,
    Grade,
    Option,
    OptionsBlock,
    PointsBlock,
    ReportContent,
    TableBlock,
)
from screener.content.rules import CATEGORIES, FactDef, NameSearch, Parameters, RuleSet, placeholders
from screener.content.sources import Citation, SourceList


def check_form(path: Path, form: Form, broken: set[str], regions: RegionList | None, problems: Problems) -> None:
    for section_id in duplicates(section.id for section in form.sections):
        problems.add(path, f"section '{section_id}'", "this section id is used more than once")
    if form.sections[0].questions or form.sections[0].enable_when is not None:
        problems.add(
            path,
            f"section '{form.sections[0].id}'",
            "the first section is the introduction page: it has no questions and is always shown",
        )
    for question_id in duplicates(question.id for _, question in form.questions()):
        problems.add(path, f"question '{question_id}'", "this question id is used more than once")
    earlier: dict[str, QuestionBase | None] = dict.fromkeys(broken)  # broken: reported already
    for section in form.sections:
        if section.enable_when is not None:
            where = f"section '{section.id}' > enable_when"
            _check_condition(path, where, section.enable_when, problems, answers=earlier)
            _check_no_group_named(path, where, section.enable_when, earlier, problems)
        for question in section.questions:
            if question.enable_when is not None:
                where = f"question '{question.id}' > enable_when"
                _check_condition(path, where, question.enable_when, problems, answers=earlier)
                _check_no_group_named(path, where, question.enable_when, earlier, problems)
            if isinstance(question, GroupQuestion):
                _check_group(path, question, earlier, problems)
            earlier[question.id] = question
    for _, question in form.questions():
        if isinstance(question, NumberQuestion) and question.maximum_by is not None:
            by = form.question(question.maximum_by.question)
            where = f"question '{question.id}' > maximum_by"
            if not isinstance(by, SingleChoice):
                problems.add(path, where, f"'{question.maximum_by.question}' is not a single-choice question")
            else:
                for value in sorted(set(question.maximum_by.values) - set(by.option_values)):
                    problems.add(path, where, f"'{value}' is not an option of '{by.id}'")
        if isinstance(question, NumberQuestion) and question.reading is not None:
            second = form.question(question.reading.second)
            if not isinstance(second, NumberQuestion) or second.unit != question.unit:
                problems.add(
                    path,
                    f"question '{question.id}' > reading",
                    f"'{question.reading.second}' is not a number question in {question.unit} in this form",
                )
    region_question = form.question(form.region_question)
    if not isinstance(region_question, SingleChoice):
        problems.add(path, "region_question", f"'{form.region_question}' is not a single-choice question in this form")
    elif regions is not None:
        for value in region_question.option_values:
            if value not in regions.regions:
                problems.add(path, f"question '{region_question.id}'", f"option '{value}' has no entry in regions.yaml")


def _check_no_group_named(
    path: Path, where: str, condition: Condition, answers: dict[str, QuestionBase | None], problems: Problems
) -> None:
    """What a page or question is shown on must be an answer: a group of entries has none (in FHIR too, whose
    enableWhen may only name a question; the export once pointed conditions at a group)."""
    for kind, name in references(condition):
        if kind == "answer" and isinstance(answers.get(name), GroupQuestion):
            problems.add(path, where, f"'{name}' is a group of entries, which has no answer to show this on")


def _check_group(path: Path, group: GroupQuestion, answers: dict[str, QuestionBase | None], problems: Problems) -> None:
    for item_id in duplicates(question.id for question in group.questions):
        problems.add(path, f"question '{group.id}' > '{item_id}'", "this id is used more than once in the group")
    earlier_items: dict[str, QuestionBase] = {}
    for item in group.questions:
        if item.enable_when is not None:
            _check_condition(
                path,
                f"question '{group.id}' > '{item.id}' > enable_when",
                item.enable_when,
                problems,
                answers=answers,
                items=earlier_items,
            )
        earlier_items[item.id] = item


def _check_condition(
    path: Path,
    where: str,
    condition: Condition,
    problems: Problems,
    *,
    answers: dict[str, QuestionBase | None],
    items: dict[str, QuestionBase] | None = None,
    facts: set[str] | None = None,
    params: set[str] | None = None,
) -> None:
    """Every id a condition names must exist (and come earlier); compared values must be real options."""
    allowed = {"answer": answers, "item": items, "fact": facts, "param": params}
    for kind, name in references(condition):
        known = allowed["item" if kind == "by" else kind]
        if known is None:
            problems.add(path, where, f"a {kind} cannot be used here ('{name}')")
        elif name not in known:
            problems.add(path, where, f"unknown {kind} id '{name}' (it does not exist, or does not come earlier)")
    for compare in comparisons(condition):
        kind, name = compare.subject
        table = answers if kind == "answer" else items if kind == "item" else None
        question = table.get(name) if table else None
        if question is not None:
            operator, value = compare.operator
            reason = question.operator_problem(operator, value if isinstance(value, list) else [value])
            if reason:
                problems.add(path, where, f"'{name}': {reason}")


def check_rules(
    path: Path,
    rules: RuleSet,
    form: Form,
    broken: set[str],
    parameters: Parameters,
    lexicon: Lexicon,
    problems: Problems,
) -> None:
    answers: dict[str, QuestionBase | None] = dict.fromkeys(broken)  # broken: reported already
    answers.update((question.id, question) for _, question in form.questions())
    params = set(parameters.thresholds)
    outcome_ids = [outcome.id for outcome in rules.outcomes]
    for outcome_id in duplicates(outcome_ids):
        problems.add(path, f"outcome '{outcome_id}'", "this outcome id is used more than once")
    if rules.default_outcome not in outcome_ids:
        problems.add(path, "default_outcome", f"'{rules.default_outcome}' is not one of the outcomes")
    facts: set[str] = set(fact_names(parameters.cost)) | {"currency"}
    for fact in rules.facts:
        if fact.id in facts:
            problems.add(path, f"fact '{fact.id}'", "this fact id is used more than once")
        where = f"fact '{fact.id}'"
        if fact.count is not None:
            group = answers.get(fact.count)
            if not isinstance(group, GroupQuestion):
                problems.add(path, where, f"'{fact.count}' is not a repeatable group question")
            else:
                _check_count(path, where, fact, group, problems, answers=answers, facts=facts, params=params)
        if fact.when is not None:
            _check_condition(path, f"{where} > when", fact.when, problems, answers=answers, facts=facts, params=params)
        for name in fact.unanswered:
            if name not in answers:
                problems.add(path, f"{where} > unanswered", f"'{name}' is not a question of the form")
        if fact.finds is not None:
            _check_name_search(path, f"{where} > finds", fact.finds, answers, lexicon, problems)
        facts |= fact.made
    for rule_id in duplicates(rule.id for rule in rules.rules):
        problems.add(path, f"rule '{rule_id}'", "this rule id is used more than once")
    for rule in rules.rules:
        where = f"rule '{rule.id}'"
        _check_condition(path, f"{where} > when", rule.when, problems, answers=answers, facts=facts, params=params)
        if rule.raises is not None and rule.raises not in outcome_ids:
            problems.add(path, f"{where} > raises", f"'{rule.raises}' is not one of the outcomes")
        for name in sorted(rule.placeholders() - facts - set(answers)):
            problems.add(path, f"{where} > text or reason", f"{{{name}}} is neither a fact nor a question id")
        for name in rule.shows:
            if name not in answers:
                problems.add(path, f"{where} > shows", f"'{name}' is not a question of the form")
    for outcome in rules.outcomes:
        for number, variant in enumerate(outcome.variants, start=1):
            at = f"outcome '{outcome.id}' > variant {number}"
            _check_condition(path, f"{at} > when", variant.when, problems, answers=answers, facts=facts, params=params)
            for name in sorted(placeholders(variant.summary) - facts - set(answers)):
                problems.add(path, f"{at} > summary", f"{{{name}}} is neither a fact nor a question id")


def _check_name_search(
    path: Path,
    where: str,
    search: NameSearch,
    answers: dict[str, QuestionBase | None],
    lexicon: Lexicon,
    problems: Problems,
) -> None:
    """A search for typed names reads text questions, for kinds of names that the lexicon lists."""
    for kind in search.kinds:
        if kind not in lexicon.kinds:
            problems.add(path, where, f"'{kind}' is not a kind of medicine in medicine_names.yaml")
    for name in search.questions:
        question = answers.get(name)
        if name not in answers:
            problems.add(path, where, f"'{name}' is not a question of the form")
        elif question is not None and not isinstance(question, TextQuestion):
            problems.add(path, where, f"'{name}' is not a text question, so it holds no typed names")


def _check_count(
    path: Path,
    where: str,
    fact: FactDef,
    group: GroupQuestion,
    problems: Problems,
    *,
    answers: dict[str, QuestionBase | None],
    facts: set[str],
    params: set[str],
) -> None:
    """A count's condition, its distinct keys and its shortfalls may only name what exists."""
    items = {item.id: item for item in group.questions}
    scope = dict(answers=answers, items=items, facts=facts, params=params)
    if fact.where is not None:
        _check_condition(path, f"{where} > where", fact.where, problems, **scope)
    for name in fact.distinct:
        if name not in items:
            problems.add(path, f"{where} > distinct", f"'{name}' is not a question of '{group.id}'")
    said = [(f"why_not {number}", item) for number, item in enumerate(fact.why_not, start=1)]
    said += [(f"notes {number}", item) for number, item in enumerate(fact.notes, start=1)]
    for name, shortfall in said:
        at = f"{where} > {name}"
        _check_condition(path, at, shortfall.when, problems, **scope)
        for ref in shortfall.values.values():
            for kind in ("param", "answer", "fact"):
                name = getattr(ref, kind)
                known = {"param": params, "answer": answers, "fact": facts}[kind]
                if name is not None and name not in known:
                    problems.add(path, at, f"unknown {kind} id '{name}'")
        for name in sorted(shortfall.placeholders() - set(items) - set(shortfall.values)):
            problems.add(path, f"{at} > text", f"{{{name}}} is neither a question of '{group.id}' nor a value")


def check_cost(path: Path, parameters: Parameters, form: Form, problems: Problems) -> None:
    cost = parameters.cost
    expected = {"price_question": NumberQuestion, "budget_question": NumberQuestion, "quoted_question": YesNo}
    for field, kind in expected.items():
        question_id = getattr(cost, field)
        if not isinstance(form.question(question_id), kind):
            problems.add(path, f"cost > {field}", f"'{question_id}' is not a {kind.__name__} in the form")
    if cost.budget_horizon not in {horizon.id for horizon in cost.horizons}:
        problems.add(path, "cost > budget_horizon", f"'{cost.budget_horizon}' is not one of the horizons")


def check_content(path: Path, content: ReportContent, form: Form, rules: RuleSet, problems: Problems) -> None:
    """The summary's blocks: the required ones present, crisis help first, and only real ids named."""
    blocks = content.blocks
    for block_id in duplicates(block.id for block in blocks):
        problems.add(path, f"block '{block_id}'", "this block id is used more than once")
    kinds = [block.type for block in blocks]
    for kind, why in REQUIRED_BLOCKS.items():
        if kind not in kinds:
            problems.add(path, "blocks", f"no '{kind}' block: {why}")
    if "crisis" in kinds and any(kind not in FIRST_BLOCKS for kind in kinds[: kinds.index("crisis")]):
        problems.add(path, "blocks", "the 'crisis' block must come before every block but the header")
    shown = {"safety"}  # safety findings are said in the crisis box
    count_facts = {fact.id: fact.count for fact in rules.facts if fact.count}
    for block in blocks:
        where = f"block '{block.id}' ({block.type})"
        for question_id in block_questions(block):
            question = form.question(question_id)
            if question is None:
                problems.add(path, where, f"'{question_id}' is not a question of the form")
            elif isinstance(question, GroupQuestion):
                problems.add(path, where, f"'{question_id}' is a repeatable group: show it with a 'table' block")
        if isinstance(block, TableBlock):
            _check_table(path, where, block, form, count_facts, problems)
        elif isinstance(block, OptionsBlock):
            _check_options(path, where, block, form, rules, problems)
        elif isinstance(block, (FindingsBlock, PointsBlock)):
            shown |= set(block.categories)
            for category in sorted(set(block.categories) - set(CATEGORIES)):
                problems.add(path, where, f"'{category}' is not a finding category ({', '.join(CATEGORIES)})")
    for rule in rules.rules:
        if rule.category not in shown:
            problems.add(path, "blocks", f"rule '{rule.id}' ({rule.category}) would be shown by no findings block")
    if content.first_page is not None:
        _check_first_page(path, content, problems)


def _check_first_page(path: Path, content: ReportContent, problems: Problems) -> None:
    """Page 1 ends at a block that exists; what may move to page 2 is on page 1 to begin with."""
    first_page = content.first_page
    assert first_page is not None
    ids = [block.id for block in content.blocks]
    if first_page.last_block not in ids:
        problems.add(path, "first_page > last_block", f"'{first_page.last_block}' is not a block")
        return
    on_page_one = ids[: ids.index(first_page.last_block)]  # the last block itself stays: it ends the page
    for name in first_page.may_move:
        if name not in on_page_one:
            problems.add(path, "first_page > may_move", f"'{name}' is not a block before '{first_page.last_block}'")


def check_reads(
    path: Path, form: Form, rules: RuleSet, parameters: Parameters, content: ReportContent, problems: Problems
) -> None:
    """A question nothing reads is asked for nothing: every one must feed a rule, a fact or the summary."""
    for name in unread_questions(form, rules, parameters.cost, content):
        problems.add(
            path,
            f"question '{name}'",
            "nothing reads this answer (no rule, fact, condition or summary block): show it or stop asking it",
        )


def _check_options(path: Path, where: str, block: OptionsBlock, form: Form, rules: RuleSet, problems: Problems) -> None:
    """Every option has the same rows and fares on every rated point; its 'tried' condition names real ids."""
    for field in sorted(set(OPTION_FIELDS) - set(block.rows)):
        problems.add(path, f"{where} > rows", f"no label for '{field}'")
    keys = {value.key for value in block.values}
    answers = {question.id: question for _, question in form.questions()}
    facts = {fact.id for fact in rules.facts}
    for option in block.options:
        at = f"{where} > option '{option.id}'"
        for key in sorted(keys - set(option.fares)):
            problems.add(path, at, f"says nothing about '{key}', which the patient rates")
        for key in sorted(set(option.fares) - keys):
            problems.add(path, at, f"'fares' names '{key}', which is not one of the rated points")
        if option.tried_when is not None:
            _check_condition(path, f"{at} > tried_when", option.tried_when, problems, answers=answers, facts=facts)
        _check_pictures(path, at, option, problems)
    for grade in sorted(set(get_args(Grade)) - set(block.grades)):
        problems.add(path, f"{where} > grades", f"no word for the grade '{grade}'")


def _check_pictures(path: Path, at: str, option: Option, problems: Problems) -> None:
    """A picture shows the numbers its row states: every option has one, at most one benefit and one harm, and
    each count (and the top of a range) appears in the option's own words for that benefit or harm."""
    if not option.pictures:
        problems.add(path, at, "has no picture of 100 people: give its main benefit or harm a number, or say why not")
    words = {"benefit": option.benefit, "harm": f"{option.harms_common} {option.harms_serious}"}
    for shows in ("benefit", "harm"):
        drawn = [picture for picture in option.pictures if picture.shows == shows]
        if len(drawn) > 1:
            problems.add(path, at, f"has {len(drawn)} pictures of its {shows}; one is shown")
        for picture in drawn:
            if picture.up_to is not None and picture.up_to <= picture.people:
                problems.add(path, f"{at} > {shows} picture", f"'up_to' {picture.up_to} is not above {picture.people}")
            for number in filter(None, (picture.people, picture.up_to)):
                if not re.search(rf"(?<![\d,.]){number}(?![\d,])", words[shows]):
                    problems.add(
                        path, f"{at} > {shows} picture", f"shows {number} in 100, which its {shows} text does not say"
                    )


def _check_table(
    path: Path, where: str, table: TableBlock, form: Form, count_facts: dict[str, str | None], problems: Problems
) -> None:
    group = form.question(table.group)
    if not isinstance(group, GroupQuestion):
        problems.add(path, where, f"'{table.group}' is not a repeatable group question")
        return
    for column in table.columns:
        for item_id in filter(None, (column.question, column.detail)):
            if group.item_question(item_id) is None:
                problems.add(path, where, f"'{item_id}' is not a question of '{table.group}'")
    if table.check and count_facts.get(table.check.fact) != table.group:
        problems.add(path, f"{where} > check", f"'{table.check.fact}' is not a count over '{table.group}'")


def check_sources(path: Path, sources: SourceList, problems: Problems) -> None:
    for source_id, source in sources.sources.items():
        if source.kind == "article" and not source.sections:
            problems.add(path, f"source '{source_id}'", "an article lists its section headings")


def all_citations(
    folder: Path,
    rules: RuleSet | None,
    parameters: Parameters | None,
    regions: RegionList | None,
    content: ReportContent | None,
) -> Iterable[tuple[Path, list[tuple[str, Citation]]]]:
    if rules is not None:
        yield folder / "rules.yaml", [(f"rule '{rule.id}'", cite) for rule in rules.rules for cite in rule.cite]
    if parameters is not None:
        yield (
            folder / "parameters.yaml",
            (
                [(f"threshold '{name}'", cite) for name, item in parameters.thresholds.items() for cite in item.cite]
                + [("cost", cite) for cite in parameters.cost.cite]
            ),
        )
    if regions is not None:
        yield (
            folder.parent / "regions.yaml",
            [
                (f"region '{code}' > '{line.name}'", cite)
                for code, region in regions.regions.items()
                for line in region.crisis_lines
                for cite in line.cite
            ]
            + [("directory", cite) for cite in regions.directory.cite],
        )
    if content is not None:
        yield folder / "report.yaml", content.citations()


def check_citation(path: Path, where: str, citation: Citation, sources: SourceList, problems: Problems) -> None:
    source = sources.sources.get(citation.source)
    if source is None:
        problems.add(path, where, f"cites unknown source '{citation.source}'")
    elif citation.section is not None and citation.section not in source.sections:
        problems.add(path, where, f"source '{citation.source}' has no section “{citation.section}”")
    elif source.kind == "article" and citation.section is None:
        problems.add(path, where, f"a citation of the article '{citation.source}' names its section")


def check_regions(path: Path, regions: RegionList, problems: Problems) -> None:
    if regions.fallback not in regions.regions:
        problems.add(path, "fallback", f"'{regions.fallback}' is not one of the regions")


def check_migrations(
    path: Path, migrations: Migrations, form: Form, snapshots: list[VersionSnapshot], problems: Problems
) -> None:
    """Each step joins two versions, names only ids and options that existed before it, and renames them to
    ids and options that exist after it; the steps lead from every earlier version to this one."""
    versions = {snapshot.version: snapshot.questions for snapshot in snapshots}
    versions[form.version] = _current_ids(form)
    for number, step in enumerate(migrations.steps, start=1):
        where = f"step {number} ({step.from_version} to {step.to_version})"
        before, after = versions.get(step.from_version), versions.get(step.to_version)
        for version, known in ((step.from_version, before), (step.to_version, after)):
            if known is None:
                problems.add(path, where, f"no versions/{version}.yaml with that version's questions")
        if before is None or after is None:
            continue
        for old, new in step.renamed_questions.items():
            if old not in before:
                problems.add(path, f"{where} > renamed_questions", f"'{old}' was not a question in {step.from_version}")
            if new not in after:
                problems.add(path, f"{where} > renamed_questions", f"'{new}' is not a question in {step.to_version}")
        for new, old in step.filled_from.items():
            if old not in before:
                problems.add(path, f"{where} > filled_from", f"'{old}' was not a question in {step.from_version}")
            if new not in after:
                problems.add(path, f"{where} > filled_from", f"'{new}' is not a question in {step.to_version}")
        for name in step.removed_questions:
            if name not in before:
                problems.add(
                    path, f"{where} > removed_questions", f"'{name}' was not a question in {step.from_version}"
                )
        for field_name, table in (("renamed_options", step.renamed_options), ("removed_options", step.removed_options)):
            for name, options in table.items():
                if name not in before:
                    problems.add(path, f"{where} > {field_name}", f"'{name}' was not a question in {step.from_version}")
                    continue
                for option in options:
                    if option not in before[name]:
                        problems.add(path, f"{where} > {field_name} > {name}", f"'{option}' was not an option")
                if field_name == "renamed_options":
                    new_name = step.renamed_questions.get(name, name)
                    for value in options.values():
                        if isinstance(value, str) and value not in after.get(new_name, []):
                            problems.add(
                                path,
                                f"{where} > {field_name} > {name}",
                                f"'{value}' is not an option in {step.to_version}",
                            )
    stuck = [version for version in versions if migrations.path(version, form.version) is None]
    if migrations.steps and stuck:
        problems.add(path, "steps", f"no way from version {', '.join(stuck)} to {form.version}")


def _current_ids(form: Form) -> dict[str, list[str]]:
    ids: dict[str, list[str]] = {}
    for _, question in form.questions():
        ids[question.id] = list(getattr(question, "option_values", []))
        if isinstance(question, GroupQuestion):
            for item in question.questions:
                ids[f"{question.id}.{item.id}"] = list(getattr(item, "option_values", []))
    return ids


def check_hazard_log(
    path: Path,
    log: HazardLog,
    form: Form,
    rules: RuleSet,
    parameters: Parameters,
    content: ReportContent,
    sources: SourceList,
    problems: Problems,
) -> None:
    """Every hazard has a control of category safety or precaution, shown on page 1 where it must be, a
    signal that names only real answers and facts, and sources that exist."""
    answers: dict[str, QuestionBase | None] = {question.id: question for _, question in form.questions()}
    facts = set(fact_names(parameters.cost)) | {"currency"}
    for fact in rules.facts:
        facts |= fact.made
    outcome_ids = {outcome.id for outcome in rules.outcomes}
    for outcome_id in log.reassuring:
        if outcome_id not in outcome_ids:
            problems.add(path, "reassuring", f"'{outcome_id}' is not one of the outcomes")
    rule_by_id = {rule.id: rule for rule in rules.rules}
    first_page = page_one_categories(content)
    for hazard_id in duplicates(hazard.id for hazard in log.hazards):
        problems.add(path, f"hazard '{hazard_id}'", "this hazard id is used more than once")
    for hazard in log.hazards:
        where = f"hazard '{hazard.id}'"
        _check_condition(path, f"{where} > signal", hazard.signal, problems, answers=answers, facts=facts)
        if not hazard.controls and not hazard.never:
            problems.add(path, where, "has no control: name the rule that must fire whenever its signal holds")
        for rule_id in hazard.never:
            if rule_id not in rule_by_id:
                problems.add(path, f"{where} > never", f"'{rule_id}' is not a rule of rules.yaml")
        for rule_id in hazard.controls:
            rule = rule_by_id.get(rule_id)
            if rule is None:
                problems.add(path, f"{where} > controls", f"'{rule_id}' is not a rule of rules.yaml")
            elif rule.category not in CONTROL_CATEGORIES:
                problems.add(
                    path,
                    f"{where} > controls",
                    f"rule '{rule_id}' is of category {rule.category}: a control must be "
                    f"{' or '.join(CONTROL_CATEGORIES)}, so that it is never missed",
                )
            elif hazard.page_one and rule.category not in first_page:
                problems.add(path, f"{where} > controls", f"rule '{rule_id}' ({rule.category}) is not shown on page 1")
        for citation in hazard.cite:
            check_citation(path, f"{where} > cite", citation, sources, problems)
        for variant_id in duplicates(variant.id for variant in hazard.variants):
            problems.add(path, f"{where} > variant '{variant_id}'", "this variant id is used more than once")


def page_one_categories(content: ReportContent) -> set[str]:
    """The finding categories page 1 shows: safety in the crisis box, and those of the blocks before its end."""
    shown = {"safety"}
    ids = [block.id for block in content.blocks]
    last = content.first_page.last_block if content.first_page else None
    end = ids.index(last) if last in ids else len(ids)
    for block in content.blocks[:end]:
        if isinstance(block, (FindingsBlock, PointsBlock)):
            shown |= set(block.categories)
    return shown
