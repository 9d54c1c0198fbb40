"""`screener evaluate --json`: the outcome and findings for scripts, under a versioned, documented schema.

The schema is shipped as ``resources/schemas/evaluation-1.schema.json`` (JSON Schema 2020-12) and the tests
validate every example's output against it. A change that would break a script reading version 1 (a field
removed, renamed or given another type) makes version 2, with its own schema file; added fields do not.
"""

from __future__ import annotations

from typing import Any

from screener.content.bundle import FormBundle
from screener.engine.evaluation import Evaluation

EVALUATION_SCHEMA_VERSION = 1
SCHEMA_FILE = f"evaluation-{EVALUATION_SCHEMA_VERSION}.schema.json"


def evaluation_json(bundle: FormBundle, result: Evaluation) -> dict[str, Any]:
    outcome = result.outcome
    return {
        "schema_version": EVALUATION_SCHEMA_VERSION,
        "form": {"id": bundle.form.id, "version": bundle.form.version},
        "outcome": outcome.id,
        "outcome_title": outcome.title,
        "outcome_summary": result.summary,
        "raised_by": [finding.id for finding in result.findings if finding.raises == outcome.id],
        "findings": [
            {
                "id": finding.id,
                "category": finding.category,
                "text": finding.text,
                "reason": finding.reason,
                "ask": finding.ask,
                "raises": finding.raises,
                "decided_by": finding.fired_by,
                "sources": finding.sources,
            }
            for finding in result.findings
        ],
        "facts": result.facts,
    }
