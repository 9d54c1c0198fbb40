"""Fixtures for the wizard tests: a wizard on screen (offscreen), dialogs patched so none is ever shown,
and the invariant that no test leaves more than one window visible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWizard

from screener.gui.app import make_application
from screener.gui.wizard import Wizard
from tests.gui.driver import PatientDriver
from tests.gui.windows import assert_at_most_one_window


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    """Every GUI test ends with at most one window on screen: the wizard (dialogs are patched away)."""
    yield
    assert_at_most_one_window()


@pytest.fixture(autouse=True)
def no_real_dialogs(qapp, monkeypatch):
    """No dialog is ever shown: questions answer Cancel and are recorded; messages are recorded.

    Afterwards every window the test opened is closed for good (the wizard's own close asks first, and the
    patched question says Cancel), so no test sees the windows of another.
    """
    make_application()  # our stylesheet and icon, as a patient sees them
    asked: list = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.Cancel
    )
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *args, **kwargs: asked.append(args))
    for name in ("getOpenFileName", "getSaveFileName"):  # a file picker is cancelled unless a test picks a file
        monkeypatch.setattr(QFileDialog, name, lambda *args, **kwargs: asked.append(args) or ("", ""))
    yield asked
    for window in QApplication.topLevelWidgets():
        if isinstance(window, QWizard):
            QWizard.reject(window)  # the base close, which asks nothing
            window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def wizard(qtbot, bundle, no_real_dialogs):
    window = Wizard(bundle)
    window.asked = no_real_dialogs
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def patient(qtbot, wizard):
    return PatientDriver(qtbot, wizard)
