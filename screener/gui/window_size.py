"""Opening the window at a size that fits the screen it is on, from a netbook to a 4K monitor at 200 %."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

PREFERRED = (960, 720)  # logical pixels: room for a page of questions beside the progress list
SMALLEST = (560, 400)  # below this the pages scroll; the navigation buttons always stay on screen
SCREEN_SHARE = 0.92  # leave room for the window frame and the desktop's panels


def fit_to_screen(window: QWidget) -> None:
    """Size the window to the preferred size, or to the available screen if that is smaller; resizable."""
    screen = window.screen()
    available = screen.availableGeometry() if screen is not None else None
    width, height = PREFERRED
    if available is not None:
        width = min(width, int(available.width() * SCREEN_SHARE))
        height = min(height, int(available.height() * SCREEN_SHARE))
    window.setMinimumSize(min(SMALLEST[0], width), min(SMALLEST[1], height))
    window.resize(width, height)
