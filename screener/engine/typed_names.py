"""Reading typed text for names of medicines: 'Clonazepam 1 mg three times a day / Tramadol 100 mg'.

The text is cut into parts (lines, and at ``;`` ``/`` ``+`` and a comma not inside a number such as
'0,5 mg'), each part into words; a word is compared with every name of the kinds asked for, without case or
accents and forgiving one slip in a name of five letters or more, two in a name of nine or more (a missed,
extra, wrong or swapped letter: 'klonopine', 'sertaline'). A part that names a medicine is kept whole, as the
patient typed it, so that the dose and how often stay beside the name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from screener.content.lexicon import Lexicon

PARTS = re.compile(r"[\n;/+•]|,(?!\d)")
WORDS = re.compile(r"[^\W\d_]+")
LONGEST_PART = 120  # characters of a part shown; a longer one is cut at a word


@dataclass(frozen=True)
class Found:
    kind: str
    name: str  # the lexicon's name that matched
    part: str  # the part of the text that names it, as typed


def find_names(lexicon: Lexicon, kinds: Iterable[str], texts: Iterable[str]) -> list[Found]:
    """Every part of the texts that names a medicine of these kinds, once per name, in the order typed."""
    table = _names(lexicon, tuple(kinds))
    found: list[Found] = []
    seen: set[str] = set()
    for text in texts:
        for part in PARTS.split(text):
            for word in WORDS.findall(part):
                match = _match(_folded(word), table)
                if match is not None and match[1] not in seen:
                    seen.add(match[1])
                    found.append(Found(match[0], match[1], _shown(part)))
    return found


def parts(text: str) -> list[str]:
    """The text's parts that hold a word, as shown: each line or item the patient typed."""
    return [_shown(part) for part in PARTS.split(text) if WORDS.search(part)]


_tables: dict[tuple[int, tuple[str, ...]], tuple[Lexicon, dict[str, tuple[str, str]]]] = {}


def _names(lexicon: Lexicon, kinds: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Folded name -> (kind, name), for the kinds asked for; made once per lexicon (a batch reads many)."""
    kept = _tables.get((id(lexicon), kinds))
    if kept is None or kept[0] is not lexicon:
        table = {_folded(name): (kind, name) for kind in kinds for name in lexicon.kinds[kind].names}
        kept = _tables[(id(lexicon), kinds)] = (lexicon, table)
    return kept[1]


def _match(word: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    if word in table:
        return table[word]
    if len(word) < 5:
        return None
    for name, found in table.items():
        allowed = 2 if len(name) >= 9 else 1 if len(name) >= 5 else 0
        close = allowed and name[0] == word[0] and abs(len(name) - len(word)) <= allowed
        if close and _distance(word, name, allowed) <= allowed:
            return found
    return None


def _distance(a: str, b: str, most: int) -> int:
    """Optimal string alignment distance (a swap of two letters is one slip), given up past ``most``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, start=1):
        row = [i]
        for j, other in enumerate(b, start=1):
            cost = letter != other
            value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and letter == b[j - 2] and a[i - 2] == other:
                value = min(value, previous2[j - 2] + 1)
            row.append(value)
        if min(row) > most:
            return most + 1
        previous2, previous = previous, row
    return previous[-1]


def _folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(letter for letter in decomposed if not unicodedata.combining(letter))


def _shown(part: str) -> str:
    part = " ".join(part.split())
    if len(part) <= LONGEST_PART:
        return part
    return part[:LONGEST_PART].rsplit(" ", 1)[0] + " …"
