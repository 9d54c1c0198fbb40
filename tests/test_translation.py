"""The form's words in another language: shown where current, checked for what is missing, stale or broken.

The layer needs no code per form: the small knee form (tests/forms/mini) is translated the same way as
the ketamine form, by data alone.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from screener.cli import main
from screener.content.loading import load
from screener.content.translation import texts
from screener.paths import DEFAULT_FORM_DIR
from tests.conftest import MINI_FORM_DIR

FORMS = [DEFAULT_FORM_DIR, MINI_FORM_DIR]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("folder", FORMS, ids=lambda folder: folder.name)
def test_check_lang_es_passes_for_every_form(folder, capsys):
    assert main(["check", "--lang", "es", str(folder)]) == 0
    assert "Español translation is complete and current" in capsys.readouterr().out


def test_a_spanish_form_speaks_spanish_where_translated(mini):
    spanish = load(MINI_FORM_DIR, "es")
    assert spanish.form.language == "es"
    assert spanish.form.title == "Prepararse para una visita a la clínica de la rodilla"
    assert spanish.form.question("side").options[0].label == "La izquierda"
    assert spanish.rules.closing == "Solo la clínica decide lo que es adecuado para usted."
    # ids, values and numbers are the same: answers given in one language are answers in the other
    assert [q.id for _s, q in spanish.form.questions()] == [q.id for _s, q in mini.form.questions()]
    assert spanish.form.question("side").option_values == mini.form.question("side").option_values


def test_editing_one_english_sentence_makes_the_check_fail_until_its_spanish_is_made_again(mini_copy, capsys):
    _edit(mini_copy / "rules.yaml", "You feel unsafe right now.", "You feel unsafe at the moment.")
    assert main(["check", "--lang", "es", str(mini_copy)]) == 2
    said = capsys.readouterr().err
    assert "rules:rules.unsafe.text: stale" in said
    assert "You feel unsafe right now." in said and "You feel unsafe at the moment." in said
    # until then the program shows the new English there, never a translation of the old
    assert load(mini_copy, "es").rules.rules[0].text == "You feel unsafe at the moment."
    translation = mini_copy / "translations" / "es.yaml"
    _edit(translation, "en: You feel unsafe right now.", "en: You feel unsafe at the moment.")
    _edit(translation, "es: Se siente en peligro ahora mismo.", "es: Se siente en peligro en este momento.")
    assert main(["check", "--lang", "es", str(mini_copy)]) == 0
    assert load(mini_copy, "es").rules.rules[0].text == "Se siente en peligro en este momento."


def test_the_check_names_a_missing_translation_a_broken_placeholder_and_an_unused_entry(mini_copy, capsys):
    translation = mini_copy / "translations" / "es.yaml"
    _edit(translation, "es: Llame al {number}.", "es: Llame al número.")
    _edit(mini_copy / "form.yaml", "label: Which knee hurts", "label: Which knee hurts most")
    text = translation.read_text(encoding="utf-8")
    text = re.sub(r"form:sections\.hopes\.title:\n  en: Hopes\n  es: Esperanzas\n", "", text)
    translation.write_text(text + "form:sections.gone.title:\n  en: Gone\n  es: Ido\n", encoding="utf-8")
    assert main(["check", "--lang", "es", str(mini_copy)]) == 2
    said = capsys.readouterr().err
    assert "report:blocks.crisis.emergency_text: the placeholders differ" in said
    assert "form:sections.pain.questions.side.label: stale" in said
    assert "form:sections.hopes.title: no es translation of: Hopes" in said
    assert "form:sections.gone.title: no text of the form is at this key any more" in said


def test_plural_words_may_change_but_a_format_may_not(mini_copy, capsys):
    translation = mini_copy / "translations" / "es.yaml"
    _edit(translation, "{long_pill_trials:prueba duró|pruebas duraron}", "{long_pill_trials:money}")
    assert main(["check", "--lang", "es", str(mini_copy)]) == 2
    assert "rules:rules.long_pills.reason: the placeholders differ" in capsys.readouterr().err


def test_keys_follow_ids_not_positions(mini_copy):
    """Moving an option does not give it another option's words: it is keyed by its value."""
    left, both = "          - {value: left, label: Left}\n", "          - {value: both, label: Both}\n"
    _edit(mini_copy / "form.yaml", left, "")
    _edit(mini_copy / "form.yaml", both, both + left)
    options = {option.value: option.label for option in load(mini_copy, "es").form.question("side").options}
    assert options == {"right": "La derecha", "both": "Las dos", "left": "La izquierda"}


@pytest.mark.parametrize("folder", FORMS, ids=lambda folder: folder.name)
def test_every_text_of_the_form_has_an_entry_and_nothing_else_does(folder):
    english: dict[str, str] = {}
    for stem in ("form", "rules", "parameters", "report"):
        english |= texts(yaml.safe_load((folder / f"{stem}.yaml").read_text(encoding="utf-8")), stem)
    entries = yaml.safe_load((folder / "translations" / "es.yaml").read_text(encoding="utf-8"))
    assert set(entries) == set(english)
    assert all(entries[key]["en"] == english[key] for key in english)


def test_a_broken_translation_file_is_named_and_the_english_form_still_loads(mini_copy, capsys):
    shutil.copy(mini_copy / "form.yaml", mini_copy / "translations" / "es.yaml")  # not a translation at all
    assert main(["check", "--lang", "es", str(mini_copy)]) == 2
    assert "each entry needs 'en' (the English it was made from) and 'es'" in capsys.readouterr().err
    assert load(mini_copy).form.title == "Getting ready for a knee clinic visit"
