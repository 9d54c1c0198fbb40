"""The hazard log, as data: each clinical hazard, the answers that signal it, the harm, and the rule that controls it.

``<form>/hazards.yaml`` is a hazard analysis in the manner of ISO 14971 (hazard, hazardous situation, harm,
severity, control, evidence that the control works), kept so that completeness comes from the method rather
than from the next review. Each hazard's ``signal`` is a condition over answers and derived facts; its
``controls`` are rules of category safety or precaution, never information (a hazard of reading, such as
calling someone treatment-resistant on trials that side effects kept low, is held off by ``never``: rules
that must not fire); its ``variants`` are changes to the answers of the log's ``contexts`` (cases of
``cases.yaml``) that give the signal. ``screener check`` runs them all (``screener.engine.hazards``) and
fails where a signal can be given without a control firing.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Any, Literal

from screener.content.conditions import Condition
from screener.content.form import Id
from screener.content.frozen import Field, Frozen
from screener.content.sources import Citation

Severity = Literal["catastrophic", "critical", "serious", "minor"]
CONTROL_CATEGORIES = ("safety", "precaution")  # a control makes the hazard seen; information can be missed


class Variant(Frozen):
    """Answers that give the signal, put over each context's answers (``null`` takes an answer away)."""

    id: Id
    answers: Annotated[dict[str, Any], Field(min_length=1)]
    unfinished: Annotated[
        bool, Field(description="required answers may be empty, as in answers carried over from an earlier form")
    ] = False


class Hazard(Frozen):
    id: Id
    hazard: Annotated[str, Field(min_length=1, description="what could go wrong")]
    situation: Annotated[str, Field(min_length=1, description="how the answers hold it")]
    harm: Annotated[str, Field(min_length=1)]
    severity: Severity
    signal: Condition
    controls: Annotated[list[str], Field(description="rules that must fire whenever the signal holds")] = field(
        default_factory=list
    )
    never: Annotated[
        list[str], Field(description="rules that must not fire while the signal holds: a wrong reading held off")
    ] = field(default_factory=list)
    page_one: Annotated[bool, Field(description="the control must stand on page 1 of the summary")] = True
    cite: Annotated[list[Citation], Field(min_length=1)]
    variants: Annotated[list[Variant], Field(min_length=1)]


class HazardLog(Frozen):
    contexts: Annotated[list[str], Field(min_length=1, description="cases of cases.yaml each variant is tried on")]
    reassuring: Annotated[
        list[str], Field(description="outcomes that say no health point was found: never while a signal holds")
    ] = field(default_factory=list)
    hazards: Annotated[list[Hazard], Field(min_length=1)]
