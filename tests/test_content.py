"""Patient-facing text keeps the safety rules: no eligibility verdicts, no advice to start or stop medicine."""

from __future__ import annotations

import re

import yaml

from screener.paths import DEFAULT_FORM_DIR, FORMS_DIR

FORBIDDEN = [r"\beligib", r"\b(stop|start|quit) (taking|your) ", r"\byou (have|do not have) OCD\b"]


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_no_verdicts_and_no_medicine_advice():
    files = [DEFAULT_FORM_DIR / name for name in ("form.yaml", "rules.yaml", "report.yaml", "parameters.yaml")]
    files += [FORMS_DIR / "sources.yaml", FORMS_DIR / "regions.yaml"]
    for path in files:
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for pattern in FORBIDDEN:
                assert not re.search(pattern, text, re.IGNORECASE), f"{path.name}: {text!r}"


def test_every_outcome_ends_with_who_decides(bundle):
    assert "Only a specialist can decide" in bundle.rules.closing
