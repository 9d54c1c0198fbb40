"""Load a form folder and check everything in it, reporting every problem at once.

A form folder holds ``form.yaml``, ``rules.yaml``, ``parameters.yaml`` and ``report.yaml``; its parent holds the
``sources.yaml`` and ``regions.yaml`` that all forms share. Each problem names the file, the question,
rule or fact id, and the reason. Structure is checked by the pydantic models, item by item so that one
broken question does not hide the others; cross-references are checked afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from screener.conditions import Compare, Condition, comparisons, references
from screener.cost import fact_names
from screener.form import (ChoiceQuestion, Form, GroupQuestion, MultiChoice, NumberQuestion, Question,
                           QuestionBase, SingleChoice, YesNo)
from screener.problems import Problems, add_validation_errors, duplicates
from screener.regions import RegionList
from screener.report_content import ReportContent
from screener.ruleset import Parameters, Rule, RuleSet
from screener.sources import Citation, SourceList
from screener.yaml_text import YAMLError, parse_yaml

Model = TypeVar("Model", bound=BaseModel)
_QUESTION = TypeAdapter(Question)


@dataclass(frozen=True)
class FormBundle:
    """A loaded, checked form with everything it needs to be evaluated and reported."""

    folder: Path
    form: Form
    rules: RuleSet
    parameters: Parameters
    sources: SourceList
    regions: RegionList
    content: ReportContent

    @property
    def threshold_values(self) -> dict[str, Any]:
        return {name: parameter.value for name, parameter in self.parameters.thresholds.items()}


def load(folder: Path) -> FormBundle:
    """Load and check a form folder; raises ProblemsError naming every problem."""
    folder = Path(folder)
    problems = Problems()
    form, broken = _load_form(folder / "form.yaml", problems)
    rules = _load_rules(folder / "rules.yaml", problems)
    parameters = _load_model(folder / "parameters.yaml", Parameters, problems)
    sources = _load_model(folder.parent / "sources.yaml", SourceList, problems)
    regions = _load_model(folder.parent / "regions.yaml", RegionList, problems)
    content = _load_model(folder / "report.yaml", ReportContent, problems)
    if form is not None:
        _check_form(folder / "form.yaml", form, broken, regions, problems)
    if form is not None and rules is not None and parameters is not None:
        _check_rules(folder / "rules.yaml", rules, form, broken, parameters, problems)
    if form is not None and parameters is not None:
        _check_cost(folder / "parameters.yaml", parameters, form, problems)
    if form is not None and rules is not None and content is not None:
        _check_content(folder / "report.yaml", content, form, rules, problems)
    if sources is not None:
        _check_sources(folder.parent / "sources.yaml", sources, problems)
        for file, citations in _all_citations(folder, rules, parameters, regions, content):
            for where, citation in citations:
                _check_citation(file, where, citation, sources, problems)
    if regions is not None and regions.fallback not in regions.regions:
        problems.add(folder.parent / "regions.yaml", "fallback", f"'{regions.fallback}' is not one of the regions")
    problems.raise_if_any(f"The form in {folder} has problems")
    assert form and rules and parameters and sources and regions and content
    return FormBundle(folder, form, rules, parameters, sources, regions, content)


# --- reading -----------------------------------------------------------------------------------------

def _read_yaml(path: Path, problems: Problems) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        problems.add(path, "", f"cannot read this file ({error.strerror or error})")
        return None
    try:
        data = parse_yaml(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        problems.add(path, where, f"this is not valid YAML ({getattr(error, 'problem', None) or error})")
        return None
    if not isinstance(data, dict):
        problems.add(path, "", "expected a mapping of keys at the top of the file")
        return None
    return data


def _load_model(path: Path, model: type[Model], problems: Problems) -> Model | None:
    raw = _read_yaml(path, problems)
    if raw is None:
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        add_validation_errors(problems, path, raw, error)
        return None


def _valid_items(path: Path, raw_items: Any, adapter: TypeAdapter, problems: Problems, prefix: str,
                 broken: set[str]) -> Any:
    """Validate the entries of a list one by one, keeping the good ones and reporting the rest.

    The ids of the entries that fail go into ``broken``, so that later checks do not also call them unknown.
    """
    if not isinstance(raw_items, list):
        return raw_items
    good = []
    for index, raw in enumerate(raw_items):
        try:
            good.append(adapter.validate_python(raw))
        except ValidationError as error:
            has_id = isinstance(raw, dict) and isinstance(raw.get("id"), str)
            if has_id:
                broken.add(raw["id"])
            name = f"'{raw['id']}'" if has_id else f"item {index + 1}"
            add_validation_errors(problems, path, raw, error, prefix=f"{prefix} {name}")
    return good


def _load_form(path: Path, problems: Problems) -> tuple[Form | None, set[str]]:
    """The form with its valid questions, and the ids of the questions that failed."""
    broken: set[str] = set()
    raw = _read_yaml(path, problems)
    if raw is None:
        return None, broken
    sections = []
    for raw_section in raw.get("sections") or []:
        if isinstance(raw_section, dict):
            raw_section = dict(raw_section)
            raw_section["questions"] = _valid_items(path, raw_section.get("questions", []), _QUESTION,
                                                    problems, "question", broken)
        sections.append(raw_section)
    try:
        return Form.model_validate({**raw, "sections": sections}), broken
    except ValidationError as error:
        add_validation_errors(problems, path, raw, error)
        return None, broken


def _load_rules(path: Path, problems: Problems) -> RuleSet | None:
    """The rule set with its valid rules (the broken ones are reported)."""
    raw = _read_yaml(path, problems)
    if raw is None:
        return None
    rules = _valid_items(path, raw.get("rules"), TypeAdapter(Rule), problems, "rule", set())
    try:
        return RuleSet.model_validate({**raw, "rules": rules})
    except ValidationError as error:
        add_validation_errors(problems, path, raw, error)
        return None


# --- cross-references ----------------------------------------------------------------------------------

def _check_form(path: Path, form: Form, broken: set[str], regions: RegionList | None, problems: Problems) -> None:
    for section_id in duplicates(section.id for section in form.sections):
        problems.add(path, f"section '{section_id}'", "this section id is used more than once")
    if form.sections[0].questions or form.sections[0].enable_when is not None:
        problems.add(path, f"section '{form.sections[0].id}'",
                     "the first section is the introduction page: it has no questions and is always shown")
    for question_id in duplicates(question.id for _, question in form.questions()):
        problems.add(path, f"question '{question_id}'", "this question id is used more than once")
    earlier: dict[str, QuestionBase | None] = dict.fromkeys(broken)  # broken: reported already
    for section in form.sections:
        if section.enable_when is not None:
            _check_condition(path, f"section '{section.id}' > enable_when", section.enable_when, problems,
                             answers=earlier)
        for question in section.questions:
            if question.enable_when is not None:
                _check_condition(path, f"question '{question.id}' > enable_when", question.enable_when,
                                 problems, answers=earlier)
            if isinstance(question, GroupQuestion):
                _check_group(path, question, earlier, problems)
            earlier[question.id] = question
    region_question = form.question(form.region_question)
    if not isinstance(region_question, SingleChoice):
        problems.add(path, "region_question", f"'{form.region_question}' is not a single-choice question in this form")
    elif regions is not None:
        for value in region_question.option_values:
            if value not in regions.regions:
                problems.add(path, f"question '{region_question.id}'",
                             f"option '{value}' has no entry in regions.yaml")


def _check_group(path: Path, group: GroupQuestion, answers: dict[str, QuestionBase | None],
                 problems: Problems) -> None:
    for item_id in duplicates(question.id for question in group.questions):
        problems.add(path, f"question '{group.id}' > '{item_id}'", "this id is used more than once in the group")
    earlier_items: dict[str, QuestionBase] = {}
    for item in group.questions:
        if item.enable_when is not None:
            _check_condition(path, f"question '{group.id}' > '{item.id}' > enable_when", item.enable_when,
                             problems, answers=answers, items=earlier_items)
        earlier_items[item.id] = item


def _check_condition(path: Path, where: str, condition: Condition, problems: Problems, *,
                     answers: dict[str, QuestionBase | None], items: dict[str, QuestionBase] | None = None,
                     facts: set[str] | None = None, params: set[str] | None = None) -> None:
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
            reason = _value_mismatch(compare, question)
            if reason:
                problems.add(path, where, f"'{name}': {reason}")


def _value_mismatch(compare: Compare, question: QuestionBase) -> str | None:
    operator, value = compare.operator
    if operator == "answered":
        return None
    if operator in ("contains", "contains_any") and not isinstance(question, MultiChoice):
        return f"'{operator}' works only on multiple-choice questions"
    if operator in ("equals", "one_of", "contains", "contains_any"):
        values = value if isinstance(value, list) else [value]
        if isinstance(question, ChoiceQuestion):
            unknown = [str(choice) for choice in values if choice not in question.option_values]
            if unknown:
                return f"no such option: {', '.join(unknown)} (options: {', '.join(question.option_values)})"
        elif isinstance(question, YesNo) and not all(isinstance(choice, bool) for choice in values):
            return "a yes/no question compares with true or false"
        return None
    if not isinstance(question, NumberQuestion):
        return f"'{operator}' compares numbers, but this is not a number question"
    return None


def _check_rules(path: Path, rules: RuleSet, form: Form, broken: set[str], parameters: Parameters,
                 problems: Problems) -> None:
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
            elif fact.where is not None:
                items = {item.id: item for item in group.questions}
                _check_condition(path, f"{where} > where", fact.where, problems, answers=answers, items=items,
                                 facts=facts, params=params)
        if fact.when is not None:
            _check_condition(path, f"{where} > when", fact.when, problems, answers=answers, facts=facts,
                             params=params)
        facts.add(fact.id)
    for rule_id in duplicates(rule.id for rule in rules.rules):
        problems.add(path, f"rule '{rule_id}'", "this rule id is used more than once")
    for rule in rules.rules:
        where = f"rule '{rule.id}'"
        _check_condition(path, f"{where} > when", rule.when, problems, answers=answers, facts=facts, params=params)
        if rule.raises is not None and rule.raises not in outcome_ids:
            problems.add(path, f"{where} > raises", f"'{rule.raises}' is not one of the outcomes")
        for name in sorted(rule.placeholders() - facts - set(answers)):
            problems.add(path, f"{where} > reason", f"{{{name}}} is neither a fact nor a question id")


def _check_cost(path: Path, parameters: Parameters, form: Form, problems: Problems) -> None:
    cost = parameters.cost
    expected = {"price_question": NumberQuestion, "budget_question": NumberQuestion, "quoted_question": YesNo}
    for field, kind in expected.items():
        question_id = getattr(cost, field)
        if not isinstance(form.question(question_id), kind):
            problems.add(path, f"cost > {field}", f"'{question_id}' is not a {kind.__name__} in the form")
    if cost.budget_horizon not in {horizon.id for horizon in cost.horizons}:
        problems.add(path, "cost > budget_horizon", f"'{cost.budget_horizon}' is not one of the horizons")


def _check_content(path: Path, content: ReportContent, form: Form, rules: RuleSet, problems: Problems) -> None:
    """The summary's layout may only name sections, groups, item questions and count facts that exist."""
    section_ids = {section.id for section in form.sections}
    for where, section_id in [("header_section", content.header_section), *content.answer_sections.items()]:
        if section_id not in section_ids:
            problems.add(path, where, f"'{section_id}' is not a section of the form")
    count_facts = {fact.id: fact.count for fact in rules.facts if fact.count}
    for name, table in content.tables.items():
        group = form.question(table.group)
        if not isinstance(group, GroupQuestion):
            problems.add(path, f"table '{name}'", f"'{table.group}' is not a repeatable group question")
            continue
        for column in table.columns:
            for item_id in filter(None, (column.question, column.detail)):
                if group.item_question(item_id) is None:
                    problems.add(path, f"table '{name}'", f"'{item_id}' is not a question of '{table.group}'")
        if table.check and count_facts.get(table.check.fact) != table.group:
            problems.add(path, f"table '{name}' > check", f"'{table.check.fact}' is not a count over '{table.group}'")
        if table.extra_section and table.extra_section not in section_ids:
            problems.add(path, f"table '{name}'", f"'{table.extra_section}' is not a section of the form")


