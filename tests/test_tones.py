"""Colours meet WCAG contrast: outcome boxes and the pinned palette 4.5:1 for text, the focus ring 3:1."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette

from screener.gui.palette import ACCENT, ACTIVE, DISABLED, PAPER
from screener.report.tones import TONES
from tests.contrast import contrast

Role = QPalette.ColorRole
TEXT_ON = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),
    (Role.Text, Role.AlternateBase),
]


@pytest.mark.parametrize("tone", sorted(TONES))
def test_tone_text_is_readable(tone):
    background, _border, ink = TONES[tone]
    assert contrast(ink, background) >= 4.5
    assert contrast("#1a1a1a", background) >= 4.5


@pytest.mark.parametrize(("text", "background"), TEXT_ON, ids=lambda role: role.name)
def test_palette_text_is_readable(text, background):
    assert contrast(ACTIVE[text], ACTIVE[background]) >= 4.5


def test_disabled_text_and_the_focus_ring_are_visible():
    assert all(contrast(colour, PAPER) >= 4.5 for colour in DISABLED.values())
    assert contrast(ACCENT, PAPER) >= 3.0
