"""The answers document: every kind of wrong answer is reported, all at once, in plain words (test form)."""

from __future__ import annotations

import json

import pytest

from screener.content.problems import ProblemsError
from screener.engine.answers import SCHEMA_VERSION, AnswersDocument, FormRef, check, dumps, new_document, parse
from tests.conftest import NO_SAFETY_RISK


def _problems(bundle, answers, complete=True):
    return [
        f"{p.where}: {p.reason}"
        for p in check(bundle.form, new_document(bundle.form, answers), "a.json", complete=complete)
    ]


def test_every_problem_is_reported_at_once(mini):
    problems = _problems(
        mini,
        {
            "feeling_unsafe": "maybe",
            "favourite_colour": "blue",
            "pain_years": 81,
            "visit_date": "14/12/2026",
            "tried_kinds": ["pills"],
            "pill_trials": [
                {"pill": "aspirin", "pill_weeks": "a lot", "colour": "red"},
                {"pill": "ibuprofen", "pill_weeks": 2.5},
            ],
            "price": 80,
        },
    )
    assert "answers > feeling_unsafe: expected yes (true) or no (false)" in problems
    assert "answers > favourite_colour: there is no question with this id in the form" in problems
    assert "answers > pain_years: 81 is outside the range 0 to 80 years" in problems
    assert "answers > visit_date: '14/12/2026' is not a date written as YYYY-MM-DD" in problems
    assert any(p.startswith("answers > pill_trials > entry 1 > pill: 'aspirin' is not an option") for p in problems)
    assert "answers > pill_trials > entry 1 > pill_weeks: expected a number" in problems
    assert "answers > pill_trials > entry 2 > pill_weeks: expected a whole number" in problems
    assert "answers > pill_trials > entry 1 > colour: a pill has no question with this id" in problems
    assert "answers > price: this question does not apply, given the other answers; remove this answer" in problems


def test_required_answer_missing(mini):
    assert any(p.startswith("answers > feeling_unsafe: this question needs an answer") for p in _problems(mini, {}))
    assert _problems(mini, {}, complete=False) == []


def test_required_item_answer_missing(mini):
    problems = _problems(mini, {"feeling_unsafe": False, "tried_kinds": ["pills"], "pill_trials": [{"pill_weeks": 3}]})
    assert any(p.startswith("answers > pill_trials > entry 1 > pill: this needs an answer") for p in problems)


def test_null_means_no_answer(mini):
    assert _problems(mini, {"feeling_unsafe": False, "pain_years": None}) == []


def test_exclusive_option_cannot_be_combined(mini):
    problems = _problems(mini, {"feeling_unsafe": False, "tried_kinds": ["nothing", "pills"]})
    assert "answers > tried_kinds: 'nothing' cannot be combined with other choices" in problems


def test_round_trip(mini):
    document = new_document(mini.form, {"feeling_unsafe": True, "nickname": "Zoë"}, page="pain")
    assert parse(dumps(document), "a.json") == document


@pytest.mark.parametrize(
    "text, reason",
    [
        ("{not json", "this is not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (b"\xff\xfe\x00", "not text"),
        ('{"schema_version": 1, "form": {"id": "x"}}', "form > version: this is required but missing"),
        (
            json.dumps({"schema_version": SCHEMA_VERSION + 1, "form": {"id": "k", "version": "1.0.0"}}),
            "made by a newer version of screener",
        ),
    ],
)
def test_broken_documents_get_a_plain_reason(text, reason):
    with pytest.raises(ProblemsError) as caught:
        parse(text, "a.json")
    assert reason in caught.value.render()


def test_answers_for_another_form_or_major_version(bundle):
    other = AnswersDocument(schema_version=1, form=FormRef(id="other", version="1.0.0"))
    assert "these answers are for the form 'other'" in str(next(iter(check(bundle.form, other, "a.json"))))
    newer = AnswersDocument(schema_version=1, form=FormRef(id=bundle.form.id, version="2.0.0"))
    assert "which asks different questions" in str(next(iter(check(bundle.form, newer, "a.json"))))


def test_a_broken_character_is_refused_with_a_reason(bundle):
    problems = _problems(bundle, {**NO_SAFETY_RISK, "name": "Zo\ud800"})
    assert problems == [
        "answers > name: the text has a broken character (U+D800) that cannot be saved; please retype it"
    ]


@pytest.mark.parametrize(
    ("country", "budget", "refused"),
    [("CO", 4_000_000, False), ("US", 4_000_000, True), ("MX", 15_000_000, False), ("GB", 1_000_000, False)],
)
def test_money_limits_depend_on_the_currency(bundle, country, budget, refused):
    """A budget is checked against the most for the patient's own currency: pesos run to more digits."""
    answers = {"country": country, "budget_3_months": budget}
    problems = check(bundle.form, new_document(bundle.form, answers), "a.json", complete=False)
    assert bool(problems.items) == refused, problems.items
