"""The wizard's language: the default from the system, Qt's own words, and the chooser on every page.

The program's words come from ``screener.i18n`` and the form's from its translation; Qt's own (the
buttons of its message boxes and file dialogs) from the ``qtbase_<lang>.qm`` catalogue that PySide6 ships.
The chooser is labelled in every language at once ("Language · Idioma"), so that anyone can find their
own whatever is on the screen, and it is reached by Alt+L.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QVBoxLayout, QWidget

from screener.i18n import LANGUAGES, SOURCE_LANGUAGE, _, language_of_locale

CHOOSER_LABEL = "&Language · Idioma"  # the same in every language, on purpose

_qt_translator: QTranslator | None = None


def system_language() -> str:
    """The language of the desktop, if the program speaks it; else English."""
    return language_of_locale(QLocale.system().name())


def use_qt_language(code: str) -> None:
    """Qt's own words (Yes, Cancel, Save in its dialogs) in ``code``, and the program's name in window titles;
    English needs no catalogue."""
    global _qt_translator
    app = QApplication.instance()
    app.setApplicationDisplayName(_("Consultation preparation"))
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if code == SOURCE_LANGUAGE:
        return
    translator = QTranslator(app)
    if translator.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        _qt_translator = translator


class LanguageChooser(QWidget):
    """'Language · Idioma' and a list of the languages, each named in itself; ``chosen`` gives the code."""

    chosen = Signal(str)

    def __init__(self, current: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)  # the label above the list: the side panel is narrow
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(2)
        self.combo = QComboBox()
        self.combo.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.combo.addItem(name, code)
        self.combo.setAccessibleName(CHOOSER_LABEL.replace("&", ""))
        label = QLabel(CHOOSER_LABEL)
        label.setBuddy(self.combo)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self.show_language(current)
        self.combo.activated.connect(lambda index: self.chosen.emit(self.combo.itemData(index)))

    def show_language(self, code: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(code))
