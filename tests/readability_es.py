"""Plain Spanish, measured: syllables counted by Spanish rules, and the INFLESZ reading-ease score.

textstat counts Spanish syllables by hyphenation, which under-counts ("idea" 1, "ahora" 2), so the count
is done here by the rules of Spanish spelling: each syllable has one vowel nucleus; two strong vowels
(a, e, o) or a stressed í or ú beside another vowel are two syllables (hiatus: i-de-a, pa-ís); a weak
vowel (i, u, ü) beside another is one (diphthong: cuidado, ciudad); the u of que, qui, gue, gui is silent;
y is a vowel only at the end of a word (hoy, muy, Uruguay); h does not join vowels (a-ho-ra).

The score is Szigriszt-Pazos's perspicuity, 206.835 - 62.3 x syllables/words - words/sentences, read on
the INFLESZ scale (Barrio-Cantalejo et al. 2008): below 40 very hard, 40-55 somewhat hard, 55-65 normal,
65-80 fairly easy, above 80 very easy.
"""

from __future__ import annotations

import re
import unicodedata

STRONG = set("aeoáéóíú")  # an accented i or u stands alone, like a strong vowel
WEAK = set("iuü")
VOWELS = STRONG | WEAK
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?;:…]+(?:\s|$)|\n\s*\n")


def syllables(word: str) -> int:
    """How many syllables a Spanish word has (at least 1)."""
    word = unicodedata.normalize("NFC", word.lower())
    word = re.sub(r"(?<=[qg])u(?=[eéií])", "", word)  # que, qui, gue, gui: the u is not said
    if word == "y" or (word.endswith("y") and len(word) > 1 and word[-2] in VOWELS):
        word = word[:-1] + "i"  # hoy, muy, rey: y closes a diphthong
    count = 0
    previous = ""
    for letter in word:
        if letter not in VOWELS:
            previous = ""
            continue
        if not previous:
            count += 1
        elif (previous in STRONG and letter in STRONG) or previous in "íú" or letter in "íú":
            count += 1  # hiatus
        previous = letter
    return max(count, 1)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> int:
    parts = [part for part in _SENTENCE_END.split(text) if words(part)]
    return max(len(parts), 1)


def inflesz(text: str) -> float:
    """The Szigriszt-Pazos perspicuity of a text (higher is easier; 55 and more reads as normal or easy)."""
    found = words(text)
    if not found:
        return 100.0
    syllable_count = sum(syllables(word) for word in found)
    return 206.835 - 62.3 * syllable_count / len(found) - len(found) / sentences(text)
