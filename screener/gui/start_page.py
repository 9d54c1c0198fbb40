"""The first page, light enough to show before the questionnaire has loaded.

It shows the form's introduction at once (from the checked form in the cache, or else straight from
form.yaml); the privacy choices and the
Next button become available when the questionnaire is ready, a moment later.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizardPage

from screener.gui.scroll import scrolling, settle
from screener.gui.text import reflow

if TYPE_CHECKING:
    from screener.content.form import Form


@dataclass(frozen=True)
class StartText:
    window_title: str
    title: str
    intro: str
    section_titles: list[str]


def start_text_of(form: Form) -> StartText:
    """The same words, from a form already loaded (from the cache: no YAML to read)."""
    first = form.sections[0]
    return StartText(form.title, first.title, first.intro or "", [section.title for section in form.sections])


def read_start_text(form_dir: Path, language: str = "en") -> StartText:
    """The title and introduction of a form in ``language``, without validating it (that happens right after)."""
    from screener.content.yaml_files import parse_yaml

    raw = parse_yaml((form_dir / "form.yaml").read_text(encoding="utf-8"))
    if language != "en":
        from screener.content.problems import Problems
        from screener.content.translation import read_entries, translated, translation_file

        entries = read_entries(translation_file(form_dir / "form.yaml", language), language, Problems())
        raw = translated(raw, "form", entries)  # a broken translation is reported when the form is loaded
    first = raw["sections"][0]
    return StartText(
        raw.get("title", ""),
        first.get("title", ""),
        first.get("intro") or "",
        [section.get("title", "") for section in raw["sections"]],
    )


class StartPage(QWizardPage):
    def __init__(self, text: StartText):
        super().__init__()
        self.step_id = ""  # the form's first section id, once loaded
        self.ready = False
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("intro")
        self.content_layout.addWidget(self.intro)
        self.show_text(text)
        self.content_layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.area = scrolling(content, settle_later=True)  # settled in set_ready, after the first paint
        outer.addWidget(self.area)

    def show_text(self, text: StartText) -> None:
        self.setTitle(text.title)
        self.intro.setText(reflow(text.intro))

    def add_panel(self, panel: QWidget) -> None:
        self.content_layout.insertWidget(1, panel)

    def focus_first(self) -> None:
        """Nothing to answer here: the keyboard starts on "Continue where I left off" if offered, else Next."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QPushButton, QWizard

        resume = self.findChild(QPushButton, "resume")
        target = (
            resume
            if resume is not None and resume.isVisibleTo(self)
            else self.wizard().button(QWizard.WizardButton.NextButton)
        )
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def set_ready(self) -> None:
        settle(self.area)
        self.ready = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.ready
