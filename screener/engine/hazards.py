"""Running a form's hazard log: every signal given, in every context, must be met by a control.

For each hazard of ``hazards.yaml`` (``screener.content.hazards``), each variant's answers are put over the
answers of each context case and evaluated. Where the signal holds, at least one of the hazard's controls must
fire and the outcome must not be a reassuring one (one that says no health point was found); a variant that
gives the signal in no context proves nothing and is a problem too. The same is asked of every case of
``cases.yaml``: wherever a signal holds there, a control fires. One run names every problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from screener.content.bundle import FormBundle
from screener.content.checks import check_hazard_log
from screener.content.frozen import Frozen
from screener.content.hazards import Hazard, HazardLog
from screener.content.loading import read_model
from screener.content.problems import Problems
from screener.engine.answers import check, new_document
from screener.engine.cases import read_cases
from screener.engine.conditions import Scope, evaluate
from screener.engine.evaluation import Evaluation, evaluate_answers


class HazardRun(Frozen):
    hazards: int
    tried: int  # evaluations in which a signal held and was checked
    problems: Problems


def run_hazards(bundle: FormBundle) -> HazardRun:
    """Check the form's hazard log against its rules and run every variant in every context."""
    path = bundle.folder / "hazards.yaml"
    problems = Problems()
    if not path.exists():
        problems.add(path, "", "there is no hazard log: every form keeps one (see screener.content.hazards)")
        return HazardRun(0, 0, problems)
    log = read_model(path, HazardLog, problems)
    if log is None:
        return HazardRun(0, 0, problems)
    check_hazard_log(path, log, bundle.form, bundle.rules, bundle.parameters, bundle.content, bundle.sources, problems)
    cases = {case.id: case for case in read_cases(bundle.folder / "cases.yaml", problems) or []}
    for name in log.contexts:
        if name not in cases:
            problems.add(path, "contexts", f"'{name}' is not a case of cases.yaml")
    tried = 0
    for hazard in log.hazards:
        for variant in hazard.variants:
            gave_signal = False
            for context in (cases[name] for name in log.contexts if name in cases):
                where = f"hazard '{hazard.id}' > variant '{variant.id}' in context '{context.id}'"
                answers = _over(context.answers, variant.answers)
                result = _evaluated(bundle, path, where, answers, problems, complete=not variant.unfinished)
                if result is not None and _signals(bundle, hazard, result):
                    gave_signal = True
                    tried += 1
                    _check_controlled(path, where, hazard, log, result, problems)
            if not gave_signal:
                problems.add(
                    path, f"hazard '{hazard.id}' > variant '{variant.id}'", "gives the signal in none of the contexts"
                )
    for case in cases.values():  # what cases.yaml holds must be controlled too
        result = _evaluated(bundle, path, f"case '{case.id}'", case.answers, Problems(), complete=not case.unfinished)
        for hazard in log.hazards:
            if result is not None and _signals(bundle, hazard, result):
                tried += 1
                _check_controlled(path, f"hazard '{hazard.id}' in case '{case.id}'", hazard, log, result, problems)
    return HazardRun(len(log.hazards), tried, problems)


def _over(answers: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    merged = {**answers, **changes}
    return {name: value for name, value in merged.items() if value is not None}


def _evaluated(
    bundle: FormBundle, path: Path, where: str, answers: dict[str, Any], problems: Problems, complete: bool = True
) -> Evaluation | None:
    """The evaluation of these answers, or None with their problems recorded."""
    found = check(bundle.form, new_document(bundle.form, answers), str(path), complete=complete)
    for problem in found:
        problems.add(path, f"{where} > {problem.where}", problem.reason)
    return None if found else evaluate_answers(bundle, answers)


def _signals(bundle: FormBundle, hazard: Hazard, result: Evaluation) -> bool:
    return evaluate(hazard.signal, Scope(result.answers, result.facts, bundle.threshold_values)).value


def _check_controlled(
    path: Path, where: str, hazard: Hazard, log: HazardLog, result: Evaluation, problems: Problems
) -> None:
    wrong = sorted(set(hazard.never) & set(result.finding_ids))
    if wrong:
        problems.add(path, where, f"the signal holds but {', '.join(wrong)} fired, which must not")
    if hazard.controls and not set(hazard.controls) & set(result.finding_ids):
        problems.add(
            path,
            where,
            f"the signal holds but no control fires (expected one of: {', '.join(hazard.controls) or 'none named'})",
        )
    if hazard.controls and result.outcome.id in log.reassuring:  # a wrong reading held off may still go ahead
        problems.add(
            path, where, f"the signal holds but the outcome is '{result.outcome.id}', which says none was found"
        )
