"""What a person types is read forgivingly, and never guessed: amounts and dates."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.content.reading import read_date, read_number
from screener.i18n import speaking


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("$3,000", 3000),
        ("3 000", 3000),
        ("3000.50", 3000.5),
        ("£1,250.75", 1250.75),
        ("€ 900", 900),
        ("2,5", 2.5),
        ("12", 12),
        ("USD 400", 400),
        ("3\u00a0000", 3000),
    ],
)
def test_amounts_as_people_write_them(typed, value):
    assert read_number(typed).value == value


@pytest.mark.parametrize("typed", ["twelve", "nan", "inf", "1e309", "3,00,0", "$", "--2", "1.2.3"])
def test_not_a_number_is_refused_with_a_sentence(typed):
    reading = read_number(typed)
    assert reading.value is None and reading.problem.startswith("Please type a number")


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("2026-12-14", "2026-12-14"),
        ("14 December 2026", "2026-12-14"),
        ("14 Dec 2026", "2026-12-14"),
        ("December 14, 2026", "2026-12-14"),
        ("dec 14 2026", "2026-12-14"),
        ("14/12/2026", "2026-12-14"),
        ("12/14/2026", "2026-12-14"),
        ("05.05.2026", "2026-05-05"),
        ("3 Sept 2026", "2026-09-03"),
    ],
)
def test_dates_as_people_write_them(typed, iso):
    assert read_date(typed).value == iso


def test_a_date_whose_day_and_month_could_be_swapped_is_not_guessed():
    reading = read_date("03/04/2026")
    assert reading.value is None and "month as a word" in reading.problem


@pytest.mark.parametrize("typed", ["31 February 2026", "2026-13-01", "next Tuesday", "14 12"])
def test_impossible_dates_are_refused(typed):
    assert read_date(typed).value is None


HOSTILE = [
    "14 de diciembre de ²",
    "¹⁴ de diciembre de 2026",
    "14 December 12345678901",
    "14 de diciembre de " + "9" * 40,
    "9" * 5000 + " December 14",
    "9" * 309,
    "1" + "0" * 400,
]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("typed", HOSTILE)
def test_what_once_raised_is_refused_with_a_sentence(typed, language):
    """Each of these made the date reader raise, and every key press then opened two crash dialogs."""
    with speaking(language):
        for reader in (read_date, read_number):
            reading = reader(typed)
            assert reading.value is None and reading.problem


@pytest.mark.parametrize(
    ("typed", "language", "value"),
    [
        ("20.000 US$", "es", 20000),
        ("20.000\u00a0COP", "es", 20000),
        ("4.000.000 COP", "es", 4000000),
        ("£450", "en", 450),
    ],
)
def test_money_as_the_summary_writes_it_is_read(typed, language, value):
    with speaking(language):
        assert read_number(typed).value == value


def test_september_as_peru_writes_it():
    assert read_date("14 de setiembre de 2026").value == "2026-09-14"


@given(st.text(max_size=40))
@settings(max_examples=300)
def test_anything_typed_key_by_key_is_read_or_refused_never_raises(text):
    """Every prefix, as the field reads it after each key press, in both languages: a value, or a sentence."""
    for language in ("en", "es"):
        with speaking(language):
            for end in range(len(text) + 1):
                for reader in (read_date, read_number):
                    reading = reader(text[:end])
                    assert (reading.value is None) != (reading.problem is None) or text[:end].strip() == ""
                    if isinstance(reading.value, float):
                        assert math.isfinite(reading.value)
