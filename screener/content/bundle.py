"""A loaded, checked form: everything needed to evaluate answers and report on them."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Any

from screener.content.form import Form
from screener.content.frozen import Frozen
from screener.content.lexicon import Lexicon
from screener.content.migrations import Migrations
from screener.content.regions import RegionList
from screener.content.report_content import ReportContent
from screener.content.rules import Parameters, RuleSet
from screener.content.sources import SourceList

# in the form's folder (migrations.yaml only where the form has earlier versions)
FORM_FILES = ("form.yaml", "rules.yaml", "parameters.yaml", "report.yaml", "migrations.yaml")
# in its parent, shared by every form (medicine_names.yaml only where a form reads typed medicines)
SHARED_FILES = ("sources.yaml", "regions.yaml", "medicine_names.yaml")


class FormBundle(Frozen):
    """A loaded, checked form with everything it needs to be evaluated and reported."""

    folder: Path
    form: Form
    rules: RuleSet
    parameters: Parameters
    sources: SourceList
    regions: RegionList
    content: ReportContent
    migrations: Migrations = field(default_factory=Migrations)  # none: answers of another version are refused
    lexicon: Lexicon = field(default_factory=Lexicon)  # none: typed text is shown, never read for names

    @property
    def threshold_values(self) -> dict[str, Any]:
        return {name: parameter.value for name, parameter in self.parameters.thresholds.items()}
