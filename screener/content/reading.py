"""Reading what a person types: amounts such as "$3,000" or "3 000", and dates such as "14 Dec 2026".

Each reader returns the value, or a plain sentence saying why the text is not one yet. Nothing here is
guessed silently: an ambiguous date such as 03/04/2026 is refused with a way to write it unambiguously,
and the wizard shows what was understood ("Understood as 3,000").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from screener.content.wording import MONTHS

_CURRENCY = re.compile(r"^(?:[$£€¥]|usd|cad|aud|gbp|eur)\s*|\s*(?:[$£€¥]|usd|cad|aud|gbp|eur)$", re.IGNORECASE)
_GROUPED = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d{1,2}$")
_PLAIN = re.compile(r"^-?\d+(?:\.\d+)?$|^-?\.\d+$")
_SPACES = re.compile(r"(?<=\d)[\s\u00a0\u202f'’](?=\d)")


@dataclass(frozen=True)
class Reading:
    value: float | str | None
    problem: str | None = None


def read_number(text: str) -> Reading:
    """'$3,000' -> 3000; '3 000' -> 3000; '3000.50' -> 3000.5; '2,5' -> 2.5. Never NaN or infinity."""
    cleaned = _CURRENCY.sub("", text.strip()).strip()
    cleaned = _SPACES.sub("", cleaned)
    if _GROUPED.match(cleaned):
        cleaned = cleaned.replace(",", "")
    elif _DECIMAL_COMMA.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    if not _PLAIN.match(cleaned):
        return Reading(None, "Please type a number using digits, for example 200 or 3,000.")
    number = float(cleaned)
    return Reading(int(number) if number.is_integer() else number)


_MONTH_NAMES = {name.lower(): index for index, name in enumerate(MONTHS, start=1)}
_MONTH_NAMES.update({name[:3].lower(): index for index, name in enumerate(MONTHS, start=1)})
_MONTH_NAMES["sept"] = 9
_WORDS = re.compile(r"[A-Za-z]+|\d+")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_AMBIGUOUS = "Please write the month as a word, for example 14 December 2026, so the day and month cannot be mixed up."
_NOT_A_DATE = "Please write a date such as 14 December 2026 (or 2026-12-14)."


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
        return Reading(None, _AMBIGUOUS)
    words = _WORDS.findall(text)
    months = [word for word in words if word.lower() in _MONTH_NAMES]
    numbers = [int(word) for word in words if word.isdigit()]
    if len(months) == 1 and len(numbers) == 2 and len(words) == 3:
        day, year = (numbers[0], numbers[1]) if numbers[1] > 31 else (numbers[1], numbers[0])
        return _date(year, _MONTH_NAMES[months[0].lower()], day)
    return Reading(None, _NOT_A_DATE)


def _date(year: int, month: int, day: int) -> Reading:
    try:
        return Reading(dt.date(year, month, day).isoformat())
    except ValueError:
        return Reading(None, f"There is no such date. {_NOT_A_DATE}")
