"""Every number a finding or a summary block states is one its cited sources are recorded as saying.

``forms/sources.yaml`` records, under ``supports``, what each source was checked to say. A number in a
rule's text, reason or question, or in a block's paragraphs, notes, options or research items, must appear
among the numbers of what its own citations support (rounded, as the summary rounds 38.1% to "38 in 100").
Not claims, and so not checked: the patient's own answers filled in from ``{placeholders}``, the "in 100"
and "out of 40" that turn a percentage or a score into plain words, and a cited source's year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from screener.content.report_content import (
    OPTION_FIELDS,
    ChecklistBlock,
    CostBlock,
    OptionsBlock,
    ResearchBlock,
    TableBlock,
    TextBlock,
)
from screener.content.sources import Citation

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
NOT_A_CLAIM = re.compile(r"\{[^}]*\}|\b(?:in|of|out of)(?: every)? (?:100|1,000|40)\b")

# Numbers we state without a readable source that says them, each with the reason; kept as short as we can.
# An entry that is no longer needed fails the test, so this list can only shrink.
KNOWN_GAPS = {
    "block 'options' > about": ({"2026"}, "the month of this content version, not a claim"),
}


def _claims(bundle) -> Iterator[tuple[str, list[str], list[Citation]]]:
    for rule in bundle.rules.rules:
        yield f"rule '{rule.id}'", [rule.text, rule.reason, rule.ask], rule.cite
    for block in bundle.content.blocks:
        where = f"block '{block.id}'"
        if isinstance(block, TextBlock):
            yield where, block.paragraphs, block.cite
        elif isinstance(block, (TableBlock, CostBlock)) and block.note:
            yield where, [block.note], block.cite
        elif isinstance(block, ChecklistBlock):
            for group in block.groups:
                yield where, group.items, group.cite
        elif isinstance(block, OptionsBlock):
            for option in block.options:
                yield where, [getattr(option, field) for field in OPTION_FIELDS], option.cite
                for picture in option.pictures:  # the picture's own counts, and the words beside it
                    counts = " ".join(str(number) for number in (picture.people, picture.up_to) if number)
                    yield where, [counts, picture.what, picture.compared or ""], option.cite
            yield f"{where} > about", block.about.paragraphs, block.about.cite
        elif isinstance(block, ResearchBlock):
            for item in block.items:
                yield where, [item.claim], item.claim_cite
                yield where, [item.finding], item.cite


def _numbers(text: str) -> set[str]:
    return {number.replace(",", "") for number in NUMBER.findall(NOT_A_CLAIM.sub(" ", text))}


def _supported(bundle, citations: list[Citation]) -> set[str]:
    """The numbers the cited sources are recorded as saying, with each decimal also rounded to a whole number."""
    found: set[str] = set()
    for citation in citations:
        source = bundle.sources.sources[citation.source]
        numbers = _numbers(" ".join(source.supports))
        found |= numbers | {str(round(float(number))) for number in numbers}
        if source.year:
            found.add(str(source.year))
    return found


def _unsupported(bundle) -> dict[str, set[str]]:
    missing: dict[str, set[str]] = {}
    for where, texts, citations in _claims(bundle):
        stated = set().union(*(_numbers(text) for text in texts))
        if stated - _supported(bundle, citations):
            missing.setdefault(where, set()).update(stated - _supported(bundle, citations))
    return missing


def test_every_number_is_said_by_a_cited_source(bundle):
    missing = _unsupported(bundle)
    unexplained = {
        where: sorted(numbers - KNOWN_GAPS.get(where, (set(), ""))[0])
        for where, numbers in missing.items()
        if numbers - KNOWN_GAPS.get(where, (set(), ""))[0]
    }
    assert not unexplained, f"numbers no cited source is recorded as saying: {unexplained}"


def test_known_gaps_are_still_gaps(bundle):
    """Once a source that says a number is cited, its entry in KNOWN_GAPS must go."""
    missing = _unsupported(bundle)
    stale = {where: sorted(numbers - missing.get(where, set())) for where, (numbers, _) in KNOWN_GAPS.items()}
    assert not {where: numbers for where, numbers in stale.items() if numbers}


@pytest.mark.parametrize("text, numbers", [("In 19 studies with 2,306 people", {"19", "2306"}), ("38 in 100", {"38"})])
def test_numbers_are_read_as_a_patient_reads_them(text, numbers):
    assert _numbers(text) == numbers


def _threshold_numbers(value) -> set[str]:
    values = value.values() if isinstance(value, dict) else [value]
    return {f"{number:g}" for number in values}


def test_every_threshold_is_said_by_a_cited_source(bundle):
    """A threshold the rules count with (8 weeks, 200 mg of sertraline) is a number one of its sources says."""
    unsaid = {
        name: sorted(_threshold_numbers(parameter.value) - _supported(bundle, parameter.cite))
        for name, parameter in bundle.parameters.thresholds.items()
    }
    assert not {name: numbers for name, numbers in unsaid.items() if numbers}, unsaid
