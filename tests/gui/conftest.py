"""Fixtures for the wizard tests: a wizard on screen (offscreen), dialogs patched so none is ever shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from screener.gui.app import make_application
from screener.gui.wizard import Wizard
from tests.gui.driver import PatientDriver


@pytest.fixture(autouse=True)
def no_real_dialogs(qapp, monkeypatch):
    """No dialog is ever shown: questions answer Cancel and are recorded; messages are recorded."""
    make_application()  # our stylesheet and icon, as a patient sees them
    asked: list = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.Cancel
    )
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *args, **kwargs: asked.append(args))
    return asked


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
