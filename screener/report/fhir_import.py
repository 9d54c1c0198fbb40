"""Answers back in from FHIR: a QuestionnaireResponse for this form becomes an answers document.

The response may be ours (``screener export``), or one filled in another FHIR tool from our Questionnaire:
items are found by linkId wherever they stand (inside our page groups or not), a repeating group's items
become its entries, and each answer is read by its question's kind. Whatever cannot be mapped (a linkId
this form does not have, an answer of the wrong type, a code that is not an option, a value the form does
not accept) is left out and named with the reason, never guessed.
"""

from __future__ import annotations

from typing import Any

from screener.content.bundle import FormBundle
from screener.content.form import (
    ChoiceQuestion,
    DateQuestion,
    GroupQuestion,
    MultiChoice,
    NumberQuestion,
    QuestionBase,
    TextQuestion,
    YesNo,
)
from screener.content.frozen import Frozen
from screener.engine.answers import AnswersDocument, keep_what_fits, new_document
from screener.report.fhir import page_link_id


class Imported(Frozen):
    document: AnswersDocument
    left_out: tuple[tuple[str, str], ...]  # (where, why) for every answer that could not be carried over


class NotAResponseError(ValueError):
    """The JSON is not a QuestionnaireResponse (nor a Bundle holding one) for this form."""


def import_response(bundle: FormBundle, resource: dict) -> Imported:
    response = _the_response(resource)
    reference = str(response.get("questionnaire", ""))
    ours = f"urn:screener:questionnaire:{bundle.form.id}"
    if reference.startswith("urn:screener:questionnaire:") and reference.split("|")[0] != ours:
        raise NotAResponseError(f"it answers the questionnaire '{reference}', not '{ours}'")
    reader = _Reader(bundle)
    reader.read(response.get("item", []))
    answers, dropped, _ = keep_what_fits(bundle.form, reader.answers)
    left_out = [*reader.left_out, *dropped.items()]
    return Imported(new_document(bundle.form, answers), tuple(left_out))


def _the_response(resource: Any) -> dict:
    if not isinstance(resource, dict):
        raise NotAResponseError("it is not a FHIR resource (a JSON object)")
    if resource.get("resourceType") == "Bundle":
        entries = resource.get("entry")
        found = [
            entry.get("resource")
            for entry in (entries if isinstance(entries, list) else [])
            if isinstance(entry, dict) and isinstance(entry.get("resource"), dict)
            if entry["resource"].get("resourceType") == "QuestionnaireResponse"
        ]
        if len(found) != 1:
            raise NotAResponseError(f"the Bundle holds {len(found)} QuestionnaireResponses, not one")
        return found[0]
    if resource.get("resourceType") != "QuestionnaireResponse":
        kind = resource.get("resourceType")
        named = f"a '{kind}'" if isinstance(kind, str) else "something with no resourceType"
        raise NotAResponseError(f"it is {named}, not a QuestionnaireResponse")
    return resource


DEEPEST = 12  # groups inside groups: our pages are one level, another tool's groupings a few more


class _Reader:
    def __init__(self, bundle: FormBundle):
        self.form = bundle.form
        self.pages = {page_link_id(section.id) for section in self.form.sections}
        self.answers: dict[str, Any] = {}
        self.left_out: list[tuple[str, str]] = []

    def read(self, items: Any, depth: int = 0) -> None:
        """Every item of a list, whatever JSON stands where an item should (anything else is named)."""
        for number, item in enumerate(items if isinstance(items, list) else [], start=1):
            if not isinstance(item, dict):
                self.left_out.append((f"item {number}", "an item that is not a JSON object"))
                continue
            link_id = item.get("linkId")
            if not isinstance(link_id, str):
                self.left_out.append((f"item {number}", "an item whose linkId is not text"))
                continue
            question = self.form.question(link_id)
            if question is None:
                if link_id in self.pages or ("item" in item and "answer" not in item):
                    if depth >= DEEPEST:
                        self.left_out.append((link_id, "groups nested more deeply than any questionnaire needs"))
                    else:
                        self.read(item.get("item"), depth + 1)  # a page, or another tool's grouping: look inside
                else:
                    self.left_out.append((link_id, "this form has no question with this linkId"))
            elif isinstance(question, GroupQuestion):
                entry = self._entry(question, item.get("item"))
                if entry:
                    self.answers.setdefault(question.id, []).append(entry)
            else:
                value = self._value(question, item.get("answer"), question.id)
                if value is not None:
                    self.answers[question.id] = value

    def _entry(self, group: GroupQuestion, items: Any) -> dict:
        entry = {}
        for item in items if isinstance(items, list) else []:
            link_id = item.get("linkId") if isinstance(item, dict) else None
            if not isinstance(link_id, str):
                self.left_out.append((group.id, "an item of an entry that is not a JSON object with a text linkId"))
                continue
            name = link_id.removeprefix(f"{group.id}.")
            question = group.item_question(name) if link_id.startswith(f"{group.id}.") else None
            if question is None:
                self.left_out.append((link_id, f"the group '{group.id}' has no question with this linkId"))
                continue
            value = self._value(question, item.get("answer"), link_id)
            if value is not None:
                entry[name] = value
        return entry

    def _value(self, question: QuestionBase, answers: Any, where: str) -> Any:
        answers = answers if isinstance(answers, list) else []
        values = [_one(question, answer) for answer in answers]
        wrong = [reason for _, reason in values if reason]
        if wrong:
            self.left_out.append((where, wrong[0]))
            return None
        given = [value for value, _ in values]
        if not given:
            return None
        if isinstance(question, MultiChoice):
            return given
        if len(given) > 1:
            self.left_out.append((where, f"{len(given)} answers to a question that takes one"))
            return None
        return given[0]


def _one(question: QuestionBase, answer: Any) -> tuple[Any, str | None]:
    """One FHIR answer as the form's value, or the reason it is not one."""
    if not isinstance(answer, dict):
        return None, "an answer that is not a JSON object"
    if isinstance(question, ChoiceQuestion):
        coding = answer.get("valueCoding")
        code = coding.get("code") if isinstance(coding, dict) else None
        if code not in question.option_values:
            return None, f"'{code}' is not one of this question's options" if code else "not a valueCoding"
        return code, None
    wanted = {
        YesNo: ("valueBoolean",),
        NumberQuestion: ("valueInteger", "valueDecimal"),
        DateQuestion: ("valueDate",),
        TextQuestion: ("valueString",),
    }[type(question)]
    key = next((key for key in wanted if key in answer), None)
    if key is None:
        return None, f"expected {' or '.join(wanted)}"
    value = answer[key]
    if isinstance(question, NumberQuestion) and isinstance(value, float) and value.is_integer() and question.integer:
        value = int(value)
    return value, None
