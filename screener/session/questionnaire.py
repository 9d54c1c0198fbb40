"""The state of one questionnaire as a patient fills it in, and where they can go next. No Qt.

The Qt wizard is a view of this object, as Electrum's ``wizard.py`` (navigation) sits beside its Qt view:
the session keeps every answer typed (so Back never loses one), knows which sections apply, which step
comes next or before, how far along the patient is, whether crisis help must be shown, and what the draft
on disk should hold. Flows (branching, Back, review, crisis) are tested on it without a QApplication.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from screener.content.bundle import FormBundle
from screener.content.conditions import references
from screener.content.form import GroupQuestion, QuestionBase, Section
from screener.engine.answers import AnswersDocument, new_document
from screener.engine.evaluation import evaluate_answers
from screener.engine.visibility import Applicable, applicable, prune
from screener.i18n import _
from screener.report.build import crisis_view
from screener.report.model import CrisisView

REVIEW = "review"
SUMMARY = "summary"
StepState = Literal["done", "current", "todo", "skipped"]


@dataclass(frozen=True)
class Step:
    """One line of the progress list: a section (or the review and summary), and how it stands."""

    id: str
    title: str
    state: StepState


@dataclass(frozen=True)
class Progress:
    steps: tuple[Step, ...]
    position: int  # 1-based, among the steps that are not skipped
    total: int

    @property
    def text(self) -> str:
        return _("Step {position} of {total}").format(position=self.position, total=self.total)


@dataclass(frozen=True)
class ReviewLine:
    label: str
    value: str  # "not answered" for a question that applies and was left empty


@dataclass(frozen=True)
class ReviewSection:
    section: Section
    lines: tuple[ReviewLine, ...]


class QuestionnaireSession:
    """Answers as typed, the path through the form, progress, crisis state and the draft document."""

    def __init__(self, bundle: FormBundle, answers: dict[str, Any] | None = None):
        self.bundle = bundle
        self.form = bundle.form
        self.answers: dict[str, Any] = dict(answers or {})
        self.crisis_questions = {
            name
            for rule in bundle.rules.rules
            if rule.category == "safety"
            for kind, name in references(rule.when)
            if kind == "answer"
        }
        self.crisis_seen = False  # once crisis help was shown, it stays reachable for the whole session
        self._crisis: CrisisView | None = None
        self.last_crisis: CrisisView | None = None  # what "Get help now" shows if the answer was changed since
        self._last_crisis_answers: dict[str, Any] | None = None  # the answers that last called for crisis help
        self._applicable: Applicable | None = None
        self._update_crisis()

    def use_bundle(self, bundle: FormBundle) -> None:
        """The same form in another language: the answers, the path and the crisis state stay as they are."""
        self.bundle = bundle
        self.form = bundle.form
        self._applicable = None
        self._update_crisis()
        if self._crisis is None and self._last_crisis_answers is not None:  # "Get help now" in this language too
            self.last_crisis = crisis_view(bundle, evaluate_answers(bundle, self._last_crisis_answers))

    # --- answers -------------------------------------------------------------------------------------
    def set_answer(self, question_id: str, value: Any) -> bool:
        """Record an answer (None clears it); True when the crisis help changed."""
        if value is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = value
        self._applicable = None
        if question_id in self.crisis_questions or question_id == self.form.region_question:
            return self._update_crisis()
        return False

    def restore(self, answers: dict[str, Any]) -> None:
        self.answers = dict(answers)
        self._applicable = None
        self._update_crisis()

    def applicable(self) -> Applicable:
        if self._applicable is None:
            self._applicable = applicable(self.form, self.answers)
        return self._applicable

    def pruned(self) -> dict[str, Any]:
        """The answers that apply: what the summary and the draft get."""
        return prune(self.form, self.answers)

    # --- the path -----------------------------------------------------------------------------------
    @property
    def sections(self) -> list[Section]:
        return self.form.sections

    def step_ids(self) -> list[str]:
        return [section.id for section in self.sections] + [REVIEW, SUMMARY]

    def next_step(self, current: str) -> str:
        """The step after ``current``: the next section that applies, then the review, then the summary."""
        ids = self.step_ids()
        for later in ids[ids.index(current) + 1 :]:
            if later in (REVIEW, SUMMARY) or self.applicable().section_applies(later):
                return later
        return SUMMARY

    def previous_step(self, current: str) -> str | None:
        ids = self.step_ids()
        for earlier in reversed(ids[: ids.index(current)]):
            if self.applicable().section_applies(earlier):
                return earlier
        return None

    def is_decided_skip(self, section: Section, current: str) -> bool:
        """Skipped, and known to be: each answer its condition depends on was given, or the patient has
        already gone past the page that asks it (leaving it empty is an answer too)."""
        if self.applicable().section_applies(section.id) or section.enable_when is None:
            return False
        ids = self.step_ids()
        where = {question.id: ids.index(page.id) for page, question in self.form.questions()}
        names = [name for kind, name in references(section.enable_when) if kind == "answer"]
        return all(
            self.answers.get(name) not in (None, "", []) or where.get(name, 0) < ids.index(current) for name in names
        )

    def progress(self, current: str) -> Progress:
        titles = {section.id: section.title for section in self.sections} | {REVIEW: _("Review"), SUMMARY: _("Summary")}
        ids = self.step_ids()
        where = ids.index(current)
        sections = {section.id: section for section in self.sections}
        steps = []
        for index, step_id in enumerate(ids):
            if step_id in sections and self.is_decided_skip(sections[step_id], current):
                state: StepState = "skipped"
            elif index == where:
                state = "current"
            else:
                state = "done" if index < where else "todo"
            steps.append(Step(step_id, titles[step_id], state))
        counted = [step for step in steps if step.state != "skipped"]
        position = next((number for number, step in enumerate(counted, start=1) if step.id == current), 1)
        return Progress(tuple(steps), position, len(counted))

    # --- crisis -------------------------------------------------------------------------------------
    @property
    def crisis(self) -> CrisisView | None:
        """The crisis help to show now (the lines for the patient's region), or None."""
        return self._crisis

    def _update_crisis(self) -> bool:
        before = self._crisis
        self._crisis = crisis_view(self.bundle, evaluate_answers(self.bundle, self.pruned()))
        if self._crisis is not None:
            self.crisis_seen = True
            self.last_crisis = self._crisis
            self._last_crisis_answers = self.pruned()
        return before != self._crisis

    # --- review and draft ---------------------------------------------------------------------------
    def review(self) -> list[ReviewSection]:
        """Every section that applies with its questions: the answer as a person reads it, or 'not answered'."""
        shown = self.applicable()
        answers = self.pruned()
        result = []
        for section in shown.sections:
            questions = [question for question in section.questions if shown.applies(question.id)]
            if not questions:
                continue
            lines = tuple(
                ReviewLine(question.label.strip(), self._shown(question, answers.get(question.id)))
                for question in questions
            )
            result.append(ReviewSection(section, lines))
        return result

    def _shown(self, question: QuestionBase, value: Any) -> str:
        if value in (None, "", []):
            return _("not answered")
        if isinstance(question, GroupQuestion):
            return "\n".join(f"{number}. {entry_line(question, entry)}" for number, entry in enumerate(value, 1))
        cost = self.bundle.parameters.cost
        if question.id in (cost.price_question, cost.budget_question):
            return self.bundle.regions.get(self.answers.get(self.form.region_question)).money(value)
        return question.display(value)

    def draft(self, page: str | None, saved_at: dt.datetime) -> AnswersDocument:
        return new_document(self.form, self.pruned(), page=page, saved_at=saved_at)


def entry_line(group: GroupQuestion, entry: dict[str, Any]) -> str:
    """One group entry as labelled parts: 'Medicine: Sertraline; Stopped because of side effects: No'."""
    parts = [f"{item.short}: {item.display(entry[item.id])}" for item in group.questions if item.id in entry]
    return "; ".join(parts) or _("nothing filled in yet")
