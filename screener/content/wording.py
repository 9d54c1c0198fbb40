"""How dates, numbers and money are written for people, the same in the wizard, the command line and the PDF.

Every language but English goes through Babel's locale data (CLDR) in the language being spoken
(``screener.i18n``), never the system locale, so a French desktop does not print "23 novembre" in an
English summary. English, the source language and the one every command line run speaks, is written by
the few lines below instead: the same output as Babel's (a test compares them), without the 70 ms that
importing Babel and loading its data adds to every `evaluate` and `report`. Dates keep the month as a word
('14 December 2026', '14 de diciembre de 2026') so that no one can mix up day and month.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from screener.i18n import SOURCE_LANGUAGE, current

EXAMPLE_DATE = dt.date(2026, 12, 14)  # the date the wizard shows as an example of how to write one
DATE_PATTERNS = {"en": "d MMMM y", "es": "d 'de' MMMM 'de' y"}  # CLDR patterns, the month as a word
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(day: dt.date) -> str:
    """A date that no one can misread, whatever their country: '14 December 2026'."""
    language = current()
    if language == SOURCE_LANGUAGE:
        return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"
    from babel.dates import format_date as babel_date

    return babel_date(day, DATE_PATTERNS.get(language, DATE_PATTERNS[SOURCE_LANGUAGE]), locale=language)


def format_number(value: float) -> str:
    """A number without a needless '.0', grouped as the language groups it: '1,200', '2.5'; '1.200', '2,5'."""
    number = int(value) if float(value).is_integer() else value
    if current() == SOURCE_LANGUAGE:
        return f"{number:,}"
    from babel.numbers import format_decimal

    return format_decimal(number, locale=current())


def format_money(amount: float, currency: str | None, symbol: str) -> str:
    """An amount as the patient gave it, in their region's currency: '$3,000', '£450.50' in English (the
    symbol the region names); in another language as that language writes it ('3.000 US$', '450,50 €')."""
    language = current()
    if language == SOURCE_LANGUAGE or not currency:
        prefix = symbol or (f"{currency} " if currency else "")
        return f"{prefix}{format_number(amount)}" if float(amount).is_integer() else f"{prefix}{amount:,.2f}"
    from babel.numbers import format_currency

    return format_currency(amount, currency, format=_money_pattern(language, whole=float(amount).is_integer()),
                           locale=language, currency_digits=False)  # fmt: skip


@cache
def _money_pattern(language: str, whole: bool) -> str:
    from babel import Locale

    pattern = Locale.parse(language).currency_formats["standard"].pattern
    return pattern.replace(".00", "") if whole else pattern


def plain_number(value: float) -> str:
    """A number as a form author wrote it, without separators: '200', '2.5'."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
