"""Outcome colours meet WCAG AA contrast (4.5:1) for their text and for body text on their background."""

from __future__ import annotations

import pytest

from screener.report.tones import TONES


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    light, dark = sorted([_luminance(first), _luminance(second)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("tone", sorted(TONES))
def test_tone_text_is_readable(tone):
    background, _border, ink = TONES[tone]
    assert contrast(ink, background) >= 4.5
    assert contrast("#1a1a1a", background) >= 4.5
