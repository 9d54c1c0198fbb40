"""Colours for each outcome tone (background, border, text), shared by the PDF and the summary page.

Every text colour passes WCAG AA (4.5:1) on its background.
"""

TONES = {
    "urgent": ("#fdecea", "#b3261e", "#7a1410"),
    "attention": ("#fff3e0", "#a85400", "#5c2e00"),
    "caution": ("#fff8d6", "#8a6d00", "#4d3d00"),
    "calm": ("#e7f3eb", "#2e6b3f", "#1d4528"),
}
