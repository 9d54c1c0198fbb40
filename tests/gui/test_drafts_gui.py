"""Autosave, resume, start over, shared-computer mode and 'Delete my answers', as a patient meets them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox, QWizard

from screener.engine.answers import new_document
from screener.gui.wizard import Wizard
from screener.store.drafts import DraftStore
from tests.conftest import NO_SAFETY_RISK
from tests.gui.driver import PatientDriver


@pytest.fixture
def store(bundle, tmp_path):
    return DraftStore(bundle.form, tmp_path / "data")


def open_wizard(qtbot, bundle, store):
    window = Wizard(bundle, store, store.find())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, PatientDriver(qtbot, window)


def named_on_the_safety_page(qtbot, bundle, store):
    """The wizard on the safety page, with a name typed on the page before it."""
    wizard, patient = open_wizard(qtbot, bundle, store)
    patient.next()
    patient.type("name", "Sam")
    patient.next()
    return wizard, patient


def test_answers_are_saved_within_a_second(qtbot, bundle, store):
    wizard, patient = open_wizard(qtbot, bundle, store)
    patient.next()
    patient.type("name", "Sam")
    qtbot.waitUntil(lambda: store.path.exists() and store.find().document.answers.get("name") == "Sam", timeout=1000)
    assert "Answers saved on this computer" in wizard.progress.saved.text()


def test_resume_restores_answers_and_page(qtbot, bundle, store):
    saved_at = dt.datetime(2026, 11, 20, 18, 45)
    answers = {"name": "Sam", **NO_SAFETY_RISK, "diagnosis": "psychiatrist", "ybocs_known": True}
    store.save(new_document(bundle.form, answers, page="diagnosis", saved_at=saved_at))
    wizard, patient = open_wizard(qtbot, bundle, store)
    assert "last saved on 20 November 2026 at 18:45" in wizard.privacy.resume_text.text()
    patient._click(wizard.privacy.resume_button)
    patient.on("diagnosis")
    assert patient.row("ybocs_known").input.buttons[True].isChecked()
    assert patient.row("ybocs_score").isVisible()
    patient.back()
    patient.back()
    assert patient.row("name").input.edit.text() == "Sam"


def test_closing_keeps_the_page_the_patient_was_on(qtbot, bundle, store, monkeypatch):
    """Closing must not save the first page as the place to continue from (QWizard goes back to it on close)."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Close)
    wizard, patient = named_on_the_safety_page(qtbot, bundle, store)
    patient.on("safety")
    wizard.close()
    assert not wizard.isVisible()
    found = store.find().document
    assert found.page == "safety" and found.answers["name"] == "Sam"


def test_start_over_deletes_the_old_draft(qtbot, bundle, store):
    store.save(new_document(bundle.form, {"name": "Sam"}, page="about"))
    wizard, patient = open_wizard(qtbot, bundle, store)
    patient._click(wizard.privacy.start_over_button)
    assert not store.path.exists()
    assert "deleted" in wizard.privacy.notice.text()
    assert wizard.answers == {}


def test_shared_computer_mode_writes_nothing(qtbot, bundle, store, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    store.save(new_document(bundle.form, {"name": "Old"}, page="about"))
    wizard, patient = open_wizard(qtbot, bundle, store)
    patient._click(wizard.privacy.shared)
    assert not store.path.exists()  # the earlier draft went too
    assert "Nothing will be kept on this computer" in wizard.privacy.notice.text()
    patient.next()
    patient.type("name", "Sam")
    patient.next()
    patient.answer_safety("none")
    qtbot.wait(700)
    patient.next()
    wizard.save_draft()
    assert list(store.folder.iterdir()) == []
    assert list((tmp_path / "tmp").iterdir()) == []
    assert not wizard.summary_page.open_button.isEnabled()


def test_delete_my_answers_is_always_there(qtbot, bundle, store, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    wizard, patient = named_on_the_safety_page(qtbot, bundle, store)
    patient.answer_safety("now")
    wizard.save_draft()
    assert store.path.exists()
    delete = wizard.button(QWizard.WizardButton.CustomButton1)
    assert delete.isVisible() and delete.text() == "Delete my answers"
    patient._click(delete)
    assert not store.path.exists() and wizard.answers == {}
    assert wizard.currentId() == wizard.startId()
    assert "Your answers were deleted" in wizard.privacy.notice.text()
    patient.next()
    assert patient.row("name").input.edit.text() == ""


def test_a_bad_draft_is_explained_and_a_fresh_start_offered(qtbot, bundle, store):
    store.folder.mkdir(parents=True)
    store.path.write_text('{"schema_version": 1, "form": {"id": "ketamine', encoding="utf-8")
    wizard, _patient = open_wizard(qtbot, bundle, store)
    notice = wizard.privacy.notice.text()
    assert notice.startswith("Your unfinished answers were damaged and could not be read.")
    assert "We kept it at" in notice and not wizard.privacy.resume_box.isVisible()
    assert wizard.answers == {}
