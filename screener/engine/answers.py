"""The answers document: a versioned JSON file with the answers by question id.

The wizard saves this document (as a draft and at the end) and the command line reads it. Reading
checks it against the form and reports every problem at once: wrong types, numbers out of range,
unknown ids, missing required answers, and answers to questions that do not apply.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from screener.content.form import Form, GroupQuestion, NumberQuestion, QuestionBase
from screener.content.frozen import ID_PATTERN, Frozen
from screener.content.problems import Problems, ProblemsError
from screener.engine.visibility import applicable, applicable_item_questions

SCHEMA_VERSION = 1
# The largest answers file the form allows is about 0.5 MiB (every text answer at its limit, every group
# full); 5 MiB leaves ten times that and still refuses, at once, anything that is clearly not one: a file on
# disk (screener.store.safe_paths) or the answers inflated from inside a summary PDF (report.pipeline).
LARGEST_ANSWERS_FILE = 5 * 2**20


class FormRef(Frozen):
    id: str  # a name, never a path: it picks a folder among the shipped forms
    version: str


class AnswersDocument(Frozen):
    schema_version: int
    form: FormRef
    answers: dict[str, Any] = field(default_factory=dict)
    page: str | None = None  # the page the patient was on, for resuming a draft
    saved_at: dt.datetime | None = None


def new_document(
    form: Form, answers: Mapping[str, Any], page: str | None = None, saved_at: dt.datetime | None = None
) -> AnswersDocument:
    return AnswersDocument(
        schema_version=SCHEMA_VERSION,
        form=FormRef(id=form.id, version=form.version),
        answers=dict(answers),
        page=page,
        saved_at=saved_at,
    )


def dumps(document: AnswersDocument) -> str:
    """The document as its JSON file: keys in the order above, empty ones left out, text as written."""
    raw: dict[str, Any] = {
        "schema_version": document.schema_version,
        "form": {"id": document.form.id, "version": document.form.version},
        "answers": document.answers,
        "page": document.page,
        "saved_at": document.saved_at.isoformat() if document.saved_at else None,
    }
    return (
        json.dumps({key: value for key, value in raw.items() if value is not None}, indent=2, ensure_ascii=False) + "\n"
    )


@dataclass(frozen=True)
class NotANumber:
    """A number in the file that is none: NaN, Infinity (Python's json writes and reads them; JSON has no
    such thing), 1e999 (too large to be finite) or an integer too long to read. It stands where it was
    found, so that only that one answer is read as not answered, and is named."""

    text: str

    @property
    def reason(self) -> str:
        shown = self.text if len(self.text) <= 20 else f"a number of {len(self.text)} characters"
        return f"{shown} is not a number this program can use, so it is read as not answered"


LONGEST_INTEGER = 30  # digits: far more than any answer needs, far fewer than Python's limit on reading one


def _float(text: str) -> float | NotANumber:
    number = float(text)
    return number if math.isfinite(number) else NotANumber(text)


def _integer(text: str) -> int | NotANumber:
    return int(text) if len(text.lstrip("-")) <= LONGEST_INTEGER else NotANumber(text)


def parse(text: str | bytes, file: str) -> AnswersDocument:
    """Parse the JSON of an answers document; raises ProblemsError with a plain reason."""
    problems = Problems()
    try:
        raw = json.loads(text, parse_constant=NotANumber, parse_float=_float, parse_int=_integer)
    except RecursionError:
        problems.add(file, "", "this file is nested far too deeply to be an answers file")
        raise ProblemsError("This is not an answers file", problems.items) from None
    except UnicodeDecodeError:
        problems.add(file, "", "this file is not text (it is not UTF-8)")
        raise ProblemsError("This is not an answers file", problems.items) from None
    except json.JSONDecodeError as error:
        problems.add(file, f"line {error.lineno}, column {error.colno}", f"this is not valid JSON ({error.msg})")
        raise ProblemsError("This answers file is damaged", problems.items) from None
    if not isinstance(raw, dict):
        problems.add(file, "", "expected a JSON object with schema_version, form and answers")
        raise ProblemsError("This is not an answers file", problems.items)
    version = raw.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        problems.add(
            file,
            "schema_version",
            f"this file was made by a newer version of screener "
            f"(format {version}; this version reads format {SCHEMA_VERSION})",
        )
        raise ProblemsError("This answers file is too new", problems.items)
    document = _document(raw, file, problems)
    problems.raise_if_any("This is not a valid answers file")
    assert document is not None
    return document


def _document(raw: dict[str, Any], file: str, problems: Problems) -> AnswersDocument | None:
    """The document in a parsed JSON object, or None with every problem recorded. Read by hand, not by
    pydantic: an answers file is read on every run, and its five keys do not need a validator built."""
    for key in sorted(set(raw) - {item.name for item in fields(AnswersDocument)}):
        problems.add(file, key, "this key is not allowed here (misspelt?)")
    version, form, answers = raw.get("schema_version"), raw.get("form"), raw.get("answers", {})
    page, saved_at = raw.get("page"), raw.get("saved_at")
    if version is None:
        problems.add(file, "schema_version", "this is required but missing")
    elif isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problems.add(file, "schema_version", "expected a whole number, 1 or more")
    if not isinstance(form, dict):
        problems.add(
            file, "form", "this is required but missing" if form is None else "expected an object with id and version"
        )
        form = {}
    for key in sorted(set(form) - {"id", "version"}):
        problems.add(file, f"form > {key}", "this key is not allowed here (misspelt?)")
    for key in ("id", "version"):
        if key not in form:
            problems.add(file, f"form > {key}", "this is required but missing")
        elif not isinstance(form[key], str):
            problems.add(file, f"form > {key}", "expected text")
    if isinstance(form.get("id"), str) and not re.fullmatch(ID_PATTERN, form["id"]):
        problems.add(
            file, "form > id", "an id is a name of small letters, digits and _ (not a path), starting with a letter"
        )
    if not isinstance(answers, dict):
        problems.add(file, "answers", "expected an object of answers by question id")
    if page is not None and not isinstance(page, str):
        problems.add(file, "page", "expected text")
    when = _date_time(saved_at)
    if saved_at is not None and when is None:
        problems.add(file, "saved_at", "expected a date and time written as YYYY-MM-DDTHH:MM:SS")
    if problems:
        return None
    return AnswersDocument(
        schema_version=version,
        form=FormRef(id=form["id"], version=form["version"]),
        answers=answers,
        page=page,
        saved_at=when,
    )


def _date_time(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def check(form: Form, document: AnswersDocument, file: str, complete: bool = True) -> Problems:
    """Every problem with a document's answers. ``complete`` also requires the required answers."""
    problems = Problems()
    if document.form.id != form.id:
        problems.add(file, "form", f"these answers are for the form '{document.form.id}', not '{form.id}'")
        return problems
    if document.form.version.split(".")[0] != form.version.split(".")[0]:
        problems.add(
            file,
            "form",
            f"these answers are for version {document.form.version} of the form; "
            f"this program has version {form.version}, which asks different questions",
        )
        return problems
    answers = {key: value for key, value in document.answers.items() if value is not None}  # null: no answer
    visible = applicable(form, answers)
    for question_id, value in answers.items():
        question = form.question(question_id)
        if question is None:
            problems.add(file, f"answers > {question_id}", "there is no question with this id in the form")
        elif not visible.applies(question_id):
            problems.add(
                file,
                f"answers > {question_id}",
                "this question does not apply, given the other answers; remove this answer",
            )
        else:
            _check_value(problems, file, f"answers > {question_id}", question, value, answers, complete)
    if complete:
        for question_id, question in visible.questions.items():
            if question.required and _is_empty(answers.get(question_id)):
                problems.add(file, f"answers > {question_id}", f"this question needs an answer: “{question.label}”")
    return problems


