"""Under a dark desktop theme every page stays readable: text contrast measured from grabbed pixels."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLabel, QRadioButton, QStyle, QStyleOptionButton

from screener.gui.app import make_application
from screener.gui.wizard import Wizard
from tests.contrast import ratio
from tests.gui.driver import PatientDriver

DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#2b2c2f",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#3c4043",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.Highlight: "#8ab4f8",
}
MIN_TEXT_CONTRAST = 4.5


@pytest.fixture
def dark_desktop(qapp):
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    QApplication.setPalette(palette)  # what a dark system theme hands the program at start
    make_application()
    yield


def _text_area(widget):
    if isinstance(widget, (QRadioButton, QCheckBox)):
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        element = (
            QStyle.SubElement.SE_RadioButtonContents
            if isinstance(widget, QRadioButton)
            else QStyle.SubElement.SE_CheckBoxContents
        )
        return widget.style().subElementRect(element, option, widget)
    return widget.rect()


def text_contrast(window_image, widget) -> float:
    """The contrast between the commonest colour (the background) and the colour that stands out most,
    in the widget's text area as the window shows it (so transparent labels are seen on their real parent)."""
    area = _text_area(widget)
    area.moveTopLeft(widget.mapTo(widget.window(), area.topLeft()))
    image = window_image.copy(area)
    pixels = Counter(image.pixel(x, y) for x in range(0, image.width()) for y in range(0, image.height()))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    base = (background.red(), background.green(), background.blue())
    return max(
        ratio(base, (QColor.fromRgb(p).red(), QColor.fromRgb(p).green(), QColor.fromRgb(p).blue())) for p in pixels
    )


def readable_problems(page) -> list[str]:
    problems = []
    window_image = page.window().grab().toImage()
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        text = widget.text().strip()
        if not text or not widget.isVisible() or widget.visibleRegion().isEmpty():
            continue
        measured = text_contrast(window_image, widget)
        if measured < MIN_TEXT_CONTRAST:
            problems.append(f"“{text[:40]}” {measured:.2f}:1")
    return problems


def test_every_page_is_readable_under_a_dark_theme(qtbot, bundle, dark_desktop):
    wizard = Wizard(bundle)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.resize(1000, 2400)  # tall enough that every question of a page is on screen at once
    patient = PatientDriver(qtbot, wizard)
    seen = []
    for _ in range(20):
        page = wizard.currentPage()
        seen.append(page.title())
        if page.step_id == "safety":
            patient.answer_safety("screen")  # the crisis panel is measured too
        elif page.step_id == "treatments_overview":
            patient.choose("treatment_kinds", "medicines")
        elif page.step_id == "medicines":
            patient.add_entry("med_trials", medicine="sertraline")
        problems = readable_problems(page) + readable_problems(wizard.progress)
        assert problems == [], f"{page.title()}: {problems}"
        if page is wizard.summary_page:
            break
        patient.next()
    assert "Your summary" in seen and len(seen) >= 12
