"""WCAG contrast between two colours, for tests of colours in data and of pixels on screen."""

from __future__ import annotations


def luminance(red: int, green: int, blue: int) -> float:
    channels = [value / 255 for value in (red, green, blue)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    light, dark = sorted([luminance(*first), luminance(*second)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def contrast(first: str, second: str) -> float:
    return ratio(hex_rgb(first), hex_rgb(second))
