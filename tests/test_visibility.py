"""Which pages and questions apply: the function the wizard and the command line share."""

from __future__ import annotations

from screener.engine.visibility import applicable, applicable_item_questions, prune


def test_pages_are_skipped_as_a_whole(bundle):
    shown = applicable(bundle.form, {"treatment_kinds": ["therapy"]})
    assert shown.section_applies("therapy")
    assert not shown.section_applies("medicines")
    assert not shown.applies("med_trials")


def test_question_follows_an_earlier_answer(bundle):
    assert applicable(bundle.form, {"ybocs_known": True}).applies("ybocs_score")
    assert not applicable(bundle.form, {"ybocs_known": True}).applies("ocd_time")
    assert applicable(bundle.form, {"ybocs_known": False}).applies("ocd_time")
    assert applicable(bundle.form, {}).applies("ocd_time")


def test_answer_on_an_abandoned_branch_is_dropped(bundle):
    answers = {
        "treatment_kinds": ["therapy"],
        "med_trials": [{"medicine": "sertraline"}],
        "switching": True,
        "ybocs_known": False,
        "ybocs_score": 30,
    }
    kept = prune(bundle.form, answers)
    assert "med_trials" not in kept and "switching" not in kept and "ybocs_score" not in kept
    assert kept["treatment_kinds"] == ["therapy"]


def test_a_hidden_answer_cannot_open_a_later_question(bundle):
    # other_diagnoses_details depends on other_diagnoses; prior_ketamine_result on a hidden page's answer
    answers = {"treatment_kinds": ["medicines"], "other_treatment_kinds": ["ketamine"]}
    assert not applicable(bundle.form, answers).applies("prior_ketamine_result")


def test_group_items_branch_on_their_own_entry(bundle):
    group = bundle.form.question("therapy_trials")
    weekly = [q.id for q in applicable_item_questions(group, {"therapy_format": "weekly"}, {})]
    intensive = [q.id for q in applicable_item_questions(group, {"therapy_format": "intensive"}, {})]
    assert "sessions" in weekly and "intensive_weeks" not in weekly
    assert "intensive_weeks" in intensive and "sessions" not in intensive
    kept = prune(
        bundle.form,
        {
            "treatment_kinds": ["therapy"],
            "therapy_trials": [
                {"therapy_type": "erp", "therapy_format": "intensive", "sessions": 40, "intensive_weeks": 3}
            ],
        },
    )
    assert kept["therapy_trials"] == [{"therapy_type": "erp", "therapy_format": "intensive", "intensive_weeks": 3}]
