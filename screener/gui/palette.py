"""The program's own light palette, pinned so that a dark or high-contrast desktop theme cannot make
text unreadable (the stylesheet paints light backgrounds; the palette makes every text colour match).

Every text colour here has at least 4.5:1 contrast on the background it is drawn on (WCAG AA), and the
focus and selection colour at least 3:1 against white, as a focus ring must (tests/test_tones.py).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

INK = "#1a1a1a"
PAPER = "#ffffff"
MUTED_INK = "#4a4a4a"
DISABLED_INK = "#6b6b6b"
ACCENT = "#1f5fa8"  # focus ring, selection, links

ACTIVE = {
    QPalette.ColorRole.Window: PAPER,
    QPalette.ColorRole.WindowText: INK,
    QPalette.ColorRole.Base: PAPER,
    QPalette.ColorRole.AlternateBase: "#f2f5f8",
    QPalette.ColorRole.Text: INK,
    QPalette.ColorRole.Button: "#eef1f4",
    QPalette.ColorRole.ButtonText: INK,
    QPalette.ColorRole.BrightText: PAPER,
    QPalette.ColorRole.Highlight: ACCENT,
    QPalette.ColorRole.HighlightedText: PAPER,
    QPalette.ColorRole.ToolTipBase: "#fffbe6",
    QPalette.ColorRole.ToolTipText: INK,
    QPalette.ColorRole.PlaceholderText: MUTED_INK,
    QPalette.ColorRole.Link: ACCENT,
    QPalette.ColorRole.LinkVisited: "#5a3d8a",
    QPalette.ColorRole.Light: PAPER,
    QPalette.ColorRole.Midlight: "#dfe4e9",
    QPalette.ColorRole.Mid: "#9aa5b1",
    QPalette.ColorRole.Dark: "#5f6b77",
    QPalette.ColorRole.Shadow: "#3a4148",
}
DISABLED = {
    QPalette.ColorRole.WindowText: DISABLED_INK,
    QPalette.ColorRole.Text: DISABLED_INK,
    QPalette.ColorRole.ButtonText: DISABLED_INK,
}


def light_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ACTIVE.items():
        palette.setColor(role, QColor(colour))
    for role, colour in DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette
