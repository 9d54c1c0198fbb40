"""Reading what a person types: amounts such as "$3,000" or "3 000", and dates such as "14 Dec 2026" or "14 dic 2026".

Each reader returns the value, or a plain sentence saying why the text is not one yet. Nothing here is
guessed silently: an ambiguous date such as 03/04/2026 is refused with a way to write it unambiguously,
and the wizard shows what was understood ("Understood as 3,000").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import cache

from screener.content.wording import EXAMPLE_DATE, format_date
from screener.i18n import LANGUAGES, _, current

# a symbol or code before or after the amount, as people write it and as the summary prints it ('20.000 US$')
_MONEY_SIGN = r"(?:(?:us|mx|ca|au|a|c|col|cop|clp|ars)?\$|[£€¥]|s/\.?|usd|cad|aud|gbp|eur|mxn|cop|ars|clp|pen)"
_CURRENCY = re.compile(rf"^{_MONEY_SIGN}\s*|\s*{_MONEY_SIGN}$", re.IGNORECASE)
_GROUPED = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_GROUPED_WITH_DOTS = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")  # Spanish: '20.000', '3.000,50'
_DOTS_GROUP = {"es"}  # the languages whose readers group thousands with dots
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d{1,2}$")
_PLAIN = re.compile(r"^-?\d+(?:\.\d+)?$|^-?\.\d+$")
_SPACES = re.compile(r"(?<=\d)[\s\u00a0\u202f'’](?=\d)")


@dataclass(frozen=True)
class Reading:
    value: float | str | None
    problem: str | None = None


def read_number(text: str) -> Reading:
    """'$3,000' -> 3000; '3 000' -> 3000; '3000.50' -> 3000.5; '2,5' -> 2.5; in Spanish also '20.000' -> 20000
    and '3.000,50' -> 3000.5 (in English '3.000' stays 3). Never NaN or infinity."""
    cleaned = _CURRENCY.sub("", text.strip()).strip()
    cleaned = _SPACES.sub("", cleaned)
    if current() in _DOTS_GROUP and _GROUPED_WITH_DOTS.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _GROUPED.match(cleaned):
        cleaned = cleaned.replace(",", "")
    elif _DECIMAL_COMMA.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    if not _PLAIN.match(cleaned):
        return Reading(None, _("Please type a number using digits, for example 200 or 3,000."))
    number = float(cleaned)
    if not math.isfinite(number):  # '1' followed by 309 digits reads as infinity: refused, never kept
        return Reading(None, _("This number has too many digits to be an answer here. Please type a smaller one."))
    return Reading(int(number) if number.is_integer() else number)


_WORDS = re.compile(r"[^\W\d_]+|\d+")
_LINKING = {"de", "of", "del"}  # '14 de diciembre de 2026', '14th of December'
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@cache
def _month_names() -> dict[str, int]:
    """Month names and their short forms in every language the program speaks (a Spanish speaker may type
    English months, and the reverse), lower case, without a trailing dot."""
    from babel.dates import get_month_names

    names = {"sept": 9, "set": 9, "setiembre": 9}  # 'setiembre', as Peru and others write September
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for index, name in get_month_names(width, locale=language).items():
                names[name.lower().rstrip(".")] = index
    return names


def _ambiguous() -> str:
    return _("Please write the month as a word, for example {date}, so the day and month cannot be mixed up.").format(
        date=format_date(EXAMPLE_DATE)
    )


def _not_a_date() -> str:
    return _("Please write a date such as {date} (or 2026-12-14).").format(date=format_date(EXAMPLE_DATE))


def read_date(text: str) -> Reading:
    """ISO dates, '14 December 2026', 'Dec 14, 2026', and numeric dates whose day and month cannot be mixed up."""
    text = text.strip()
    if match := _ISO.match(text):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.match(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if first > 12 >= second:
            return _date(year, second, first)
        if second > 12 >= first:
            return _date(year, first, second)
        if first == second:
            return _date(year, first, first)
        return Reading(None, _ambiguous())
    month_names = _month_names()
    words = [word for word in _WORDS.findall(text) if word.lower() not in _LINKING]
    months = [word for word in words if word.lower() in month_names]
    # digits only (isdecimal: '²' and '¹⁴' are not), and no more than a year's four: a date, never a huge number
    numbers = [int(word) for word in words if word.isdecimal() and len(word) <= 4]
    if len(months) == 1 and len(numbers) == 2 and len(words) == 3:
        day, year = (numbers[0], numbers[1]) if numbers[1] > 31 else (numbers[1], numbers[0])
        return _date(year, month_names[months[0].lower()], day)
    return Reading(None, _not_a_date())


def _date(year: int, month: int, day: int) -> Reading:
    try:
        return Reading(dt.date(year, month, day).isoformat())
    except (ValueError, OverflowError):
        return Reading(None, " ".join([_("There is no such date."), _not_a_date()]))
