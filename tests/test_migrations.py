"""Answers from an earlier form version are carried over by the steps in migrations.yaml; nothing is guessed.

The file kept in tests/forms/old_answers/ is the "with precautions" example as form 1.0.0 wrote it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from screener.cli import main
from screener.content.loading import load
from screener.content.problems import ProblemsError
from screener.engine.answers import parse
from screener.engine.evaluation import evaluate_answers
from screener.engine.migration import carry_over
from screener.store.drafts import DraftStore

OLD = Path(__file__).parent / "forms" / "old_answers" / "ketamine_ocd-1.0.0-with_precautions.json"


def test_a_1_0_0_answers_file_evaluates_with_what_was_carried_over_and_a_list_of_what_was_not(bundle, capsys):
    assert main(["evaluate", str(OLD), "--json"]) == 0
    captured = capsys.readouterr()
    # its ERP course does not say whether it was finished (asked since 1.5.0), so it is not counted as full
    assert '"outcome": "other_steps_first"' in captured.out
    assert "not said if the course was finished" in captured.out
    assert '"id": "safety_not_answered"' in captured.out  # the new safety questions: never read as no
    assert "made with version 1.0.0 of the form, carried over to 1.5.0" in captured.err
    assert "not carried over: current_ocd_medicines (version 1.1.0 no longer asks this question)" in captured.err
    assert "not carried over: Thoughts of suicide (past week) ('none' is no longer one of the answers" in captured.err
    assert "new since then, not answered: Wished to be dead (past weeks)" in captured.err


def test_what_each_step_carries_over(bundle):
    old = parse(OLD.read_bytes(), "old")
    carried = carry_over(bundle.form, bundle.migrations, old)
    answers = carried.document.answers
    assert carried.document.form.version == bundle.form.version and carried.from_version == "1.0.0"
    first = answers["med_trials"][0]
    assert first["weeks_at_dose"] == 12 and first["weeks_total"] == 12 and "weeks" not in first  # renamed, filled
    assert answers["conditions"] == ["glaucoma", "bladder"] and answers["age_band"] == "age_25_44"  # unchanged
    assert "suicidal_thoughts" not in answers and "current_ocd_medicines" not in answers  # never guessed
    result = evaluate_answers(bundle, answers)
    assert result.facts["adequate_med_trials"] == 2


@pytest.mark.parametrize(
    "old_answer, carried",
    [
        ({"age_band": "age_65_plus"}, {"age_band": "age_61_plus"}),
        ({"age_band": "age_45_64"}, {}),  # now split at 60: asked again
        ({"suicidal_thoughts": "plan"}, {"suicidal_thoughts": True}),  # any thoughts: a yes, never a no
        ({"suicidal_thoughts": "none"}, {}),  # "none in two weeks" is not "no" today: asked again
        ({"conditions": ["thyroid", "glaucoma"]}, {"conditions": ["thyroid", "glaucoma"]}),  # gone in 1.1, back in 1.2
    ],
)
def test_renamed_and_removed_options(bundle, old_answer, carried):
    old = dataclasses.replace(parse(OLD.read_bytes(), "old"), answers={"country": "US", **old_answer})
    assert carry_over(bundle.form, bundle.migrations, old).document.answers == {"country": "US", **carried}


def test_a_draft_of_an_earlier_version_resumes_with_the_rest_marked(bundle, tmp_path):
    store = DraftStore(bundle.form, tmp_path / "data", migrations=bundle.migrations)
    store.folder.mkdir(parents=True)
    store.path.write_bytes(OLD.read_bytes())
    found = store.find()
    assert found.problem is None and found.document.form.version == bundle.form.version
    assert found.document.answers["med_trials"][1]["weeks_at_dose"] == 10
    assert "suicidal_thoughts" in found.answer_again and found.no_longer_asked == ("current_ocd_medicines",)
    assert found.moved_to.read_bytes() == OLD.read_bytes()  # the draft as it was, kept


def _edit_migrations(folder: Path, change) -> None:
    path = folder / "migrations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["steps"][0])
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_check_refuses_a_step_naming_ids_that_did_not_exist(form_copy):
    def break_step(step):
        step["renamed_questions"]["med_trials.weekz"] = "med_trials.weeks_in_all"
        step["removed_options"]["age_band"].append("age_100_plus")
        step["renamed_options"]["age_band"]["age_18_24"] = "age_18_30"

    _edit_migrations(form_copy, break_step)
    with pytest.raises(ProblemsError) as caught:
        load(form_copy)
    problems = "\n".join(str(problem) for problem in caught.value.problems)
    assert "'med_trials.weekz' was not a question in 1.0.0" in problems
    assert "'med_trials.weeks_in_all' is not a question in 1.1.0" in problems
    assert "removed_options > age_band: 'age_100_plus' was not an option" in problems
    assert "renamed_options > age_band: 'age_18_30' is not an option in 1.1.0" in problems
