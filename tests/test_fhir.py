"""The FHIR export validates with fhir.resources (its R4B models, the closest to R4) and holds the answers."""

from __future__ import annotations

import json

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from screener.cli import main
from screener.engine.answers import parse
from screener.report.fhir import page_link_id, questionnaire, questionnaire_response
from tests.conftest import EXAMPLES_DIR, MINI_FORM_DIR
from tests.fhir_invariants import questionnaire_problems, response_problems


def _items(items):
    for item in items:
        yield item
        yield from _items(item.get("item", []))


@pytest.mark.parametrize("form", ["bundle", "mini"])
def test_the_questionnaire_validates_and_keeps_every_condition(form, request):
    loaded = request.getfixturevalue(form)
    generated = questionnaire(loaded)
    Questionnaire.model_validate(generated)
    by_id = {item["linkId"]: item for item in _items(generated["item"])}
    assert set(by_id) >= {question.id for _, question in loaded.form.questions()}
    conditioned = [question.id for _, question in loaded.form.questions() if question.enable_when is not None]
    conditioned += [page_link_id(section.id) for section in loaded.form.sections if section.enable_when is not None]
    assert all("enableWhen" in by_id[name] for name in conditioned)


def test_a_condition_reads_as_fhir_does(bundle):
    by_id = {item["linkId"]: item for item in _items(questionnaire(bundle)["item"])}
    assert by_id["ybocs_score"]["enableWhen"] == [{"question": "ybocs_known", "operator": "=", "answerBoolean": True}]
    assert by_id["ocd_time"]["enableWhen"] == [{"question": "ybocs_known", "operator": "!=", "answerBoolean": True}]
    medicines = by_id["page-medicines"]["enableWhen"][0]
    assert medicines["question"] == "treatment_kinds" and medicines["answerCoding"]["code"] == "medicines"


def test_the_response_validates_and_holds_the_answers(bundle):
    document = parse((EXAMPLES_DIR / "with_precautions.json").read_bytes(), "example")
    response = questionnaire_response(bundle, document)
    QuestionnaireResponse.model_validate(response)
    by_id = {}
    for item in _items(response["item"]):
        by_id.setdefault(item["linkId"], []).append(item)
    assert len(by_id["med_trials"]) == len(document.answers["med_trials"])
    country = by_id["country"][0]["answer"][0]["valueCoding"]
    assert country["code"] == document.answers["country"]


def test_screener_export_writes_a_private_bundle(tmp_path, capsys):
    out = tmp_path / "export.json"
    assert main(["export", "--fhir", str(EXAMPLES_DIR / "worth_discussing.json"), "-o", str(out)]) == 0
    Bundle.model_validate(json.loads(out.read_text(encoding="utf-8")))
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    example = MINI_FORM_DIR / "examples" / "long_pill_trial.json"
    assert main(["export", "--fhir", str(example), "--form", str(MINI_FORM_DIR), "-o", str(tmp_path / "m.json")]) == 0


@pytest.mark.parametrize("form", ["bundle", "mini"])
def test_the_questionnaire_keeps_the_r4_invariants(form, request):
    """que-2 once failed: the page "Your diagnosis" and its first question shared the linkId 'diagnosis'."""
    assert questionnaire_problems(questionnaire(request.getfixturevalue(form))) == []


@pytest.mark.parametrize("path", sorted(EXAMPLES_DIR.glob("*.json")), ids=lambda path: path.stem)
def test_every_example_response_matches_its_questionnaire(bundle, path):
    document = parse(path.read_bytes(), path.name)
    response = questionnaire_response(bundle, document)
    assert response_problems(response, questionnaire(bundle)) == []


def test_the_checker_catches_what_it_checks(bundle):
    generated = questionnaire(bundle)
    page = next(item for item in generated["item"] if item["linkId"] == "page-diagnosis")
    page["linkId"] = "diagnosis"  # named like its first question, as before
    conditioned = next(item for item in page["item"] if "enableWhen" in item)
    conditioned["enableWhen"][0]["question"] = "page-about"  # a condition on a page, which has no answer
    broken = questionnaire_problems(generated)
    assert any(problem.startswith("que-2: diagnosis") for problem in broken)
    assert any(problem.startswith("enableWhen:") and "is a group" in problem for problem in broken)
    document = parse((EXAMPLES_DIR / "with_precautions.json").read_bytes(), "example")
    response = questionnaire_response(bundle, document)
    country = next(item for page in response["item"] for item in page["item"] if item["linkId"] == "country")
    country["answer"] = [{"valueString": "Mars"}]
    assert any(
        problem.startswith("match: /page-about/country")
        for problem in response_problems(response, questionnaire(bundle))
    )
