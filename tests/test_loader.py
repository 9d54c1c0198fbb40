"""The loader accepts a form and names every planted fault, all in one run (on a copy of the test form)."""

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


def test_the_shipped_form_loads(bundle):
    assert bundle.form.id == "ketamine_ocd"
    assert [outcome.id for outcome in bundle.rules.outcomes] == [
        "get_help_now",
        "other_steps_first",
        "worth_discussing_with_precautions",
        "worth_discussing",
    ]


def test_planted_faults_are_all_named_in_one_run(mini_copy):
    def break_form(data):
        _question(data, "price")["enable_when"] = {"answer": "quotd", "equals": True}
        _question(data, "side")["id"] = "nickname"

    def break_rules(data):
        del _rule(data, "long_pills")["cite"]
        _rule(data, "unsafe")["cite"] = [{"source": "no_such_source"}]

    _edit(mini_copy / "form.yaml", break_form)
    _edit(mini_copy / "rules.yaml", break_rules)
    problems = "\n".join(_problems(mini_copy))
    assert "form.yaml: question 'price' > enable_when: unknown answer id 'quotd'" in problems
    assert "form.yaml: question 'nickname': this question id is used more than once" in problems
    assert "rules.yaml: rule 'long_pills' > cite: this is required but missing" in problems
    assert "rules.yaml: rule 'unsafe': cites unknown source 'no_such_source'" in problems


def test_condition_naming_an_option_that_does_not_exist(mini_copy):
    _edit(
        mini_copy / "form.yaml",
        lambda data: _question(data, "pain_years").__setitem__(
            "enable_when", {"answer": "side", "one_of": ["left", "middle"]}
        ),
    )
    assert any("question 'pain_years' > enable_when: 'side': no such option: middle" in p for p in _problems(mini_copy))


def test_a_comparison_the_kind_does_not_allow(mini_copy):
    _edit(
        mini_copy / "form.yaml",
        lambda data: _question(data, "pain_years").__setitem__("enable_when", {"answer": "side", "at_least": 2}),
    )
    assert any(
        "'side': 'at_least' compares numbers, but this is not a number question" in p for p in _problems(mini_copy)
    )


def test_condition_may_only_look_back(mini_copy):
    _edit(
        mini_copy / "form.yaml",
        lambda data: _question(data, "nickname").__setitem__("enable_when", {"answer": "region", "equals": "NORTH"}),
    )
    assert any(
        "unknown answer id 'region' (it does not exist, or does not come earlier)" in p for p in _problems(mini_copy)
    )


def test_a_condition_may_not_name_a_group_of_entries(mini_copy):
    _edit(
        mini_copy / "form.yaml",
        lambda data: _question(data, "knee_surgery").__setitem__(
            "enable_when", {"answer": "pill_trials", "answered": True}
        ),
    )
    problems = "\n".join(_problems(mini_copy))
    assert "question 'knee_surgery' > enable_when: 'pill_trials' is a group of entries, which has no answer" in problems


def test_citation_of_a_section_the_article_does_not_have(mini_copy):
    _edit(
        mini_copy / "rules.yaml",
        lambda data: _rule(data, "long_pills").__setitem__("cite", [{"source": "test_article", "section": "Methods"}]),
    )
    assert any("rule 'long_pills': source 'test_article' has no section “Methods”" in p for p in _problems(mini_copy))


def test_reason_placeholder_must_exist(mini_copy):
    _edit(
        mini_copy / "rules.yaml",
        lambda data: _rule(data, "long_pills").__setitem__("reason", "You had {long_pil_trials} trials."),
    )
    assert any(
        "rule 'long_pills' > text or reason: {long_pil_trials} is neither a fact nor a question id" in p
        for p in _problems(mini_copy)
    )


def test_structural_error_in_one_question_does_not_hide_others(mini_copy):
    def change(data):
        _question(data, "pain_years")["minimum"] = "zero"
        _question(data, "side")["kind"] = "dropdown"
        _question(data, "knee_surgery")["lable"] = "typo"

    _edit(mini_copy / "form.yaml", change)
    problems = "\n".join(_problems(mini_copy))
    assert "question 'pain_years'" in problems and "minimum" in problems
    assert "question 'side'" in problems
    assert "question 'knee_surgery' > lable: this key is not allowed here (misspelt?)" in problems


