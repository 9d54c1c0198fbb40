"""The wizard in Spanish: chosen on any page by keyboard, every answer and the page kept, no English left
but names and source titles, and a summary for the specialist in either language."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QWidget, QWizard

from screener.gui.language import use_qt_language
from screener.i18n import set_language
from tests.gui.test_behaviour import to_section, to_summary_with_nothing_tried
from tests.pdf_helpers import pdf_text

# Words that are English and never Spanish: a text with one of them was left untranslated.
ENGLISH = re.compile(
    r"\b(the|and|your|you|with|this|that|what|have|how|please|were|was|are|any|did|does|of|it|is|on|for|to|"
    r"next|back|close|help|yes|summary|review|step|answers?|question)\b",
    re.IGNORECASE,
)


@pytest.fixture(autouse=True)
def english_again():
    """The program's language is the process's: every test here ends in English, as the others expect."""
    yield
    set_language("en")
    use_qt_language("en")


def press(qtbot, wizard, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key where the keyboard is (as a person presses it), never on a widget picked by the test."""
    qtbot.keyClick(QApplication.focusWidget() or wizard, key, modifier)


def choose_language(qtbot, wizard, name: str) -> None:
    """As a person does: Alt+L to the chooser, then the arrow keys to the language, named in itself."""
    press(qtbot, wizard, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    combo = wizard.language.combo
    assert QApplication.focusWidget() is combo
    while combo.currentText() != name:
        key = Qt.Key.Key_Down if combo.currentIndex() < combo.findText(name) else Qt.Key.Key_Up
        press(qtbot, wizard, key)


def shown_texts(root) -> list[str]:
    """Every word a person sees in the window, or a screen reader reads, outside the summary itself (whose
    sources keep their own titles and names; its words are read in tests/test_spanish.py)."""
    texts = []
    summary = {root.summary_page.text, root.summary_page.rest}
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget in summary:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    texts += [root.windowTitle(), root.currentPage().title(), root.currentPage().subTitle()]
    return [re.sub(r"<[^>]+>", " ", text) for text in texts if text]


def english_in(wizard) -> list[str]:
    allowed = {"Language · Idioma", "English"}  # the chooser names each language in itself
    return [text for text in shown_texts(wizard) if text not in allowed and ENGLISH.search(text.replace("&", ""))]


# Answers that bring every question and every entry editor onto its page, so that all of them are read.
EVERY_QUESTION_SHOWN = {
    "safety": [lambda patient: patient.answer_safety("none")],
    "treatments_overview": [lambda patient: patient.choose("treatment_kinds", "medicines", "therapy", "other")],
    "medicines": [lambda patient: patient.add_entry("med_trials", medicine="other")],
    "therapy": [lambda patient: patient.add_entry("therapy_trials", therapy_type="erp")],
    "other_treatments": [
        lambda patient: patient.choose("other_treatment_kinds", "antipsychotic", "ketamine", "other"),
        lambda patient: patient.add_entry("augmentation_trials", drug="other"),
    ],
    "medical": [
        lambda patient: patient.choose("conditions", "heart", "substance"),
        lambda patient: patient.choose("interacting_medicines", "benzodiazepines", "opioids", "stimulants"),
    ],
    "goals": [lambda patient: patient.choose("hopes", "other")],
}


def test_switching_language_keeps_every_answer_and_the_page(qtbot, wizard, patient):
    to_section(patient, "about")
    patient.type("name", "Zoë Núñez")
    patient.choose("age_band", "age_25_44")
    patient.next()
    patient.answer_safety("none")
    answers = dict(wizard.answers)
    choose_language(qtbot, wizard, "Español")
    assert wizard.currentPage().step_id == "safety"
    assert wizard.currentPage().title() == "Su seguridad"
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Siguiente"
    assert wizard.answers == answers
    assert patient.row("wish_dead").input.buttons[False].isChecked()
    assert patient.row("wish_dead").input.buttons[False].text() == "No"
    assert patient.row("wish_dead").label.text().startswith("En las últimas semanas")
    assert wizard.progress.step.text().startswith("Paso ")
    press(qtbot, wizard, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Atrás: the shortcut in Spanish
    qtbot.waitUntil(lambda: wizard.currentPage().step_id == "about")  # a mnemonic clicks after a short flash
    assert patient.row("name").input.text() == "Zoë Núñez"
    assert patient.row("age_band").input.buttons["age_25_44"].isChecked()
    press(qtbot, wizard, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Siguiente
    qtbot.waitUntil(lambda: wizard.currentPage().step_id == "safety")
    choose_language(qtbot, wizard, "English")
    assert wizard.currentPage().title() == "Your safety"
    assert wizard.answers == answers


def test_crisis_help_is_shown_again_in_the_new_language(qtbot, wizard, patient):
    to_section(patient, "safety")
    patient.answer_safety("now")
    assert wizard.currentPage().crisis.isVisible()
    choose_language(qtbot, wizard, "Español")
    panel = wizard.currentPage().crisis
    assert panel.isVisibleTo(wizard) and panel.title.text() == "Hay ayuda disponible ahora"
    assert "Ahora mismo tiene pensamientos de quitarse la vida" in panel.body.text()
    assert wizard.progress.help_button.text() == "Pedir ayuda ahora"


def test_the_spanish_wizard_shows_no_english_from_the_first_page_to_the_summary(qtbot, wizard, patient):
    choose_language(qtbot, wizard, "Español")
    assert english_in(wizard) == []
    seen = set()
    for _ in range(len(wizard.section_pages) + 3):
        page = wizard.currentPage()
        seen.add(page.title())
        assert english_in(wizard) == [], page.title()
        if page is wizard.summary_page:
            break
        for action in EVERY_QUESTION_SHOWN.get(getattr(page, "step_id", ""), []):
            action(patient)
            assert english_in(wizard) == [], page.title()
        patient.next()
    assert {"Bienvenida", "Su seguridad", "Medicamentos para el TOC", "Su salud", "Su resumen"} <= seen
    assert "Resultado de la evaluación" in wizard.summary_page.text.text()


def test_a_spanish_wizard_writes_an_english_summary_and_the_reverse(qtbot, wizard, patient):
    choose_language(qtbot, wizard, "Español")
    to_summary_with_nothing_tried(patient)
    summary = wizard.summary_page
    assert summary.report.language == "es" and "Resumen para la consulta" in pdf_text(summary.pdf_bytes)
    combo = summary.findChild(QComboBox, "summary_language")
    press(qtbot, wizard, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # "Resumen para el especialista &en:"
    assert QApplication.focusWidget() is combo
    press(qtbot, wizard, Qt.Key.Key_Up)  # to English, by keyboard
    assert summary.report.language == "en"
    assert "Consultation summary" in pdf_text(summary.pdf_bytes)
    assert summary.title() == "Su resumen"  # the page itself stays in the patient's language
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "&Terminar"
    choose_language(qtbot, wizard, "English")
    assert summary.report.language == "en" and summary.title() == "Your summary"
    press(qtbot, wizard, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # "Summary for the specialist &in:"
    press(qtbot, wizard, Qt.Key.Key_Down)  # an English wizard, a Spanish summary
    assert summary.report.language == "es" and "Resumen para la consulta" in pdf_text(summary.pdf_bytes)


def test_the_chosen_language_is_remembered_privately_unless_nothing_may_be_kept(qtbot, bundle, tmp_path):
    import os
    import stat
    import subprocess
    import sys
    from pathlib import Path

    from screener.gui.wizard import Wizard
    from screener.store.drafts import DraftStore

    store = DraftStore(bundle.form, tmp_path / "data")
    wizard = Wizard(bundle, store, store.find())
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)  # the first page puts the keyboard on Next
    choose_language(qtbot, wizard, "Español")
    remembered = tmp_path / "data" / "language"
    assert remembered.read_text(encoding="utf-8") == "es\n"
    assert stat.S_IMODE(remembered.stat().st_mode) == 0o600
    # the next start opens in it, whatever the system's language
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SCREENER_DATA_DIR": str(tmp_path / "data"),
           "SCREENER_CACHE_DIR": str(tmp_path / "cache"), "SCREENER_QUIT_WHEN_READY": "1", "LANG": "en_US.UTF-8",
           "LC_ALL": "en_US.UTF-8"}  # fmt: skip
    code = "from screener.gui.app import run_wizard\nimport screener.i18n as i\nrun_wizard()\nprint(i.current())\n"
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parents[2])  # fmt: skip
    assert run.stdout.split()[-1] == "es"
    qtbot.mouseClick(wizard.privacy.shared, Qt.MouseButton.LeftButton)  # nothing kept: not even the language
    assert wizard.privacy.shared.isChecked() and not remembered.exists()
    choose_language(qtbot, wizard, "English")
    assert not remembered.exists()
