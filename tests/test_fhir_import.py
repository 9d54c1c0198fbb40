"""`screener import --fhir`: a QuestionnaireResponse comes back in as the same answers; what cannot is named."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.cli import main
from screener.content.loading import load
from screener.engine.answers import new_document, parse
from screener.paths import DEFAULT_FORM_DIR
from screener.report.fhir import export_bundle, questionnaire_response
from screener.report.fhir_import import import_response
from tests.conftest import EXAMPLES_DIR
from tests.strategies import valid_answers

BUNDLE = load(DEFAULT_FORM_DIR)


@pytest.mark.parametrize("path", sorted(EXAMPLES_DIR.glob("*.json")), ids=lambda path: path.stem)
def test_export_then_import_gives_back_every_example(tmp_path, path, capsys):
    exported, back = tmp_path / "fhir.json", tmp_path / "back.json"
    assert main(["export", "--fhir", str(path), "-o", str(exported)]) == 0
    assert main(["import", "--fhir", str(exported), "-o", str(back)]) == 0
    assert parse(back.read_bytes(), "back").answers == parse(path.read_bytes(), "example").answers
    assert "could not be carried over" not in capsys.readouterr().err
    assert main(["evaluate", str(back)]) == 0  # an answers file evaluate accepts


@settings(max_examples=40, deadline=None)
@given(answers=valid_answers(BUNDLE.form))
def test_any_valid_answers_survive_the_round_trip(answers):
    document = new_document(BUNDLE.form, answers)
    imported = import_response(BUNDLE, json.loads(json.dumps(export_bundle(BUNDLE, document))))
    assert imported.left_out == ()
    # A group with no entries has no FHIR form (a response item needs an answer or items); to the program
    # it is the same as a group not answered: same facts, findings and summary.
    listed = {key: value for key, value in document.answers.items() if value != []}
    assert imported.document.answers == listed


def test_a_response_from_another_tool_is_read_by_link_id_and_what_does_not_fit_is_named(tmp_path, capsys):
    """No page groups, a code that is no option, a linkId we do not have, a dose out of range in one trial."""
    response = {
        "resourceType": "QuestionnaireResponse",
        "status": "in-progress",
        "questionnaire": "urn:screener:questionnaire:ketamine_ocd|1.5.0",
        "item": [
            *({"linkId": name, "answer": [{"valueBoolean": False}]} for name in SAFETY),
            {"linkId": "name", "answer": [{"valueString": "Ana Ruiz"}]},
            {"linkId": "country", "answer": [{"valueCoding": {"code": "MARS"}}]},
            {"linkId": "favourite_colour", "answer": [{"valueString": "blue"}]},
            {"linkId": "treatment_kinds", "answer": [{"valueCoding": {"code": "medicines"}}]},
            {
                "linkId": "med_trials",
                "item": [
                    {"linkId": "med_trials.medicine", "answer": [{"valueCoding": {"code": "sertraline"}}]},
                    {"linkId": "med_trials.dose_mg", "answer": [{"valueInteger": 99999}]},
                ],
            },
        ],
    }
    source, out = tmp_path / "other_tool.json", tmp_path / "answers.json"
    source.write_text(json.dumps(response), encoding="utf-8")
    assert main(["import", "--fhir", str(source), "-o", str(out)]) == 0
    answers = parse(out.read_bytes(), "imported").answers
    assert answers["name"] == "Ana Ruiz" and answers["med_trials"] == [{"medicine": "sertraline"}]
    assert "country" not in answers and "favourite_colour" not in answers
    err = capsys.readouterr().err
    assert "3 could not be carried over" in err
    assert "country: 'MARS' is not one of this question's options" in err
    assert "favourite_colour: this form has no question with this linkId" in err
    assert "med_trials: entry 1, Highest dose: 99999 is outside the range" in err


SAFETY = ("wish_dead", "better_off_dead", "suicidal_thoughts", "past_attempt")


def test_a_response_evaluate_would_refuse_is_not_written(tmp_path, capsys):
    """Import once said success for files evaluate then refused: a trial without its medicine, safety
    answers missing. Now nothing is written, and every missing answer is named."""
    response = {
        "resourceType": "QuestionnaireResponse",
        "item": [
            {"linkId": "treatment_kinds", "answer": [{"valueCoding": {"code": "medicines"}}]},
            {"linkId": "med_trials", "item": [{"linkId": "med_trials.dose_mg", "answer": [{"valueInteger": 100}]}]},
        ],
    }
    source, out = tmp_path / "partial.json", tmp_path / "answers.json"
    source.write_text(json.dumps(response), encoding="utf-8")
    assert main(["import", "--fhir", str(source), "-o", str(out)]) == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert "nothing was written" in err
    assert "answers > med_trials > entry 1 > medicine: this needs an answer" in err
    for name in SAFETY:
        assert f"answers > {name}: this question needs an answer" in err


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"resourceType": "Patient"}', "it is a 'Patient', not a QuestionnaireResponse"),
        ('{"resourceType": "Bundle", "entry": []}', "the Bundle holds 0 QuestionnaireResponses"),
        (
            '{"resourceType": "QuestionnaireResponse", "questionnaire": "urn:screener:questionnaire:knee_check"}',
            "not 'urn:screener:questionnaire:ketamine_ocd'",
        ),
        ('{"resourceType": "QuestionnaireResponse", "item": []}', "No answer could be carried over"),
        ("[1, 2", "This is not a FHIR JSON file"),
    ],
)
def test_what_cannot_come_in_is_refused_with_a_sentence(tmp_path, capsys, content, message):
    source = tmp_path / "in.json"
    source.write_text(content, encoding="utf-8")
    assert main(["import", "--fhir", str(source), "-o", str(tmp_path / "out.json")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "out.json").exists()


def test_a_response_alone_imports_as_well_as_a_bundle(bundle):
    document = parse((EXAMPLES_DIR / "with_precautions.json").read_bytes(), "example")
    imported = import_response(bundle, questionnaire_response(bundle, document))
    assert imported.document.answers == document.answers


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
EXPORTED = {
    path.stem: export_bundle(BUNDLE, parse(path.read_bytes(), path.stem))
    for path in sorted(EXAMPLES_DIR.glob("*.json"))
}


def _places(value, path=()):
    """Every place in a JSON tree, as the keys and indexes on the way to it."""
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _places(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _places(inner, (*path, index))


def _with(tree, path, value):
    if not path:
        return value
    copy = dict(tree) if isinstance(tree, dict) else list(tree)
    copy[path[0]] = _with(tree[path[0]], path[1:], value)
    return copy


def _at(tree, path):
    for step in path:
        tree = tree[step]
    return tree


@settings(max_examples=250)
@given(
    example=st.sampled_from(sorted(EXPORTED)),
    where=st.integers(min_value=0),
    value=JSON_VALUES | st.integers(min_value=0).map(lambda other: ("swap", other)),
)
def test_any_json_in_any_place_of_a_response_is_imported_or_refused_with_exit_2(example, where, value):
    """Wrong types, lists where objects go, nulls, numbers where lists go, one place's value swapped for
    another's (an answer where a linkId goes): never 'an internal error'."""
    import tempfile
    from pathlib import Path

    exported = EXPORTED[example]
    places = list(_places(exported))
    if isinstance(value, tuple):  # the export's own values, swapped between two places
        value = _at(exported, places[value[1] % len(places)])
    hostile = _with(exported, places[where % len(places)], value)
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "hostile.json", Path(folder) / "answers.json"
        source.write_text(json.dumps(hostile), encoding="utf-8")
        assert main(["import", "--fhir", str(source), "-o", str(out)]) in (0, 2)
        assert main(["evaluate", str(source)]) in (0, 2)
        if out.exists():  # what import writes, evaluate accepts
            assert main(["evaluate", str(out)]) == 0
