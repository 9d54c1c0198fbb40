"""Counting what a person sees on the screen: visible top-level windows and dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

WINDOW_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Tool)


def visible_windows() -> list[QWidget]:
    """Top-level windows and dialogs on screen (not menus, tooltips or popups the user opened)."""
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if widget.isVisible() and widget.windowType() in WINDOW_TYPES
    ]


def assert_at_most_one_window() -> None:
    windows = visible_windows()
    assert len(windows) <= 1, "more than one window on screen: " + ", ".join(
        f"{type(window).__name__} “{window.windowTitle()}”" for window in windows
    )
