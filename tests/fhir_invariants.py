"""The FHIR R4 invariants our export can break, checked as the specification words them.

fhir.resources checks each resource's structure (names, types, cardinality) but not its invariants (the
FHIRPath rules such as que-2, "linkIds must be unique"), and no maintained Python library evaluates them, so
the ones that apply to our Questionnaire and QuestionnaireResponse are written out here, one function each.
Each returns the problems found as "rule: where: what", so a test can show them all at once.

Questionnaire (R4 4.0.1): que-1 group has items and display has none; que-2 unique linkIds; que-3 no code on
display; que-4 not both answerOption and answerValueSet; que-5 options only on choice items; que-6 no
required or repeats on display; que-7 'exists' takes a boolean; que-8 no initial on group or display;
que-9 no readOnly on display; que-10 maxLength only on simple types; que-11 no initial with answerOption;
que-12 enableBehavior with more than one enableWhen; que-13 several initial values only when repeating.
Plus what FHIR says in prose: enableWhen.question names a question item (not a group or display) of this
Questionnaire, and its answer[x] is of that question's type.

QuestionnaireResponse: qrs-1 an item has nested items or answers with items, not both; qrs-2 repeated
answers are one item with several answers. Plus the match with its Questionnaire: every linkId exists there,
in the same place, each answer of the item's type and, for a choice, one of its answerOptions; an item that
does not repeat has at most one answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

SIMPLE_TYPES = {"boolean", "decimal", "integer", "string", "text", "url", "open-choice"}
ANSWER_KEYS = {  # the item type -> the answer[x] / value[x] it takes
    "boolean": "Boolean",
    "decimal": "Decimal",
    "integer": "Integer",
    "date": "Date",
    "string": "String",
    "text": "String",
    "choice": "Coding",
}


def _walk(items: list[dict], parent: str = "") -> Iterator[tuple[str, dict]]:
    for item in items:
        where = f"{parent}/{item['linkId']}"
        yield where, item
        yield from _walk(item.get("item", []), where)


def questionnaire_problems(questionnaire: dict) -> list[str]:
    problems: list[str] = []
    every = list(_walk(questionnaire.get("item", [])))
    by_link = {item["linkId"]: item for _, item in every}
    for link_id, count in Counter(item["linkId"] for _, item in every).items():
        if count > 1:
            problems.append(f"que-2: {link_id}: used by {count} items")
    for where, item in every:
        kind, nested = item["type"], item.get("item", [])
        if kind == "group" and not nested:
            problems.append(f"que-1: {where}: a group without items")
        if kind == "display":
            if nested:
                problems.append(f"que-1: {where}: a display item with items")
            for key, rule in (("code", "que-3"), ("required", "que-6"), ("repeats", "que-6"), ("readOnly", "que-9")):
                if key in item:
                    problems.append(f"{rule}: {where}: '{key}' on a display item")
        if "answerOption" in item and "answerValueSet" in item:
            problems.append(f"que-4: {where}: both answerOption and answerValueSet")
        if ("answerOption" in item or "answerValueSet" in item) and kind not in ("choice", "open-choice"):
            problems.append(f"que-5: {where}: answer options on a '{kind}' item")
        initial = item.get("initial", [])
        if initial and kind in ("group", "display"):
            problems.append(f"que-8: {where}: initial value on a '{kind}' item")
        if "maxLength" in item and kind not in SIMPLE_TYPES:
            problems.append(f"que-10: {where}: maxLength on a '{kind}' item")
        if initial and "answerOption" in item:
            problems.append(f"que-11: {where}: initial value beside answerOption")
        if len(initial) > 1 and not item.get("repeats"):
            problems.append(f"que-13: {where}: several initial values on an item that does not repeat")
        conditions = item.get("enableWhen", [])
        if len(conditions) > 1 and "enableBehavior" not in item:
            problems.append(f"que-12: {where}: {len(conditions)} enableWhen without enableBehavior")
        for condition in conditions:
            problems += _condition_problems(where, condition, by_link)
    return problems


def _condition_problems(where: str, condition: dict, by_link: dict[str, dict]) -> list[str]:
    answer_keys = [key for key in condition if key.startswith("answer")]
    if condition["operator"] == "exists":
        return [] if answer_keys == ["answerBoolean"] else [f"que-7: {where}: 'exists' without answerBoolean"]
    target = by_link.get(condition["question"])
    if target is None:
        return [f"enableWhen: {where}: '{condition['question']}' is no item of this Questionnaire"]
    if target["type"] in ("group", "display"):
        return [f"enableWhen: {where}: '{condition['question']}' is a {target['type']}, which has no answer"]
    expected = f"answer{ANSWER_KEYS[target['type']]}"
    if answer_keys != [expected]:
        return [f"enableWhen: {where}: {answer_keys} for a '{target['type']}' question (needs {expected})"]
    return []


def response_problems(response: dict, questionnaire: dict) -> list[str]:
    """qrs-1, qrs-2, and every item and answer where the Questionnaire puts it, of the type it says."""
    problems: list[str] = []
    places = dict(_walk(questionnaire.get("item", [])))
    for where, item in _walk(response.get("item", [])):
        asked = places.get(where)
        if asked is None:
            problems.append(f"match: {where}: no item at this place in the Questionnaire")
            continue
        answers = item.get("answer", [])
        if item.get("item") and any("item" in answer for answer in answers):
            problems.append(f"qrs-1: {where}: items both beside and beneath the answers")
        if len(answers) > 1 and not asked.get("repeats"):
            problems.append(f"match: {where}: {len(answers)} answers to an item that does not repeat")
        key = f"value{ANSWER_KEYS.get(asked['type'], '')}"
        options = [option["valueCoding"]["code"] for option in asked.get("answerOption", [])]
        for answer in answers:
            if [name for name in answer if name.startswith("value")] != [key]:
                problems.append(f"match: {where}: an answer that is not {key} (item type '{asked['type']}')")
            elif asked["type"] == "choice" and answer[key]["code"] not in options:
                problems.append(f"match: {where}: '{answer[key]['code']}' is not one of its answerOptions")
    for parent, siblings in _sibling_lists(response.get("item", [])):
        for link_id, count in Counter(item["linkId"] for item in siblings).items():
            if count > 1 and places.get(f"{parent}/{link_id}", {}).get("type") != "group":
                problems.append(f"qrs-2: {parent}/{link_id}: {count} items where one item takes several answers")
    return problems


def _sibling_lists(items: list[dict], parent: str = "") -> Iterator[tuple[str, list[dict]]]:
    """Each list of items that share one parent item (each entry of a repeating group is a parent of its own)."""
    yield parent, items
    for item in items:
        yield from _sibling_lists(item.get("item", []), f"{parent}/{item['linkId']}")
