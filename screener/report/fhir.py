"""The answers as standard data for a clinic's systems: a FHIR R4 Questionnaire and QuestionnaireResponse.

FHIR R4 (4.0.1) is what clinical systems most often take; the tests validate the output with the
fhir.resources library's R4B models, the closest it offers (Questionnaire and QuestionnaireResponse are the
same in R4 and R4B). The Questionnaire is generated from the form: one group per page (with the page's
condition), each question with its type, options and condition as ``enableWhen``. A condition FHIR cannot
say (a ``not`` of anything but one comparison, or ``all`` and ``any`` mixed) is an error, named, so that the
export never silently shows a question that should be hidden.
"""

from __future__ import annotations

from typing import Any

from screener.content.bundle import FormBundle
from screener.content.conditions import AllOf, AnyOf, Compare, Condition, NotOf
from screener.content.form import (
    ChoiceQuestion,
    DateQuestion,
    GroupQuestion,
    MultiChoice,
    NumberQuestion,
    QuestionBase,
    SingleChoice,
    TextQuestion,
    YesNo,
)
from screener.engine.answers import AnswersDocument
from screener.engine.visibility import prune

FHIR_VERSION = "4.0.1"
_OPERATORS = {"equals": "=", "at_least": ">=", "at_most": "<=", "more_than": ">", "less_than": "<"}


def _system(bundle: FormBundle, question: QuestionBase) -> str:
    return f"urn:screener:{bundle.form.id}:{question.id}"


# One line per question kind: its FHIR item type and the answer[x] it takes (as the GUI's kinds table).
FHIR_KINDS: dict[type[QuestionBase], tuple[str, str | None]] = {
    SingleChoice: ("choice", "valueCoding"),
    MultiChoice: ("choice", "valueCoding"),
    YesNo: ("boolean", "valueBoolean"),
    NumberQuestion: ("integer", "valueInteger"),  # "decimal" / valueDecimal when not whole numbers
    DateQuestion: ("date", "valueDate"),
    TextQuestion: ("string", "valueString"),  # "text" when multi-line
    GroupQuestion: ("group", None),
}


def _type(question: QuestionBase) -> str:
    kind = FHIR_KINDS[type(question)][0]
    if isinstance(question, NumberQuestion) and not question.integer:
        return "decimal"
    if isinstance(question, TextQuestion) and question.multiline:
        return "text"
    return kind


def _answer_key(question: QuestionBase) -> str:
    if isinstance(question, NumberQuestion) and not question.integer:
        return "valueDecimal"
    return FHIR_KINDS[type(question)][1]


def _value(bundle: FormBundle, question: QuestionBase, value: Any) -> dict:
    if isinstance(question, ChoiceQuestion):
        return {
            "valueCoding": {"system": _system(bundle, question), "code": value, "display": question.option_label(value)}
        }
    return {_answer_key(question): value}


def _enable_when(bundle: FormBundle, condition: Condition, lookup) -> tuple[list[dict], str | None]:
    """FHIR's flat enableWhen list and its behaviour ('all' or 'any'); raises ValueError if it cannot be said."""
    if isinstance(condition, (AllOf, AnyOf)):
        children = condition.all if isinstance(condition, AllOf) else condition.any
        behaviour = "all" if isinstance(condition, AllOf) else "any"
        parts = [_enable_when(bundle, child, lookup) for child in children]
        if any(inner not in (None, behaviour) and len(items) > 1 for items, inner in parts):
            raise ValueError("FHIR enableWhen cannot mix 'all' and 'any'")
        return [item for items, _ in parts for item in items], behaviour
    if isinstance(condition, NotOf):
        if not isinstance(condition.not_, Compare) or condition.not_.operator[0] != "equals":
            raise ValueError("FHIR enableWhen can only negate one 'equals'")
        items, _ = _enable_when(bundle, condition.not_, lookup)
        return [{**item, "operator": "!="} for item in items], None
    kind, name = condition.subject
    if kind == "fact":
        raise ValueError("a condition on a derived fact has no FHIR form")
    question, link_id = lookup(kind, name)
    operator, expected = condition.operator
    if operator == "answered":
        return [{"question": link_id, "operator": "exists", "answerBoolean": bool(expected)}], None
    if operator in ("one_of", "contains_any"):
        answers = [_answer(bundle, question, choice) for choice in expected]
        return [{"question": link_id, "operator": "=", **answer} for answer in answers], "any"
    if operator == "contains":
        return [{"question": link_id, "operator": "=", **_answer(bundle, question, expected)}], None
    if not isinstance(expected, (bool, int, float, str)):
        raise ValueError("a comparison with a parameter or a fact has no FHIR form")
    return [{"question": link_id, "operator": _OPERATORS[operator], **_answer(bundle, question, expected)}], None