def _check_value(
    problems: Problems,
    file: str,
    where: str,
    question: QuestionBase,
    value: Any,
    answers: Mapping[str, Any],
    complete: bool,
) -> None:
    reason = _reason(question, value)
    if reason is None and isinstance(question, NumberQuestion):
        reason = question.above_most(value, answers)
    if reason:
        problems.add(file, where, reason)
        return
    if isinstance(question, GroupQuestion):
        for number, entry in enumerate(value, start=1):
            _check_entry(problems, file, f"{where} > entry {number}", question, entry, answers, complete)


def _check_entry(
    problems: Problems,
    file: str,
    where: str,
    group: GroupQuestion,
    entry: Mapping[str, Any],
    answers: Mapping[str, Any],
    complete: bool,
) -> None:
    visible = {question.id: question for question in applicable_item_questions(group, entry, answers)}
    for item_id, value in entry.items():
        if value is None:
            continue
        item = group.item_question(item_id)
        if item is None:
            problems.add(file, f"{where} > {item_id}", f"a {group.item_name} has no question with this id")
        elif item_id not in visible:
            problems.add(file, f"{where} > {item_id}", "this question does not apply, given the other answers")
        else:
            reason = _reason(item, value)
            if reason:
                problems.add(file, f"{where} > {item_id}", reason)
    if complete:
        for item_id, item in visible.items():
            if item.required and _is_empty(entry.get(item_id)):
                problems.add(file, f"{where} > {item_id}", f"this needs an answer: “{item.label}”")


