"""The decision aid in the PDF, read as a patient with a hard-to-treat history would read it.

For every option: the benefit and a harm as "N in 100" (or the plain "no number"), when it was counted,
a grade for how sure the research is, and a picture of 100 people whose coloured figures are the same
numbers as the words. The pictures are counted in the PDF's drawing commands, not taken on trust.
"""

from __future__ import annotations

import re
from collections import Counter

from pypdf.generic import ContentStream
from reportlab.lib.colors import HexColor

from screener.report.pictograph import SHADES
from screener.report.pipeline import summarise
from tests.pdf_helpers import folded, pdf_reader, pdf_text
from tests.test_pdf import DAY, _document

IN_100 = re.compile(r"\b\d+(?: to \d+)?(?: more)? in (?:every )?100\b|\b\d+ of \d+\b")
WHEN = re.compile(r"\b(?:day|days|week|weeks|month|months|year|years|end of|last visit)\b")


def _options(bundle):
    return next(block for block in bundle.content.blocks if block.type == "options")


def _fills(data: bytes) -> Counter:
    """How many shapes the PDF fills in each colour (as '#rrggbb'), over all pages: each subpath (a moveto)
    of a path that is then filled counts once, in the fill colour set at that moment."""
    counts: Counter = Counter()
    for page in pdf_reader(data).pages:
        colour, shapes = None, 0
        for operands, operator in ContentStream(page.get_contents(), None).operations:
            if operator == b"rg":
                colour = "#" + "".join(f"{round(float(part) * 255):02x}" for part in operands)
            elif operator in (b"m", b"re"):
                shapes += 1
            elif operator in (b"f", b"f*", b"F", b"B", b"B*", b"b", b"b*"):
                counts[colour] += shapes
                shapes = 0
            elif operator in (b"S", b"s", b"n"):
                shapes = 0
    return counts


def _hex(shade: str) -> str:
    return "#" + HexColor(SHADES[shade]).hexval()[2:].lower()


def test_every_option_has_numbers_a_time_a_grade_and_a_picture(bundle):
    data = summarise(bundle, _document("heavy_history"), made_on=DAY).pdf
    text = pdf_text(data, footers=False)
    block = _options(bundle)
    no_number = folded(block.pictures.none)
    assert "Keep my current treatment for now" in text  # the status quo is an option like the others
    for option in block.options:
        assert f"{block.grades[option.grade]}. {folded(option.certainty)}" in text, option.id
        benefit = folded(option.benefit)
        assert benefit in text and (IN_100.search(benefit) or "give no number" in benefit), option.id
        harms = folded(f"{option.harms_common} {option.harms_serious}")
        assert IN_100.search(harms), option.id
        pictures = {picture.shows: picture for picture in option.pictures}
        assert pictures, option.id
        for shows, label in (("benefit", block.pictures.benefit), ("harm", block.pictures.harm)):
            picture = pictures.get(shows)
            if picture is None:
                assert f"{label}: {no_number}" in text, (option.id, shows)
                continue
            amount = f"{picture.people} to {picture.up_to} in 100" if picture.up_to else f"{picture.people} in 100"
            legend = folded(f"{label}: {amount} {picture.what}.")
            assert legend in text, (option.id, shows)
        benefit_words = pictures["benefit"].what if "benefit" in pictures else ""
        assert WHEN.search(f"{benefit} {benefit_words}") or "give no number" in benefit, option.id


def test_the_pictures_colour_as_many_figures_as_the_words_say(bundle):
    """Each figure is a head and a body: two filled shapes in its shade."""
    data = summarise(bundle, _document("heavy_history"), made_on=DAY).pdf
    fills = _fills(data)
    pictures = [picture for option in _options(bundle).options for picture in option.pictures]
    affected = sum(picture.people for picture in pictures)
    ranged = sum((picture.up_to or picture.people) - picture.people for picture in pictures)
    assert fills[_hex("affected")] == 2 * affected
    assert fills[_hex("range")] == 2 * ranged
    assert fills[_hex("others")] == 2 * (100 * len(pictures) - affected - ranged)


def test_the_crisis_summary_leaves_the_decision_aid_out(bundle):
    data = summarise(bundle, _document("get_help_now"), made_on=DAY).pdf
    assert _hex("affected") not in _fills(data) and "pictures of 100 people" not in pdf_text(data)