def _answer(bundle: FormBundle, question: QuestionBase, value: Any) -> dict:
    return {key.replace("value", "answer", 1): item for key, item in _value(bundle, question, value).items()}


def _with_condition(bundle: FormBundle, item: dict, condition: Condition | None, lookup) -> dict:
    if condition is not None:
        items, behaviour = _enable_when(bundle, condition, lookup)
        item["enableWhen"] = items
        if len(items) > 1:
            item["enableBehavior"] = behaviour or "all"
    return item


def page_link_id(section_id: str) -> str:
    """A page's linkId: never a question's, as FHIR wants every linkId unique (que-2); ids have no '-'."""
    return f"page-{section_id}"


def item_link_id(group_id: str, item_id: str) -> str:
    """A group entry's question: 'med_trials.dose_mg', unique even where an item shares a question's id."""
    return f"{group_id}.{item_id}"


def _question_item(bundle: FormBundle, question: QuestionBase, lookup, link_id: str) -> dict:
    item: dict[str, Any] = {"linkId": link_id, "text": question.label.strip(), "type": _type(question)}
    if question.required:
        item["required"] = True
    if isinstance(question, ChoiceQuestion):
        item["answerOption"] = [
            {"valueCoding": {"system": _system(bundle, question), "code": option.value, "display": option.label}}
            for option in question.options
        ]
    if isinstance(question, (MultiChoice, GroupQuestion)):
        item["repeats"] = True
    if isinstance(question, TextQuestion):
        item["maxLength"] = question.max_length
    if isinstance(question, GroupQuestion):

        def in_group(kind: str, name: str) -> tuple[QuestionBase, str]:
            if kind == "item":
                return question.item_question(name), item_link_id(question.id, name)
            return lookup(kind, name)

        item["item"] = [
            _question_item(bundle, child, in_group, item_link_id(question.id, child.id)) for child in question.questions
        ]
    return _with_condition(bundle, item, question.enable_when, lookup)


def questionnaire(bundle: FormBundle) -> dict:
    """The form as a FHIR Questionnaire (JSON-ready dict)."""
    form = bundle.form

    def lookup(kind: str, name: str) -> tuple[QuestionBase, str]:
        question = form.question(name)
        if question is None:
            raise ValueError(f"no question '{name}'")
        return question, question.id

    items = []
    for section in form.sections:
        link_id = page_link_id(section.id)
        if not section.questions:
            items.append({"linkId": link_id, "text": (section.intro or section.title).strip(), "type": "display"})
            continue
        group = {
            "linkId": link_id,
            "text": section.title,
            "type": "group",
            "item": [_question_item(bundle, question, lookup, question.id) for question in section.questions],
        }
        items.append(_with_condition(bundle, group, section.enable_when, lookup))
    return {
        "resourceType": "Questionnaire",
        "id": form.id.replace("_", "-"),
        "url": f"urn:screener:questionnaire:{form.id}",
        "version": form.version,
        "name": form.id,
        "title": form.title,
        "status": "active",
        "language": form.language,
        "item": items,
    }


def questionnaire_response(bundle: FormBundle, document: AnswersDocument) -> dict:
    """The answers that apply as a FHIR QuestionnaireResponse, pointing at ``questionnaire(bundle)``."""
    form = bundle.form
    answers = prune(form, document.answers)
    items = []
    for section in form.sections:
        answered = [question for question in section.questions if question.id in answers]
        if answered:
            items.append(
                {
                    "linkId": page_link_id(section.id),
                    "text": section.title,
                    "item": [
                        entry
                        for question in answered
                        for entry in _response_items(bundle, question, answers[question.id], question.id)
                    ],
                }
            )
    response: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "questionnaire": f"urn:screener:questionnaire:{form.id}|{form.version}",
        "item": items,
    }
    if document.saved_at is not None:
        response["authored"] = document.saved_at.isoformat()
    return response


def _response_items(bundle: FormBundle, question: QuestionBase, value: Any, link_id: str) -> list[dict]:
    base = {"linkId": link_id, "text": question.label.strip()}
    if isinstance(question, GroupQuestion):  # a repeating group: one item per entry
        return [
            {
                **base,
                "item": [
                    child
                    for item in question.questions
                    if item.id in entry
                    for child in _response_items(bundle, item, entry[item.id], item_link_id(question.id, item.id))
                ],
            }
            for entry in value
        ]
    values = value if isinstance(question, MultiChoice) else [value]
    return [{**base, "answer": [_value(bundle, question, choice) for choice in values]}]


def export_bundle(bundle: FormBundle, document: AnswersDocument) -> dict:
    """Both resources in one FHIR Bundle of type 'collection', for a clinic to import."""
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": questionnaire(bundle)}, {"resource": questionnaire_response(bundle, document)}],
    }
