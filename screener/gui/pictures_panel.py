"""The summary page's pictures of 100 people: each option's main benefit and harm, drawn with QPainter.

The figures and their shades come from ``screener.report.pictograph``, as in the PDF. Each picture is a
widget a screen reader names ("Ketamine treatment, main harm") and describes with the same words printed
beside it, so the numbers never live only in the drawing.
"""

from __future__ import annotations

from functools import cache
from html import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAccessible, QColor, QPainter, QPen
from PySide6.QtWidgets import QAccessibleWidget, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from screener.report.model import OptionsView, PictureView
from screener.report.pictograph import BODY, COLUMNS, HEAD, OUTLINE, SHADES, cell, shades

FIGURE_PX = 11  # logical pixels a figure: the picture is 110 px square, scaled with the screen


class IconArray(QWidget):
    """100 figures, ten to a row; ``people`` dark, up to ``up_to`` light with an edge, the rest pale."""

    def __init__(self, picture: PictureView, name: str):
        super().__init__()
        self.shades = shades(picture.people or 0, picture.up_to)
        side = FIGURE_PX * COLUMNS
        self.setFixedSize(side, side)
        self.setAccessibleName(f"{name}, {picture.label.lower()}")
        self.setAccessibleDescription(picture.words)
        self.setToolTip(picture.words)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        step = self.width() / COLUMNS
        head_x, head_y, radius = HEAD
        left, top, width, height, corner = BODY
        for index, shade in enumerate(self.shades):
            column, row = cell(index)
            x, y = column * step, row * step
            painter.setBrush(QColor(SHADES[shade]))
            painter.setPen(QPen(QColor(OUTLINE), 0.8) if shade == "range" else Qt.PenStyle.NoPen)
            painter.drawEllipse(
                QRectF(x + (head_x - radius) * step, y + (head_y - radius) * step, 2 * radius * step, 2 * radius * step)
            )
            painter.drawRoundedRect(
                QRectF(x + left * step, y + top * step, width * step, height * step), corner * step, corner * step
            )
        painter.end()


def _as_graphic(key: str, widget) -> QAccessibleWidget | None:
    """A picture is announced as a graphic (with its name and description), not as an empty pane."""
    return QAccessibleWidget(widget, QAccessible.Role.Graphic) if isinstance(widget, IconArray) else None


@cache
def _announce_pictures_as_graphics() -> None:
    """Once for the whole program: Qt asks the factory about every widget a screen reader reaches."""
    QAccessible.installFactory(_as_graphic)


def pictures_panel(view: OptionsView) -> QWidget:
    """The heading, what the pictures show, and per option its name, then benefit and harm side by side."""
    _announce_pictures_as_graphics()
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    heading = _wrapped(f"<h3>{escape(view.pictures_heading)}</h3>")
    layout.addWidget(heading)
    layout.addWidget(_wrapped(escape(view.pictures_intro)))
    grid = QGridLayout()
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    for row, option in enumerate(view.pictures):
        grid.addWidget(_wrapped(f"<b>{escape(option.name)}</b>"), 2 * row, 0, 1, 4)
        for column, picture in enumerate((option.benefit, option.harm)):
            words = _wrapped(f"<b>{escape(picture.label)}:</b> {escape(picture.words)}")
            if picture.people is None:
                grid.addWidget(words, 2 * row + 1, 2 * column, 1, 2)
                continue
            grid.addWidget(IconArray(picture, option.name), 2 * row + 1, 2 * column, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(words, 2 * row + 1, 2 * column + 1, Qt.AlignmentFlag.AlignTop)
    layout.addLayout(grid)
    return panel


def _wrapped(html: str) -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label