def test_broken_yaml_names_the_line(mini_copy):
    path = mini_copy / "parameters.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  broken: [unclosed\n", encoding="utf-8")
    assert any("parameters.yaml: line" in p and "not valid YAML" in p for p in _problems(mini_copy))


def test_missing_file_is_named(mini_copy):
    (mini_copy / "rules.yaml").unlink()
    assert any("rules.yaml: cannot read this file" in p for p in _problems(mini_copy))


def test_region_options_need_regions(mini_copy):
    _edit(mini_copy.parent / "regions.yaml", lambda data: data["regions"].pop("NORTH"))
    assert any("question 'region': option 'NORTH' has no entry in regions.yaml" in p for p in _problems(mini_copy))


def test_report_layout_names_real_questions(mini_copy):
    def change(data):
        pills = next(block for block in data["blocks"] if block["id"] == "pills")
        pills["columns"].append({"question": "colour", "label": "Colour"})
        data["blocks"].append({"id": "extra", "type": "answers", "questions": ["hopes_and_dreams"]})

    _edit(mini_copy / "report.yaml", change)
    problems = "\n".join(_problems(mini_copy))
    assert "report.yaml: block 'pills' (table): 'colour' is not a question of 'pill_trials'" in problems
    assert "report.yaml: block 'extra' (answers): 'hopes_and_dreams' is not a question of the form" in problems


def test_a_missing_or_misplaced_block_is_named(mini_copy):
    def change(data):
        data["blocks"] = [block for block in data["blocks"] if block["type"] not in ("crisis", "questions")]
        data["blocks"].insert(2, {"id": "late_header", "type": "about", "text": "x"})

    _edit(mini_copy / "report.yaml", change)
    problems = "\n".join(_problems(mini_copy))
    assert "report.yaml: blocks: no 'crisis' block: crisis help must stand first" in problems
    assert "report.yaml: blocks: no 'questions' block" in problems


def test_crisis_help_must_come_first_and_every_finding_must_be_shown(mini_copy):
    def change(data):
        blocks = data["blocks"]
        crisis = next(block for block in blocks if block["type"] == "crisis")
        blocks.remove(crisis)
        blocks.insert(4, crisis)
        data["blocks"] = [block for block in blocks if block["id"] != "findings"]

    _edit(mini_copy / "report.yaml", change)
    problems = "\n".join(_problems(mini_copy))
    assert "the 'crisis' block must come before every block but the header" in problems
    assert "rule 'long_pills' (information) would be shown by no findings block" in problems


def test_a_reading_must_pair_two_numbers_in_the_same_unit(mini_copy):
    def break_form(data):
        _question(data, "pain_years")["reading"] = {"second": "side", "label": "Pain"}

    _edit(mini_copy / "form.yaml", break_form)
    problems = "\n".join(_problems(mini_copy))
    assert (
        "form.yaml: question 'pain_years' > reading: 'side' is not a number question in years in this form" in problems
    )


def test_a_picture_must_show_the_numbers_its_words_state(form_copy):
    """Each picture of 100 people agrees with its row, every option has one, and every grade has a word."""

    def change(data):
        options = next(block for block in data["blocks"] if block["type"] == "options")
        by_id = {option["id"]: option for option in options["options"]}
        by_id["deep_tms"]["pictures"][0]["people"] = 39  # the row says 38 in 100
        by_id["antipsychotic"]["pictures"][1]["up_to"] = 17  # a range must rise: 18 to 17
        by_id["clomipramine"]["pictures"] = []
        del options["grades"]["very_low"]

    _edit(form_copy / "report.yaml", change)
    problems = "\n".join(_problems(form_copy))
    where = "report.yaml: block 'options' (options)"
    assert f"{where} > option 'deep_tms' > benefit picture: shows 39 in 100, which its benefit text" in problems
    assert f"{where} > option 'antipsychotic' > harm picture: 'up_to' 17 is not above 18" in problems
    assert f"{where} > option 'clomipramine': has no picture of 100 people" in problems
    assert f"{where} > grades: no word for the grade 'very_low'" in problems
