"""Pictures of 100 people (icon arrays): which figure gets which shade, and the shades, for every renderer.

The PDF draws them with reportlab's graphics and the summary page with QPainter; both ask this module which
figure is which, so the two can never disagree. Figures fill row by row from the top left, ten to a row.
The three shades differ in lightness as well as hue, so the picture reads the same printed in greyscale.
"""

from __future__ import annotations

from typing import Literal

COLUMNS = 10
PEOPLE = 100

Shade = Literal["affected", "range", "others"]
SHADES: dict[Shade, str] = {
    "affected": "#8f3410",  # dark rust: the people it happened to (about 30 % grey when printed in greyscale)
    "range": "#eea57c",  # light orange: the top of a range the studies give (about 70 % grey)
    "others": "#d0d6dd",  # pale grey-blue: everyone else (about 84 % grey, still printed by light-saving printers)
}
OUTLINE = "#5b3a2b"  # a thin edge on the range figures, so they stand apart from 'others' on any printer


def shades(people: int, up_to: int | None = None) -> tuple[Shade, ...]:
    """The shade of each of the 100 figures, in drawing order."""
    top = max(people, up_to or people)
    return tuple("affected" if i < people else "range" if i < top else "others" for i in range(PEOPLE))


def cell(index: int) -> tuple[int, int]:
    """(column, row) of a figure, row 0 at the top."""
    return index % COLUMNS, index // COLUMNS


# One figure in a square cell of side 1, y downwards: a head (circle) over a body (rounded rectangle).
HEAD = (0.5, 0.27, 0.21)  # centre x, centre y, radius
BODY = (0.2, 0.5, 0.6, 0.46, 0.2)  # left, top, width, height, corner radius
