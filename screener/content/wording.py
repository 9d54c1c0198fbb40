"""How dates and numbers are written for people, the same in the wizard, the command line and the PDF.

English month names are fixed here rather than taken from the system locale, so a French desktop does
not print "23 novembre" in an English summary; when translations come, they come through this module.
"""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(day: dt.date) -> str:
    """A date that no one can misread, whatever their country: '14 December 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_number(value: float) -> str:
    """A number without a needless '.0', with thousands separated: '1,200', '2.5'."""
    number = int(value) if float(value).is_integer() else value
    return f"{number:,}"


def plain_number(value: float) -> str:
    """A number as a form author wrote it, without separators: '200', '2.5'."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