def _check_sources(path: Path, sources: SourceList, problems: Problems) -> None:
    for source_id, source in sources.sources.items():
        if source.kind == "article" and not source.sections:
            problems.add(path, f"source '{source_id}'", "an article lists its section headings")


def _all_citations(folder: Path, rules: RuleSet | None, parameters: Parameters | None, regions: RegionList | None,
                   content: ReportContent | None) -> Iterable[tuple[Path, list[tuple[str, Citation]]]]:
    if rules is not None:
        yield folder / "rules.yaml", [(f"rule '{rule.id}'", cite) for rule in rules.rules for cite in rule.cite]
    if parameters is not None:
        yield folder / "parameters.yaml", (
            [(f"threshold '{name}'", cite) for name, item in parameters.thresholds.items() for cite in item.cite]
            + [("cost", cite) for cite in parameters.cost.cite])
    if regions is not None:
        yield folder.parent / "regions.yaml", [
            (f"region '{code}' > '{line.name}'", cite)
            for code, region in regions.regions.items() for line in region.crisis_lines for cite in line.cite]
    if content is not None:
        yield folder / "report.yaml", content.citations()


def _check_citation(path: Path, where: str, citation: Citation, sources: SourceList, problems: Problems) -> None:
    source = sources.sources.get(citation.source)
    if source is None:
        problems.add(path, where, f"cites unknown source '{citation.source}'")
    elif citation.section is not None and citation.section not in source.sections:
        problems.add(path, where, f"source '{citation.source}' has no section “{citation.section}”")
    elif source.kind == "article" and citation.section is None:
        problems.add(path, where, f"a citation of the article '{citation.source}' names its section")

