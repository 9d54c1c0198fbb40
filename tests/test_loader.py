"""The loader accepts the shipped form and names every planted fault, all in one run."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from screener.content.loading import load
from screener.content.problems import ProblemsError


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        load(folder)
    return [str(problem) for problem in caught.value.problems]


def _question(data: dict, question_id: str) -> dict:
    return next(q for section in data["sections"] for q in section["questions"] if q["id"] == question_id)


def _rule(data: dict, rule_id: str) -> dict:
    return next(rule for rule in data["rules"] if rule["id"] == rule_id)


def test_shipped_form_loads(bundle):
    assert bundle.form.id == "ketamine_ocd"
    assert [outcome.id for outcome in bundle.rules.outcomes] == [
        "get_help_now",
        "other_steps_first",
        "worth_discussing_with_precautions",
        "worth_discussing",
    ]


def test_planted_faults_are_all_named_in_one_run(form_copy):
    def break_form(data):
        _question(data, "ybocs_score")["enable_when"] = {"answer": "ybocs_knwn", "equals": True}
        _question(data, "clinic")["id"] = "name"

    def break_rules(data):
        del _rule(data, "precaution_glaucoma")["cite"]
        _rule(data, "precaution_liver")["cite"] = [{"source": "no_such_source"}]

    _edit(form_copy / "form.yaml", break_form)
    _edit(form_copy / "rules.yaml", break_rules)
    problems = "\n".join(_problems(form_copy))
    assert "form.yaml: question 'ybocs_score' > enable_when: unknown answer id 'ybocs_knwn'" in problems
    assert "form.yaml: question 'name': this question id is used more than once" in problems
    assert "rules.yaml: rule 'precaution_glaucoma' > cite: this is required but missing" in problems
    assert "rules.yaml: rule 'precaution_liver': cites unknown source 'no_such_source'" in problems


def test_condition_naming_an_option_that_does_not_exist(form_copy):
    _edit(
        form_copy / "form.yaml",
        lambda data: _question(data, "diagnosis_when").__setitem__(
            "enable_when", {"answer": "diagnosis", "one_of": ["psychiatrist", "neurologist"]}
        ),
    )
    problems = _problems(form_copy)
    assert any(
        "question 'diagnosis_when' > enable_when: 'diagnosis': no such option: neurologist" in p for p in problems
    )


def test_condition_may_only_look_back(form_copy):
    _edit(
        form_copy / "form.yaml",
        lambda data: _question(data, "name").__setitem__("enable_when", {"answer": "country", "equals": "US"}),
    )
    assert any(
        "unknown answer id 'country' (it does not exist, or does not come earlier)" in p for p in _problems(form_copy)
    )


def test_citation_of_a_section_the_article_does_not_have(form_copy):
    _edit(
        form_copy / "rules.yaml",
        lambda data: _rule(data, "no_diagnosis").__setitem__(
            "cite", [{"source": "article_benefits", "section": "Who should not have ketamine"}]
        ),
    )
    assert any(
        "rule 'no_diagnosis': source 'article_benefits' has no section “Who should not have ketamine”" in p
        for p in _problems(form_copy)
    )


def test_reason_placeholder_must_exist(form_copy):
    _edit(
        form_copy / "rules.yaml",
        lambda data: _rule(data, "short_trials").__setitem__("reason", "You had {short_trails} short trials."),
    )
    assert any(
        "rule 'short_trials' > reason: {short_trails} is neither a fact nor a question id" in p
        for p in _problems(form_copy)
    )


def test_structural_error_in_one_question_does_not_hide_others(form_copy):
    def change(data):
        _question(data, "ybocs_score")["minimum"] = "zero"
        _question(data, "age_band")["kind"] = "dropdown"
        _question(data, "clinic")["lable"] = "typo"

    _edit(form_copy / "form.yaml", change)
    problems = "\n".join(_problems(form_copy))
    assert "question 'ybocs_score'" in problems and "minimum" in problems
    assert "question 'age_band'" in problems
    assert "question 'clinic' > lable: this key is not allowed here (misspelt?)" in problems


def test_broken_yaml_names_the_line(form_copy):
    path = form_copy / "parameters.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  broken: [unclosed\n", encoding="utf-8")
    problems = _problems(form_copy)
    assert any("parameters.yaml: line" in p and "not valid YAML" in p for p in problems)


def test_missing_file_is_named(form_copy):
    (form_copy / "rules.yaml").unlink()
    assert any("rules.yaml: cannot read this file" in p for p in _problems(form_copy))


def test_region_options_need_regions(form_copy):
    _edit(form_copy.parent / "regions.yaml", lambda data: data["regions"].pop("AU"))
    assert any("question 'country': option 'AU' has no entry in regions.yaml" in p for p in _problems(form_copy))


def test_report_layout_names_real_questions(form_copy):
    def change(data):
        data["tables"]["medicines"]["columns"].append({"question": "colour", "label": "Colour"})
        data["answer_sections"]["goals"] = "hopes_and_dreams"

    _edit(form_copy / "report.yaml", change)
    problems = "\n".join(_problems(form_copy))
    assert "report.yaml: table 'medicines': 'colour' is not a question of 'med_trials'" in problems
    assert "report.yaml: goals: 'hopes_and_dreams' is not a section of the form" in problems
