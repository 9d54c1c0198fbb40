"""Starting the wizard: the Qt application, its look, and a plain message if the form cannot load."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from screener.loader import load
from screener.paths import DEFAULT_FORM_DIR, resource
from screener.problems import ProblemsError


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("screener")
    app.setApplicationDisplayName("Ketamine consultation preparation")
    app.setWindowIcon(QIcon(str(resource("icons", "screener.svg"))))
    app.setStyleSheet(resource("styles", "wizard.qss").read_text(encoding="utf-8"))
    return app


def run_wizard() -> int:
    app = make_application()
    try:
        bundle = load(DEFAULT_FORM_DIR)
    except ProblemsError as error:
        QMessageBox.critical(None, "The questionnaire could not be opened", error.render())
        return 2
    from screener.drafts import DraftStore
    from screener.gui.wizard import Wizard

    store = DraftStore(bundle.form)
    wizard = Wizard(bundle, store, store.find())
    wizard.show()
    return app.exec()
