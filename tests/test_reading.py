"""What a person types is read forgivingly, and never guessed: amounts and dates."""

from __future__ import annotations

import pytest

from screener.content.reading import read_date, read_number


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
