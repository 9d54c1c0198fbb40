"""The form's words in another language: kept beside the English, keyed by ids, checked for staleness.

A form's files are translated in ``<form>/translations/<lang>.yaml``; the shared ``regions.yaml`` in
``forms/translations/<lang>.yaml``. Each entry is keyed by where its text is, through the ids on the way
(``form:sections.safety.questions.wish_dead.label``, ``rules:rules.depression_untreated.text``), and
records the English it was made from beside the translation::

    form:sections.welcome.title: {en: Welcome, es: Bienvenida}

The English in the form stays the source. When it changes, the entry no longer matches: the program shows
the new English there rather than a translation of the old, and ``screener check --lang es`` fails, naming
the entry, until the translation is made again from the new English. An item of a list with no id (a
paragraph, a row of a checklist) is keyed by its place in that list; the recorded English makes a moved
item show as stale, never as another item's words.

Only the fields named in ``TEXT_FIELDS`` are words for people; ids, option values, numbers and source
titles are never translated (a source is cited by its own title).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screener.content.problems import Problems

# Per file (by its stem): the keys whose string values are words for people.
# fmt: off
TEXT_FIELDS: dict[str, frozenset[str]] = {
    "form": frozenset({"title", "intro", "label", "short_label", "help", "short", "unit", "item_name"}),
    "rules": frozenset({"title", "label", "text", "reason", "ask", "summary", "closing"}),
    "parameters": frozenset({"label", "unit", "why"}),
    "report": frozenset({
        "title", "subtitle", "heading", "intro", "label", "text", "note", "empty", "name", "file_name",
        "answer_label", "asked_heading", "own_heading", "made_on", "moved", "no_answer", "unanswered", "none",
        "emergency", "emergency_text", "benefit", "harm", "availability", "certainty", "checked", "claim",
        "compared", "cost", "count", "evidence", "finding", "harms_common", "harms_serious", "involves", "money",
        "side_effects", "speed", "time", "what", "range", "rated", "not_rated", "not_compared", "price",
        "budget", "quoted", "quote_source", "typical", "tried", "point_label", "very_low", "low", "moderate",
        "high", "worked_out",
    }),
    "regions": frozenset({"name", "how", "emergency"}),
}
# fmt: on
# Per file: the keys of lists whose string items are words for people (paragraphs, a checklist's items).
TEXT_LISTS: dict[str, frozenset[str]] = {"report": frozenset({"paragraphs", "items"})}
ID_KEYS = ("id", "value", "key", "question")  # what names an item of a list, in this order
# {name}, {name:money} (a format, kept as it is) or {count:singular|plural} (words, translated)
PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([^{}]*))?\}")


@dataclass(frozen=True)
class Entry:
    english: str  # the English this translation was made from
    text: str


def translation_file(yaml_path: Path, language: str) -> Path:
    return yaml_path.parent / "translations" / f"{language}.yaml"


def texts(raw: Any, stem: str) -> dict[str, str]:
    """Every text for people in one file's data: key -> English."""
    found: dict[str, str] = {}

    def keep(where: str, english: str) -> str:
        found[where] = english
        return english

    _rewritten(raw, stem, keep)
    return found


def translated(raw: Any, stem: str, entries: dict[str, Entry]) -> Any:
    """The file's data with each text replaced by its translation where that was made from this English."""

    def current(where: str, english: str) -> str:
        entry = entries.get(where)
        return entry.text if entry is not None and entry.english == english and entry.text else english

    return _rewritten(raw, stem, current)


def _rewritten(raw: Any, stem: str, text_at: Callable[[str, str], str]) -> Any:
    """The file's data with each text for people replaced by ``text_at(key, English)``: the one walk that
    both finds the texts and translates them, so the two can never key a text differently."""
    fields, lists = TEXT_FIELDS.get(stem, frozenset()), TEXT_LISTS.get(stem, frozenset())

    def visit(node: Any, path: str, words: bool = False) -> Any:
        if isinstance(node, dict):
            return {
                name: text_at(_join(path, name), value)
                if _is_text(value) and name in fields
                else visit(value, _join(path, name), name in lists)
                for name, value in node.items()
            }
        if isinstance(node, list):
            return [
                text_at(_join(path, f"#{index}"), item)
                if words and _is_text(item)
                else visit(item, _join(path, _item_name(item, index)))
                for index, item in enumerate(node)
            ]
        return node

    return visit(raw, f"{stem}:")


def _join(path: str, name: Any) -> str:
    return f"{path}{name}" if path.endswith(":") else f"{path}.{name}"


def _is_text(value: Any) -> bool:
    """Words, not a bare number such as an emergency number ('911'), which is the same in every language."""
    return isinstance(value, str) and any(character.isalpha() for character in value)


def _item_name(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ID_KEYS:
            if isinstance(item.get(key), str | int):
                return str(item[key])
    return f"#{index}"


def read_entries(path: Path, language: str, problems: Problems) -> dict[str, Entry]:
    """The entries of one translation file (none if it does not exist); malformed entries are problems."""
    from screener.content.yaml_files import read_yaml  # not when only the file's name is wanted (start-up)

    if not path.exists():
        return {}
    raw = read_yaml(path, problems)
    if raw is None:
        return {}
    entries: dict[str, Entry] = {}
    for key, value in raw.items():
        if not (isinstance(value, dict) and isinstance(value.get("en"), str) and isinstance(value.get(language), str)):
            problems.add(path, str(key), f"each entry needs 'en' (the English it was made from) and '{language}'")
            continue
        entries[str(key)] = Entry(value["en"], value[language])
    return entries


def check_translation(
    files: dict[str, Any], entries: dict[str, Entry], path: Path, language: str, problems: Problems
) -> None:
    """A problem for every text with no translation, a stale one, broken placeholders, or an unused entry.

    ``files`` maps each translated file's stem to its (English) data."""
    english: dict[str, str] = {}
    for stem, raw in files.items():
        english.update(texts(raw, stem))
    for key, source in english.items():
        entry = entries.get(key)
        if entry is None or not entry.text.strip():
            problems.add(path, key, f"no {language} translation of: {_short(source)}")
        elif entry.english != source:
            problems.add(
                path, key, f"stale: made from “{_short(entry.english)}”, the English is now “{_short(source)}”"
            )
        elif _placeholders(entry.text) != _placeholders(source):
            problems.add(
                path,
                key,
                f"the placeholders differ: the English has {_placeholders(source) or 'none'}, "
                f"the translation {_placeholders(entry.text) or 'none'}",
            )
    for key in sorted(set(entries) - set(english)):
        if key.split(":", 1)[0] in files:
            problems.add(path, key, "no text of the form is at this key any more: remove the entry")


def _placeholders(text: str) -> list[str]:
    """Each placeholder as it must stay: its name, with its format unless the format is words to translate."""
    return sorted(
        f"{{{name}}}" if not spec or "|" in spec else f"{{{name}:{spec}}}" for name, spec in PLACEHOLDER.findall(text)
    )


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
