"""The questionnaire session without Qt: branching, Back, progress, crisis help, review and the draft."""

from __future__ import annotations

import datetime as dt

import pytest

from screener.session.questionnaire import REVIEW, SUMMARY, QuestionnaireSession


@pytest.fixture
def session(bundle):
    return QuestionnaireSession(bundle)


def test_next_and_previous_follow_the_branches(session):
    session.set_answer("treatment_kinds", ["therapy"])
    assert session.next_step("treatments_overview") == "therapy"
    assert session.next_step("therapy") == "medical"  # "Other treatments" does not apply
    assert session.previous_step("medical") == "therapy"
    assert session.next_step("concerns") == REVIEW and session.next_step(REVIEW) == SUMMARY


def test_a_page_is_skipped_only_once_the_answer_that_skips_it_is_given(session):
    def state(step, current):
        return next(s.state for s in session.progress(current).steps if s.id == step)

    assert state("medicines", "about") == "todo"  # not yet known
    before = session.progress("about")
    session.set_answer("treatment_kinds", ["therapy"])
    assert state("medicines", "about") == "skipped" and state("therapy", "about") == "todo"
    after = session.progress("about")
    assert after.position == before.position and after.total == before.total - 2


def test_an_unanswered_deciding_question_decides_once_the_patient_is_past_it(session):
    assert next(s.state for s in session.progress("medical").steps if s.id == "medicines") == "skipped"
    assert next(s.state for s in session.progress("diagnosis").steps if s.id == "medicines") == "todo"


def test_the_step_count_never_goes_up_and_the_position_moves_one_at_a_time(session):
    session.set_answer("treatment_kinds", ["medicines"])
    step, positions, totals = "welcome", [], []
    while step != SUMMARY:
        progress = session.progress(step)
        positions.append(progress.position)
        totals.append(progress.total)
        step = session.next_step(step)
    assert positions == list(range(1, len(positions) + 1))
    assert totals == sorted(totals, reverse=True)


@pytest.mark.parametrize(
    ("country", "line"),
    [
        ("GB", "Samaritans"),
        ("AU", "Lifeline"),
        ("EU", "Find A Helpline"),
        ("OTHER", "Find A Helpline"),
        (None, "Find A Helpline"),
    ],
)
def test_crisis_help_shows_the_regions_line_or_the_directory(session, country, line):
    if country:
        session.set_answer("country", country)
    assert session.set_answer("wish_dead", True) is True
    labels = [item.label for item in session.crisis.lines]
    assert labels == [line] and session.crisis.emergency


def test_crisis_help_stays_reachable_after_the_answer_changes(session):
    session.set_answer("suicidal_thoughts", True)
    session.set_answer("thoughts_now", True)
    assert session.crisis.urgent
    session.set_answer("suicidal_thoughts", False)  # "right now" no longer applies
    assert session.crisis is None and session.crisis_seen and session.last_crisis is not None


def test_a_past_attempt_answered_first_says_nothing_of_questions_still_empty(session):
    session.set_answer("past_attempt", True)  # the panel appears at once, before the recent-weeks questions
    message = session.crisis.message
    assert "tried to kill yourself in the past" in message
    assert "said no" not in message and "stronger" not in message


def test_review_reads_like_speech_with_empty_questions_named(session):
    session.set_answer("country", "GB")
    session.set_answer("treatment_kinds", ["medicines"])
    session.set_answer("med_trials", [{"medicine": "sertraline", "dose_mg": 150, "stopped_side_effects": False}])
    session.set_answer("budget_3_months", 3000)
    lines = {line.label: line.value for part in session.review() for line in part.lines}
    trial = lines["Medicines you have tried"]
    assert "Medicine: Sertraline" in trial and "Stopped for side effects: No" in trial
    assert "£3,000" in lines.values()
    assert "not answered" in lines.values()


def test_the_draft_holds_only_what_applies(session):
    session.set_answer("treatment_kinds", ["medicines"])
    session.set_answer("switching", True)
    session.set_answer("treatment_kinds", ["therapy"])  # the medicines page no longer applies
    document = session.draft("therapy", dt.datetime(2026, 12, 2, 10, 0))
    assert "switching" not in document.answers and document.page == "therapy"
    assert session.answers["switching"] is True  # kept as typed, in case the patient goes back
