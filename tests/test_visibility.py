"""Which pages and questions apply: the function the wizard and the command line share (on the test form)."""

from __future__ import annotations

from screener.engine.visibility import applicable, applicable_item_questions, prune


def test_pages_are_skipped_as_a_whole(mini):
    shown = applicable(mini.form, {"tried_kinds": ["exercise"]})
    assert shown.section_applies("exercise")
    assert not shown.section_applies("pills")
    assert not shown.applies("pill_trials")


def test_question_follows_an_earlier_answer(mini):
    assert applicable(mini.form, {"quoted": True}).applies("price")
    assert not applicable(mini.form, {"quoted": False}).applies("price")
    assert not applicable(mini.form, {}).applies("price")


def test_answer_on_an_abandoned_branch_is_dropped(mini):
    answers = {"tried_kinds": ["exercise"], "pill_trials": [{"pill": "ibuprofen"}], "quoted": False, "price": 80}
    kept = prune(mini.form, answers)
    assert "pill_trials" not in kept and "price" not in kept
    assert kept["tried_kinds"] == ["exercise"]


def test_a_hidden_answer_cannot_open_a_later_question(mini):
    # price depends on quoted, which is answered; pill_trials on a page that a later answer would not reopen
    answers = {"tried_kinds": ["nothing"], "pill_trials": [{"pill": "other", "pill_other": "Naproxen"}]}
    assert not applicable(mini.form, answers).applies("pill_trials")


def test_group_items_branch_on_their_own_entry(mini):
    group = mini.form.question("pill_trials")
    other = [q.id for q in applicable_item_questions(group, {"pill": "other"}, {})]
    known = [q.id for q in applicable_item_questions(group, {"pill": "ibuprofen"}, {})]
    assert "pill_other" in other and "pill_other" not in known
    kept = prune(
        mini.form,
        {"tried_kinds": ["pills"], "pill_trials": [{"pill": "ibuprofen", "pill_other": "left over", "pill_weeks": 3}]},
    )
    assert kept["pill_trials"] == [{"pill": "ibuprofen", "pill_weeks": 3}]
