"""The language of the program's own words: gettext catalogs kept with Babel, one language at a time.

Code strings are marked ``_("...")`` (or ``N_("...")`` where a text is defined before it is shown) and
extracted with ``pybabel`` (README, "Translations"). The catalogs live in ``screener/locale``. The form's
own words are not here: they are data, translated beside the form (``screener.content.translation``).

The language is the program's (``set_language``, chosen in the wizard) unless a piece of work asks for
another for as long as it runs (``speaking``): a Spanish wizard writes an English summary that way. That
choice is a context variable, so a summary made on another thread keeps its own language. Like
``screener.paths`` this module sits outside the layers and imports nothing of ours.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "screener"
SOURCE_LANGUAGE = "en"
# Each language the program speaks, named in itself, so that anyone can find their own.
LANGUAGES = {"en": "English", "es": "Español"}

_program_language = SOURCE_LANGUAGE
_work_language: ContextVar[str | None] = ContextVar("screener_language", default=None)


def set_language(code: str) -> None:
    """The program's language from now on (a code of ``LANGUAGES``)."""
    global _program_language
    _program_language = _known(code)


def current() -> str:
    return _work_language.get() or _program_language


@contextmanager
def speaking(code: str) -> Iterator[None]:
    """Within this block (on this thread or task), the program's words are in ``code``."""
    token = _work_language.set(_known(code))
    try:
        yield
    finally:
        _work_language.reset(token)


def _(message: str) -> str:
    return _catalog(current()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog(current()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a text for extraction where it is defined; ``_()`` translates it where it is shown."""
    return message


def language_of_locale(name: str | None) -> str:
    """The program's language for a system locale name ('es_MX.UTF-8', 'es-419', 'en_GB'): English unless
    we speak the locale's language."""
    code = (name or "").replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def _known(code: str) -> str:
    if code not in LANGUAGES:
        raise ValueError(f"screener does not speak '{code}' (it speaks {', '.join(LANGUAGES)})")
    return code


@cache
def _catalog(code: str) -> gettext.NullTranslations:
    if code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[code])  # a missing catalog is a broken install
