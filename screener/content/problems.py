"""Problems found in data files, collected so that every one is reported at once.

A problem names the file, the item (a question, rule or answer id) and the reason, in words a form
author or a patient can act on. Pydantic's error locations are turned into item names here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screener.content.frozen import ID_PATTERN, Frozen

if TYPE_CHECKING:
    from pydantic import ValidationError


class Problem(Frozen):
    """One thing wrong with one item of one file."""

    file: str
    where: str
    reason: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}:{where} {self.reason}"


@dataclass
class Problems:
    """A growing list of problems, all reported together at the end."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str | Path, where: str, reason: str) -> None:
        self.items.append(Problem(str(file), where, reason))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def raise_if_any(self, summary: str) -> None:
        if self.items:
            raise ProblemsError(summary, list(self.items))


class ProblemsError(Exception):
    """Raised when a file (or a set of files) has one or more problems."""

    def __init__(self, summary: str, problems: list[Problem]):
        self.summary = summary
        self.problems = problems
        super().__init__(self.render())

    def render(self) -> str:
        lines = [f"{self.summary} ({len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}):"]
        lines.extend(f"  - {problem}" for problem in self.problems)
        return "\n".join(lines)


def duplicates(ids: Iterable[str]) -> list[str]:
    """The ids that occur more than once, each named once, in first-seen order."""
    seen: set[str] = set()
    repeated: list[str] = []
    for item in ids:
        if item in seen and item not in repeated:
            repeated.append(item)
        seen.add(item)
    return repeated


def describe_location(raw: Any, loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into "sections > 'safety' > questions > 'mood' > label".

    List items that carry an ``id`` are named by it; others by their position, counted from 1.
    """
    parts: list[str] = []
    node = raw
    for position, step in enumerate(loc):
        is_last = position == len(loc) - 1
        if isinstance(node, dict) and isinstance(step, str) and step not in node and not is_last:
            continue  # the tag of a tagged union (a question kind, a condition form): not a place
        if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
            named = isinstance(node, dict) and isinstance(node.get("id"), str)
            parts.append(f"'{node['id']}'" if named else f"item {step + 1}")
        elif isinstance(node, dict) and step in node:
            node = node[step]
            parts.append(str(step))
        else:
            node = None
            parts.append(str(step))
    return " > ".join(parts)


def add_validation_errors(
    problems: Problems, file: str | Path, raw: Any, error: ValidationError, prefix: str = ""
) -> None:
    """Record each error of a pydantic ValidationError as a problem, located by ids."""
    for detail in error.errors(include_url=False):
        where = describe_location(raw, tuple(detail["loc"]))
        if prefix:
            where = f"{prefix} > {where}" if where else prefix
        problems.add(file, where, _plain_message(detail))


def _plain_message(detail: dict[str, Any]) -> str:
    kind = detail.get("type", "")
    if kind == "missing":
        return "this is required but missing"
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return "this key is not allowed here (misspelt?)"
    if kind == "string_pattern_mismatch" and detail.get("ctx", {}).get("pattern") == ID_PATTERN:
        return "an id is a name of small letters, digits and _ (not a path), starting with a letter"
    return str(detail.get("msg", "invalid value"))
