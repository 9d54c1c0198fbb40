"""Fixtures for the wizard tests: a wizard on screen (offscreen), dialogs patched so none is ever shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from screener.gui.app import make_application
from screener.gui.wizard import Wizard
from tests.gui.driver import PatientDriver


@pytest.fixture
def wizard(qtbot, bundle, monkeypatch):
    make_application()  # our stylesheet and icon, as a patient sees them
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or
                        QMessageBox.StandardButton.Cancel)
    window = Wizard(bundle)
    window.asked = asked
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def patient(qtbot, wizard):
    return PatientDriver(qtbot, wizard)
