"""Load a form folder and check everything in it, reporting every problem at once.

A form folder holds ``form.yaml``, ``rules.yaml``, ``parameters.yaml`` and ``report.yaml``; its parent holds the
``sources.yaml`` and ``regions.yaml`` that all forms share. Each problem names the file, the question,
rule or fact id, and the reason. Structure is checked by pydantic against the model classes (only here and
when a form is first cached), item by item so that one
broken question does not hide the others; cross-references are checked afterwards (``checks``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from screener.content import checks
from screener.content.bundle import FormBundle
from screener.content.form import Form, Question
from screener.content.migrations import Migrations, VersionSnapshot
from screener.content.problems import Problems, add_validation_errors
from screener.content.regions import RegionList
from screener.content.report_content import ReportContent
from screener.content.rules import Parameters, Rule, RuleSet
from screener.content.sources import SourceList
from screener.content.yaml_files import read_yaml

Model = TypeVar("Model")


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
        checks.check_form(folder / "form.yaml", form, broken, regions, problems)
    if form is not None and rules is not None and parameters is not None:
        checks.check_rules(folder / "rules.yaml", rules, form, broken, parameters, problems)
    if form is not None and parameters is not None:
        checks.check_cost(folder / "parameters.yaml", parameters, form, problems)
    if form is not None and rules is not None and content is not None:
        checks.check_content(folder / "report.yaml", content, form, rules, problems)
        if parameters is not None and not broken:
            checks.check_reads(folder / "form.yaml", form, rules, parameters, content, problems)
    if sources is not None:
        checks.check_sources(folder.parent / "sources.yaml", sources, problems)
        for file, citations in checks.all_citations(folder, rules, parameters, regions, content):
            for where, citation in citations:
                checks.check_citation(file, where, citation, sources, problems)
    if regions is not None:
        checks.check_regions(folder.parent / "regions.yaml", regions, problems)
    migrations = Migrations()
    if (folder / "migrations.yaml").exists():
        migrations = _load_model(folder / "migrations.yaml", Migrations, problems) or migrations
        if form is not None:
            snapshots = [
                _load_model(path, VersionSnapshot, problems) for path in sorted(folder.glob("versions/*.yaml"))
            ]
            checks.check_migrations(
                folder / "migrations.yaml", migrations, form, list(filter(None, snapshots)), problems
            )
    problems.raise_if_any(f"The form in {folder} has problems")
    assert form and rules and parameters and sources and regions and content
    return FormBundle(folder, form, rules, parameters, sources, regions, content, migrations)


def _load_model(path: Path, model: type[Model], problems: Problems) -> Model | None:
    raw = read_yaml(path, problems)
    if raw is None:
        return None
    try:
        return TypeAdapter(model).validate_python(raw)
    except ValidationError as error:
        add_validation_errors(problems, path, raw, error)
        return None


def _valid_items(
    path: Path, raw_items: Any, adapter: TypeAdapter, problems: Problems, prefix: str, broken: set[str]
) -> Any:
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
    raw = read_yaml(path, problems)
    if raw is None:
        return None, broken
    sections = []
    for raw_section in raw.get("sections") or []:
        if isinstance(raw_section, dict):
            raw_section = dict(raw_section)
            raw_section["questions"] = _valid_items(
                path, raw_section.get("questions", []), TypeAdapter(Question), problems, "question", broken
            )
        sections.append(raw_section)
    try:
        return TypeAdapter(Form).validate_python({**raw, "sections": sections}), broken
    except ValidationError as error:
        add_validation_errors(problems, path, raw, error)
        return None, broken


def _load_rules(path: Path, problems: Problems) -> RuleSet | None:
    """The rule set with its valid rules (the broken ones are reported)."""
    raw = read_yaml(path, problems)
    if raw is None:
        return None
    rules = _valid_items(path, raw.get("rules"), TypeAdapter(Rule), problems, "rule", set())
    try:
        return TypeAdapter(RuleSet).validate_python({**raw, "rules": rules})
    except ValidationError as error:
        add_validation_errors(problems, path, raw, error)
        return None
