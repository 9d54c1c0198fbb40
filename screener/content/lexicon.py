"""Names of medicines and drugs, as data: which kind each name belongs to, so that typed text can be read.

``forms/medicine_names.yaml`` lists, for each kind (``benzodiazepine``, ``opioid``, ``sri`` …), the generic
and common brand names in English and Spanish. A fact of kind ``finds`` (``screener.content.rules``) looks
for them in what the patient typed; ``screener.engine.typed_names`` does the reading. Names are names: they
are never translated.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated

from screener.content.frozen import Field, Frozen

type Name = Annotated[str, Field(min_length=3, pattern=r"^[^\s\d]+$")]  # one word: typed text is read word by word


class NameKind(Frozen):
    """One kind of medicine or drug and the names it goes by, with the source that puts each in the kind."""

    names: Annotated[list[Name], Field(min_length=1)]
    source: str


class Lexicon(Frozen):
    kinds: dict[str, NameKind] = field(default_factory=dict)
