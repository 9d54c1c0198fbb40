"""Answers saved with an earlier version of a form, carried over to this one by the form's migration steps.

Each step renames questions and options and takes out what no longer has a place; whatever the current form
then does not accept is taken out too (down to one field of a group entry). Nothing is guessed: every
answer left behind is named, with the reason, for the patient to give again.
"""

from __future__ import annotations

import copy
from typing import Any

from screener.content.form import Form
from screener.content.frozen import Frozen
from screener.content.migrations import Migrations, MigrationStep
from screener.engine.answers import AnswersDocument, keep_what_fits, new_document


class Carried(Frozen):
    document: AnswersDocument
    from_version: str | None  # None when the answers were already for this version
    left_behind: tuple[tuple[str, str], ...] = ()  # (question id, why) for each answer not carried over


def carry_over(form: Form, migrations: Migrations, document: AnswersDocument) -> Carried:
    """The answers under this version of the form; unchanged when they are for it or no steps lead here."""
    if document.form.id != form.id or document.form.version == form.version:
        return Carried(document, None)
    steps = migrations.path(document.form.version, form.version)
    if steps is None:
        return Carried(document, None)  # the version check names the problem, as before
    answers = copy.deepcopy(dict(document.answers))
    left: list[tuple[str, str]] = []
    for step in steps:
        _apply(step, answers, left)
    kept, dropped, _ = keep_what_fits(form, answers)
    left += [(question_id, reason) for question_id, reason in dropped.items()]
    carried = new_document(form, kept, page=document.page, saved_at=document.saved_at)
    return Carried(carried, document.form.version, tuple(left))


def _apply(step: MigrationStep, answers: dict[str, Any], left: list[tuple[str, str]]) -> None:
    changed = f"this question changed in version {step.to_version}"
    for name in step.removed_questions:
        if _pop(answers, name) is not None:
            left.append((name.split(".")[0], f"version {step.to_version} no longer asks this question"))
    for name, removed in step.removed_options.items():
        for holder, key in _places(answers, name):
            value = holder[key]
            if isinstance(value, list) and any(option in removed for option in value):
                holder[key] = [option for option in value if option not in removed]
                left.append((name.split(".")[0], f"an option of {changed}"))
            elif not isinstance(value, list) and value in removed:
                del holder[key]
                left.append((name.split(".")[0], f"'{value}' is no longer one of the answers: {changed}"))
    for name, renamed in step.renamed_options.items():
        for holder, key in _places(answers, name):
            value = holder[key]
            holder[key] = (
                [_renamed(renamed, option) for option in value] if isinstance(value, list) else _renamed(renamed, value)
            )
    for new, old in step.filled_from.items():  # before the renames: both names are as they were
        for holder, key in _places(answers, old):
            holder.setdefault(new.split(".")[-1], holder[key])
    for old, new in step.renamed_questions.items():
        for holder, key in _places(answers, old):
            holder[new.split(".")[-1]] = holder.pop(key)


def _places(answers: dict[str, Any], name: str) -> list[tuple[dict, str]]:
    """Where a question's answers are: ('answers', 'age_band'), or each entry of a group for 'GROUP.ITEM'."""
    if "." not in name:
        return [(answers, name)] if name in answers else []
    group, item = name.split(".", 1)
    entries = answers.get(group)
    return (
        [(entry, item) for entry in entries if isinstance(entry, dict) and item in entry]
        if isinstance(entries, list)
        else []
    )


def _pop(answers: dict[str, Any], name: str) -> Any:
    places = _places(answers, name)
    return [holder.pop(key) for holder, key in places] or None


def _renamed(renamed: dict[str, Any], value: Any) -> Any:
    """An option's new value; anything that is not an option (a damaged file's object, say) stays as it is,
    for the form's own check to name."""
    return renamed.get(value, value) if isinstance(value, str) else value
