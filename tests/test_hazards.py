"""The hazard log: `screener check` holds every signal to its control, and fails where a control does not hold.

Each test breaks one thing in a copy of the shipped form, the way a later edit could, and reads what
`screener check` says, as a content author would.
"""

from __future__ import annotations

import pytest

from screener.cli import main
from screener.content.lexicon import Lexicon, NameKind
from screener.engine.hazards import run_hazards
from screener.engine.typed_names import find_names
from tests.conftest import MINI_FORM_DIR


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_check_passes_with_the_hazard_log_and_says_so(capsys):
    assert main(["check"]) == 0
    assert "22 hazards are controlled in all" in capsys.readouterr().out


def test_the_second_form_keeps_a_log_of_its_own(capsys):
    assert main(["check", str(MINI_FORM_DIR)]) == 0
    assert "1 hazard is controlled in all" in capsys.readouterr().out


def test_every_hazard_of_the_log_is_tried_in_answers_that_signal_it(bundle):
    run = run_hazards(bundle)
    assert not run.problems.items
    assert run.hazards >= 20 and run.tried > run.hazards


def test_a_control_made_informational_fails(form_copy, capsys):
    _edit(
        form_copy / "rules.yaml",
        "  - id: precaution_glaucoma\n    category: precaution",
        "  - id: precaution_glaucoma\n    category: information",
    )
    assert main(["check", str(form_copy)]) == 2
    err = capsys.readouterr().err
    assert "hazard 'eye_liver_bladder' > controls: rule 'precaution_glaucoma' is of category information" in err


def test_a_hazard_with_no_control_fails(form_copy, capsys):
    _edit(form_copy / "hazards.yaml", "    controls: [precaution_pregnancy]\n", "")
    assert main(["check", str(form_copy)]) == 2
    assert "hazard 'pregnancy': has no control" in capsys.readouterr().err


def test_a_variant_whose_control_does_not_fire_fails(form_copy, capsys):
    _edit(form_copy / "hazards.yaml", "    controls: [precaution_pregnancy]", "    controls: [precaution_liver]")
    assert main(["check", str(form_copy)]) == 2
    err = capsys.readouterr().err
    assert "hazard 'pregnancy' > variant 'might_be' in context 'resistant_no_precautions'" in err
    assert "the signal holds but no control fires (expected one of: precaution_liver)" in err


def test_a_signal_that_still_gives_none_fails(form_copy, capsys):
    """Drinking now was once only information, so the summary said 'none of the health points': put it back."""
    _edit(
        form_copy / "rules.yaml",
        "  - id: substance_now\n    category: precaution\n    raises: worth_discussing_with_precautions\n",
        "  - id: substance_now\n    category: information\n",
    )
    _edit(form_copy / "hazards.yaml", "    controls: [substance_now]", "    controls: [street_ketamine]")
    assert main(["check", str(form_copy)]) == 2
    err = capsys.readouterr().err
    assert (
        "hazard 'substance_use_now' > variant 'beers_every_night' in context 'resistant_no_precautions': "
        "the signal holds but the outcome is 'worth_discussing', which says none was found"
    ) in err
    assert "hazard 'substance_use_now' in case 'drinking_now'" in err  # cases.yaml is swept too


def test_counting_trials_that_side_effects_kept_low_as_adequate_fails(form_copy, capsys):
    """Round 3 counted a dose that side effects capped as a full trial: pseudo-resistance read as resistance."""
    _edit(
        form_copy / "rules.yaml",
        "            - {item: dose_mg, at_least: {param: med_target_dose_mg, by: medicine}}\n",
        "            - {item: dose_mg, at_least: {param: med_target_dose_mg, by: medicine}}\n"
        "            - {item: dose_limit, equals: side_effects}\n",
    )
    assert main(["check", str(form_copy)]) == 2
    err = capsys.readouterr().err
    assert "hazard 'pseudo_resistance' > variant 'two_low_doses_held_by_side_effects'" in err
    assert "the signal holds but profile_resistant fired, which must not" in err


def test_reading_a_not_sure_erp_therapist_as_trained_fails(form_copy, capsys):
    """Round 3 read "not sure" about the therapist's ERP training as yes, and never asked if a course ended."""
    _edit(
        form_copy / "rules.yaml",
        '        - {item: ocd_specialist, equals: "yes"}\n',
        '        - {not: {item: ocd_specialist, equals: "no"}}\n',
    )
    _edit(form_copy / "rules.yaml", "        - {item: erp_completed, one_of: [finished, stopped_not_helping]}\n", "")
    assert main(["check", str(form_copy)]) == 2
    err = capsys.readouterr().err
    assert "hazard 'erp_course_not_known_full' > variant 'training_not_sure'" in err
    assert "hazard 'erp_course_not_known_full' > variant 'end_not_said'" in err


def test_a_variant_that_gives_no_signal_proves_nothing(form_copy, capsys):
    _edit(
        form_copy / "hazards.yaml",
        "{id: might_be, answers: {pregnancy: maybe_pregnant}}",
        "{id: might_be, answers: {pregnancy: not_applicable}}",
    )
    assert main(["check", str(form_copy)]) == 2
    assert (
        "hazard 'pregnancy' > variant 'might_be': gives the signal in none of the contexts" in capsys.readouterr().err
    )


def test_a_form_without_a_hazard_log_fails(mini_copy, capsys):
    (mini_copy / "hazards.yaml").unlink()
    assert main(["check", str(mini_copy)]) == 2
    assert "there is no hazard log" in capsys.readouterr().err


LEXICON = Lexicon(
    {
        "benzodiazepine": NameKind(["clonazepam", "klonopin", "lorazepam"], "who_atc"),
        "opioid": NameKind(["tramadol", "metadona"], "who_atc"),
    }
)


@pytest.mark.parametrize(
    ("typed", "parts"),
    [
        (
            "Clonazepam 1 mg three times a day / Tramadol 100 mg",
            ["Clonazepam 1 mg three times a day", "Tramadol 100 mg"],
        ),
        (
            "klonopine 0,5 mg at night, tramadl 50",
            ["klonopine 0,5 mg at night", "tramadl 50"],
        ),  # slips, a decimal comma
        ("METADONA 40 mg al día\nLoracepam", ["METADONA 40 mg al día", "Loracepam"]),  # case, Spanish spelling
        ("clonazepam 1 mg; Klonopin 1 mg", ["clonazepam 1 mg", "Klonopin 1 mg"]),  # a brand is its own name
    ],
)
def test_typed_medicines_are_read_with_their_dose(typed, parts):
    assert [found.part for found in find_names(LEXICON, ["benzodiazepine", "opioid"], [typed])] == parts


@pytest.mark.parametrize("typed", ["sertraline 200 mg", "vitamin D, fish oil", "tram", "metformin 500 mg"])
def test_other_words_are_not_read_as_these_medicines(typed):
    assert find_names(LEXICON, ["benzodiazepine", "opioid"], [typed]) == []
