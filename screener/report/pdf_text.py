"""Text for reportlab: escaping, right-to-left shaping and font fallback, with no silent blanks.

reportlab parses markup in every Paragraph and has no glyph fallback: a character missing from the font
prints as nothing. So every string goes through ``PdfText.markup``, which escapes it, shapes Arabic and
orders right-to-left runs, sends CJK characters to the fallback font, and replaces anything neither font
can draw with a visible U+FFFD, recording the character so the summary and the command can name it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from screener.i18n import N_, _
from screener.paths import resource

FAMILY = "ScreenerSans"
FALLBACK = "ScreenerCJK"
REPLACEMENT = "\ufffd"
# Regular and bold only: the summary uses no italics, and each face costs tens of milliseconds to parse.
_FACES = {
    FAMILY: "DejaVuSans.ttf",
    f"{FAMILY}-Bold": "DejaVuSans-Bold.ttf",
}
_RTL_CLASSES = {"R", "AL"}


def register_fonts() -> None:
    """Register the bundled family once, so that <b> works (italic maps to the upright faces)."""
    if FAMILY in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in _FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, f"{FAMILY}-Bold")
    addMapping(FAMILY, 0, 1, FAMILY)
    addMapping(FAMILY, 1, 1, f"{FAMILY}-Bold")


def _fallback_font() -> TTFont:
    """The CJK fallback font, loaded only when a text needs it (it is large)."""
    if FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FALLBACK, str(resource("fonts", "DroidSansFallbackFull.ttf"))))
    return pdfmetrics.getFont(FALLBACK)


@dataclass
class PdfText:
    """Turns plain strings into safe Paragraph markup, remembering what could not be printed."""

    unprintable: dict[str, str] = field(default_factory=dict)  # character -> its description
    in_main_font: set[str] = field(default_factory=set)  # characters already seen to print in the main font

    @cached_property
    def _main_glyphs(self) -> dict[int, int]:
        register_fonts()
        return pdfmetrics.getFont(FAMILY).face.charToGlyph

    @cached_property
    def _fallback_glyphs(self) -> dict[int, int]:
        return _fallback_font().face.charToGlyph

    def markup(self, text: str) -> str:
        """Escaped markup for ``text``; line breaks become <br/>."""
        lines = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
        return "<br/>".join(self._line(_visual_order(line)) for line in lines)

    def _line(self, line: str) -> str:
        line = line.replace("\t", "    ")
        if self._all_in_main_font(line):  # nearly every line: escaped whole, not character by character
            return escape(line)
        out: list[str] = []
        in_fallback = False
        for char in line:
            code = ord(char)
            use_fallback = False
            if _is_drawable(char) and code in self._main_glyphs:
                piece = escape(char)
            elif _is_drawable(char) and code in self._fallback_glyphs:
                piece, use_fallback = escape(char), True
            else:
                self.unprintable.setdefault(char, describe(char))
                piece = REPLACEMENT
            if use_fallback != in_fallback:
                out.append(f'<font name="{FALLBACK}">' if use_fallback else "</font>")
                in_fallback = use_fallback
            out.append(piece)
        if in_fallback:
            out.append("</font>")
        return "".join(out)

    def _all_in_main_font(self, line: str) -> bool:
        known = self.in_main_font
        for char in set(line) - known:
            if not (_is_drawable(char) and ord(char) in self._main_glyphs):
                return False
            known.add(char)
        return True

    def warnings(self) -> list[str]:
        if not self.unprintable:
            return []
        names = ", ".join(self.unprintable.values())
        return [
            _("some characters could not be printed and show as {mark} in the PDF: {names}").format(
                mark=REPLACEMENT, names=names
            )
        ]


def describe(char: str) -> str:
    category = unicodedata.category(char)
    kind = {
        "Cc": N_("a control character"),
        "Cs": N_("a broken character (lone surrogate)"),
        "Co": N_("a private-use character"),
        "Cn": N_("an unassigned character"),
    }.get(category)
    name = _(kind) if kind else unicodedata.name(char, "").title() or _("an unnamed character")
    return f"U+{ord(char):04X} ({name})"


def _is_drawable(char: str) -> bool:
    # reportlab's text layer (ToUnicode) is 16-bit: a character beyond U+FFFF would be drawn but would copy
    # and search as a different one, so it is treated as unprintable rather than silently mislabelled.
    return unicodedata.category(char) not in ("Cc", "Cs", "Co", "Cn") and ord(char) <= 0xFFFF


def _visual_order(line: str) -> str:
    """Shape Arabic letters and put right-to-left runs in display order (reportlab draws left to right)."""
    if not any(unicodedata.bidirectional(char) in _RTL_CLASSES for char in line):
        return line
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(line))
