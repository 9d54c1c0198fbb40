"""Load a form folder and check everything in it, reporting every problem at once.

A form folder holds ``form.yaml``, ``rules.yaml``, ``parameters.yaml`` and ``report.yaml``; its parent holds the
``sources.yaml`` and ``regions.yaml`` that all forms share. Each problem names the file, the question,
rule or fact id, and the reason. Structure is checked by pydantic against the model classes (only here and
when a form is first cached), item by item so that one
broken question does not hide the others; cross-references are checked afterwards (``checks``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from screener.content import checks
from screener.content.bundle import FORM_FILES, FormBundle
from screener.content.form import Form, Question
from screener.content.lexicon import Lexicon
from screener.content.migrations import Migrations, VersionSnapshot
from screener.content.problems import Problems, add_validation_errors
from screener.content.regions import RegionList
from screener.content.report_content import ReportContent
from screener.content.rules import Parameters, Rule, RuleSet
from screener.content.sources import Citation, SourceList
from screener.content.translation import TEXT_FIELDS, check_translation, read_entries, translated, translation_file
from screener.content.yaml_files import read_yaml
from screener.i18n import SOURCE_LANGUAGE

Model = TypeVar("Model")


def load(folder: Path, language: str = SOURCE_LANGUAGE) -> FormBundle:
    """Load and check a form folder, its words in ``language``; raises ProblemsError naming every problem.

    In another language than English, each text with a current translation is shown translated, and any
    other in English (``screener check --lang`` is what fails on a missing or stale translation)."""
    folder = Path(folder)
    problems = Problems()
    read = _reader(folder, language, problems)
    form, broken = _load_form(folder / "form.yaml", problems, read)
    rules = _load_rules(folder / "rules.yaml", problems, read)
    parameters = _load_model(folder / "parameters.yaml", Parameters, problems, read)
    sources = _load_model(folder.parent / "sources.yaml", SourceList, problems, read)
    regions = _load_model(folder.parent / "regions.yaml", RegionList, problems, read)
    content = _load_model(folder / "report.yaml", ReportContent, problems, read)
    lexicon = Lexicon()
    if (folder.parent / "medicine_names.yaml").exists():
        lexicon = _load_model(folder.parent / "medicine_names.yaml", Lexicon, problems, read) or lexicon
    if form is not None:
        checks.check_form(folder / "form.yaml", form, broken, regions, problems)
    if form is not None and rules is not None and parameters is not None:
        checks.check_rules(folder / "rules.yaml", rules, form, broken, parameters, lexicon, problems)
    if form is not None and parameters is not None:
        checks.check_cost(folder / "parameters.yaml", parameters, form, problems)
    if form is not None and rules is not None and content is not None:
        checks.check_content(folder / "report.yaml", content, form, rules, problems)
        if parameters is not None and not broken:
            checks.check_reads(folder / "form.yaml", form, rules, parameters, content, problems)
    if sources is not None:
        checks.check_sources(folder.parent / "sources.yaml", sources, problems)
        for kind, names in lexicon.kinds.items():
            citation = Citation(names.source)
            checks.check_citation(folder.parent / "medicine_names.yaml", f"kind '{kind}'", citation, sources, problems)
        for file, citations in checks.all_citations(folder, rules, parameters, regions, content):
            for where, citation in citations:
                checks.check_citation(file, where, citation, sources, problems)
    if regions is not None:
        checks.check_regions(folder.parent / "regions.yaml", regions, problems)
    migrations = Migrations()
    if (folder / "migrations.yaml").exists():
        migrations = _load_model(folder / "migrations.yaml", Migrations, problems, read) or migrations
        if form is not None:
            snapshots = [
                _load_model(path, VersionSnapshot, problems, read) for path in sorted(folder.glob("versions/*.yaml"))
            ]
            checks.check_migrations(
                folder / "migrations.yaml", migrations, form, list(filter(None, snapshots)), problems
            )
    problems.raise_if_any(f"The form in {folder} has problems")
    assert form and rules and parameters and sources and regions and content
    return FormBundle(folder, form, rules, parameters, sources, regions, content, migrations, lexicon)


type Reader = Callable[[Path], Any]


def _reader(folder: Path, language: str, problems: Problems) -> Reader:
    """How each file of the form is read: as written, or with its words in ``language``."""
    if language == SOURCE_LANGUAGE:
        return lambda path: read_yaml(path, problems)
    entries = {
        **read_entries(translation_file(folder.parent / "regions.yaml", language), language, problems),
        **read_entries(translation_file(folder / "form.yaml", language), language, problems),
    }

    def read(path: Path) -> Any:
        raw = read_yaml(path, problems)
        if raw is None or path.parent.name == "versions":
            return raw
        if path.name == "form.yaml":
            raw = {**raw, "language": language}
        return translated(raw, path.stem, entries)

    return read


def check_language(folder: Path, language: str) -> None:
    """Raise ProblemsError naming every text of the form with no current translation into ``language``."""
    folder = Path(folder)
    problems = Problems()
    own = {  # the form's own files that hold words (migrations.yaml holds none)
        path.stem: read_yaml(path, problems)
        for path in (folder / name for name in FORM_FILES)
        if path.stem in TEXT_FIELDS
    }
    shared = {"regions": read_yaml(folder.parent / "regions.yaml", problems)}
    for files, yaml_path in ((own, folder / "form.yaml"), (shared, folder.parent / "regions.yaml")):
        path = translation_file(yaml_path, language)
        if not path.exists():
            problems.add(path, "", f"there is no {language} translation here")
            continue
        entries = read_entries(path, language, problems)
        check_translation({k: v for k, v in files.items() if v is not None}, entries, path, language, problems)
    problems.raise_if_any(f"The {language} translation of {folder} is not complete")


def read_model(path: Path, model: type[Model], problems: Problems) -> Model | None:
    """One YAML file checked against a model, as written; None with its problems recorded."""
    return _load_model(path, model, problems, lambda path: read_yaml(path, problems))


def _load_model(path: Path, model: type[Model], problems: Problems, read: Reader) -> Model | None:
    raw = read(path)
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


def _load_form(path: Path, problems: Problems, read: Reader) -> tuple[Form | None, set[str]]:
    """The form with its valid questions, and the ids of the questions that failed."""
    broken: set[str] = set()
    raw = read(path)
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


def _load_rules(path: Path, problems: Problems, read: Reader) -> RuleSet | None:
    """The rule set with its valid rules (the broken ones are reported)."""
    raw = read(path)
    if raw is None:
        return None
    rules = _valid_items(path, raw.get("rules"), TypeAdapter(Rule), problems, "rule", set())
    try:
        return TypeAdapter(RuleSet).validate_python({**raw, "rules": rules})
    except ValidationError as error:
        add_validation_errors(problems, path, raw, error)
        return None
