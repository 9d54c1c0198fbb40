"""Which pages and questions apply, given the answers so far.

This is the one function the wizard and the command line share. A question applies when its page
applies and its ``enable_when`` holds, judged only on the answers to questions that themselves apply
and come before it. So an answer left behind on a branch the patient later leaves is ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from screener.content.conditions import Condition
from screener.content.form import Form, GroupQuestion, QuestionBase, Section
from screener.content.frozen import Frozen
from screener.engine.conditions import Scope, evaluate


class Applicable(Frozen):
    """The pages and top-level questions that apply, in form order."""

    sections: tuple[Section, ...]
    questions: dict[str, QuestionBase]

    def section_applies(self, section_id: str) -> bool:
        return any(section.id == section_id for section in self.sections)

    def applies(self, question_id: str) -> bool:
        return question_id in self.questions


def _holds(condition: Condition | None, answers: Mapping[str, Any], item: Mapping[str, Any] | None = None) -> bool:
    """Whether a page's or question's condition holds; a scope is made only for a condition (most have none)."""
    return condition is None or evaluate(condition, Scope(answers, item=item)).value


def applicable(form: Form, answers: Mapping[str, Any]) -> Applicable:
    seen: dict[str, Any] = {}
    sections: list[Section] = []
    questions: dict[str, QuestionBase] = {}
    for section in form.sections:
        if not _holds(section.enable_when, seen):
            continue
        sections.append(section)
        for question in section.questions:
            if _holds(question.enable_when, seen):
                questions[question.id] = question
                if answers.get(question.id) is not None:
                    seen[question.id] = answers[question.id]
    return Applicable(tuple(sections), questions)


def applicable_item_questions(
    group: GroupQuestion, entry: Mapping[str, Any], answers: Mapping[str, Any]
) -> list[QuestionBase]:
    """The questions of one group entry that apply, given that entry's own answers."""
    seen: dict[str, Any] = {}
    visible: list[QuestionBase] = []
    for question in group.questions:
        if _holds(question.enable_when, answers, item=seen):
            visible.append(question)
            if entry.get(question.id) is not None:
                seen[question.id] = entry[question.id]
    return visible


def prune(form: Form, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers that apply, with group entries cut down to their applicable questions."""
    result: dict[str, Any] = {}
    for question_id, question in applicable(form, answers).questions.items():
        if answers.get(question_id) is None:
            continue
        value = answers[question_id]
        if isinstance(question, GroupQuestion) and isinstance(value, list):
            value = [_prune_entry(question, entry, result) for entry in value if isinstance(entry, Mapping)]
        result[question_id] = value
    return result


def _prune_entry(group: GroupQuestion, entry: Mapping[str, Any], answers: Mapping[str, Any]) -> dict[str, Any]:
    keep = {question.id for question in applicable_item_questions(group, entry, answers)}
    return {key: value for key, value in entry.items() if key in keep and value is not None}