def _reason(question: QuestionBase, value: Any) -> str | None:
    """Why a value is not an answer to this question; a number that is none is named as such."""
    return value.reason if isinstance(value, NotANumber) else question.check_answer(value)


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


SETTLING_ROUNDS = 5  # taking out one answer can make another not apply; a few rounds settle it


def keep_what_fits(form: Form, answers: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str], Problems]:
    """Every answer the form accepts, down to the single field of a group entry; what was taken out, by
    question id with the reason ('entry 3, Dose: 99999 is outside the range ...'); and the problems that
    taking answers out could not settle (a draft for another form, say)."""
    kept = dict(answers)
    dropped: dict[str, str] = {}
    problems = check(form, new_document(form, kept), "", complete=False)
    for _ in range(SETTLING_ROUNDS):
        if not problems:
            break
        for problem in problems:
            question_id = problem.where.split(" > ")[1] if problem.where.startswith("answers > ") else None
            if question_id not in kept:
                continue
            field = _drop_entry_field(form, kept, problem.where)
            if field is None:  # not one field of a group entry: the answer itself goes
                kept.pop(question_id)
            dropped.setdefault(question_id, f"{field}: {problem.reason}" if field else problem.reason)
        problems = check(form, new_document(form, kept), "", complete=False)
    return kept, dropped, problems


def _drop_entry_field(form: Form, answers: dict[str, Any], where: str) -> str | None:
    """For 'answers > med_trials > entry 3 > dose_mg', take out that one field of that one entry, keeping
    every other entry and field; returns how to name it ('entry 3, Dose'), or None for any other place."""
    parts = where.split(" > ")
    if len(parts) != 4 or not parts[2].startswith("entry ") or not parts[2][6:].isdigit():
        return None
    question_id, index, item_id = parts[1], int(parts[2][6:]) - 1, parts[3]
    entries, group = answers.get(question_id), form.question(question_id)
    if not isinstance(entries, list) or not 0 <= index < len(entries) or not isinstance(entries[index], dict):
        return None
    if item_id not in entries[index]:
        return None
    entries = [dict(entry) if isinstance(entry, dict) else entry for entry in entries]
    entries[index].pop(item_id)
    answers[question_id] = entries
    item = group.item_question(item_id) if isinstance(group, GroupQuestion) else None
    return f"{parts[2]}, {item.short if item else item_id}"
