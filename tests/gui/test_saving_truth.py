"""Saving tells the truth, a draft is never dropped for one field, and limits hold while typing and pasting."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWizard

from screener.engine.answers import dumps, new_document, parse
from screener.gui.wizard import Wizard
from screener.store.drafts import DraftStore
from tests.conftest import NO_SAFETY_RISK
from tests.gui.driver import PatientDriver


def open_wizard(qtbot, bundle, store):
    window = Wizard(bundle, store, store.find())
    qtbot.addWidget(window)
    window.show()
    return window, PatientDriver(qtbot, window)


def test_a_draft_that_cannot_be_written_is_said_everywhere_and_can_be_saved_elsewhere(
    qtbot, bundle, tmp_path, monkeypatch
):
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")  # fails even for root
    store = DraftStore(bundle.form, blocked)
    wizard, patient = open_wizard(qtbot, bundle, store)
    patient.next()
    patient.type("name", "Sam")
    wizard.save_draft()
    assert "could NOT be saved on this computer" in wizard.progress.saved.text()
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.Save
    )
    elsewhere = tmp_path / "kept.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(elsewhere), ""))
    wizard.close()
    title, message = asked[-1][1], asked[-1][2]
    assert title == "Your answers are not saved" and "they are lost" in message
    assert "kept on this computer" not in message
    assert parse(elsewhere.read_bytes(), "kept").answers["name"] == "Sam"
    assert not wizard.isVisible()


def test_a_change_the_disk_refused_just_before_closing_is_never_called_kept(qtbot, bundle, tmp_path, monkeypatch):
    """The last good save, then the disk fills, then Close within the autosave delay: the truth, not 'kept'."""
    store = DraftStore(bundle.form, tmp_path / "data")
    wizard, patient = open_wizard(qtbot, bundle, store)
    patient.next()
    patient.type("name", "Sam")
    wizard.save_draft()
    assert "Answers saved on this computer" in wizard.progress.saved.text()

    def disk_full(document):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save", disk_full)
    patient.type("name", " Lee")  # not yet saved: the autosave waits a moment after typing
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.Cancel
    )
    wizard.close()
    title, message = asked[-1][1], asked[-1][2]
    assert title == "Your answers are not saved" and "No space left on device" in message
    assert "kept on this computer" not in message
    assert wizard.isVisible() and wizard.answers["name"] == "Sam Lee"


def test_closing_without_a_place_to_save_keeps_the_window_open(qtbot, bundle, tmp_path, monkeypatch):
    blocked = tmp_path / "data"
    blocked.write_text("not a folder", encoding="utf-8")
    wizard, patient = open_wizard(qtbot, bundle, DraftStore(bundle.form, blocked))
    patient.next()
    patient.type("name", "Sam")
    wizard.save_draft()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))  # the patient cancels
    wizard.close()
    assert wizard.isVisible() and wizard.answers["name"] == "Sam"


def test_a_draft_with_one_over_long_answer_resumes_the_rest_and_marks_that_one(qtbot, bundle, tmp_path):
    store = DraftStore(bundle.form, tmp_path / "data")
    answers = {"name": "Sam", **NO_SAFETY_RISK, "own_questions": "x" * 10_001, "a_question_since_removed": 3}
    store.folder.mkdir(parents=True)
    saved = dumps(new_document(bundle.form, answers, page="concerns"))
    store.path.write_text(saved, encoding="utf-8")
    wizard, patient = open_wizard(qtbot, bundle, store)
    notice = wizard.privacy.notice.text()
    assert "marked for you to answer again" in notice and "Your own questions" in notice
    assert "1 saved answer was for questions this version no longer asks" in notice  # never dropped without a word
    kept = next(store.folder.glob("draft-set-aside-*.json"))
    assert str(kept) in notice and kept.read_text(encoding="utf-8") == saved  # the file as it was
    patient._click(wizard.privacy.resume_button)
    patient.on("concerns")
    row = patient.row("own_questions")
    assert row.error.isVisible() and row.error.text().startswith("Please answer this again")
    assert wizard.answers["name"] == "Sam" and "own_questions" not in wizard.answers


def test_a_huge_paste_is_cut_to_the_limit_and_the_patient_is_told(patient):
    from tests.gui.test_behaviour import to_section

    to_section(patient, "concerns")
    widget = patient.row("own_questions").input
    clipboard = QMimeData()
    clipboard.setText("x" * 1_000_000)
    widget.edit.insertFromMimeData(clipboard)
    limit = widget.edit.limit
    assert len(widget.edit.toPlainText()) == limit and len(patient.wizard.answers["own_questions"]) == limit
    assert widget.notice.isVisible() and f"{limit:,} characters" in widget.notice.text()


def _most_characters_ever_held(edit) -> list[int]:
    most = [0]
    edit.document().contentsChanged.connect(lambda: most.__setitem__(0, max(most[0], len(edit.toPlainText()))))
    return most


def test_a_huge_drop_or_input_method_text_is_cut_before_it_lands(patient):
    """Dropped or dictated, a million characters once landed first (a minute's freeze) and were cut after."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QInputMethodEvent

    from tests.gui.test_behaviour import to_section

    to_section(patient, "concerns")
    widget = patient.row("own_questions").input
    edit, limit = widget.edit, widget.edit.limit
    most = _most_characters_ever_held(edit)
    dragged = QMimeData()
    dragged.setText("d" * 1_000_000)
    where, action, button = QPointF(5, 5), Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    QApplication.sendEvent(edit.viewport(), QDragEnterEvent(where, action, dragged, button, Qt.NoModifier))
    QApplication.sendEvent(edit.viewport(), QDragMoveEvent(where, action, dragged, button, Qt.NoModifier))
    QApplication.sendEvent(edit.viewport(), QDropEvent(where, action, dragged, button, Qt.NoModifier))
    assert len(edit.toPlainText()) == limit and most[0] <= limit
    edit.clear()
    edit.setFocus()
    dictated = QInputMethodEvent()
    dictated.setCommitString("i" * 1_000_000)
    QApplication.sendEvent(edit, dictated)
    assert edit.toPlainText() == "i" * limit and most[0] <= limit
    assert widget.notice.isVisible()


def test_a_one_line_answer_holds_its_limit_too(patient):
    patient.next()
    edit = patient.row("name").input.edit
    edit.setFocus()
    edit.insert("y" * 500)  # as a paste arrives
    assert len(edit.text()) == edit.maxLength()
    patient.qtbot.keyClicks(edit, "more")
    assert patient.row("name").input.notice.isVisible()


def test_the_delete_button_still_works_when_nothing_can_be_saved(qtbot, bundle, tmp_path, monkeypatch):
    blocked = tmp_path / "data"
    blocked.write_text("not a folder", encoding="utf-8")
    wizard, patient = open_wizard(qtbot, bundle, DraftStore(bundle.form, blocked))
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    patient.next()
    patient.type("name", "Sam")
    patient._click(wizard.button(QWizard.WizardButton.CustomButton1))
    assert wizard.answers == {}
