"""Scrolling pages: content that scrolls down, never sideways, so any screen shows the buttons below it.

The first page is built before anything else, and touching Qt's ``Qt`` namespace costs about 20 ms
(PySide6 builds its enum classes then), so ``scrolling(..., settle_later=True)`` leaves the two policies
that need it to ``settle`` once the first page is on screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(content: QWidget, settle_later: bool = False) -> QScrollArea:
    """A vertical scroll area that never scrolls sideways: its content wraps to the window's width."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    if not settle_later:
        settle(area)
    return area


def settle(area: QScrollArea) -> None:
    from PySide6.QtCore import Qt

    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
