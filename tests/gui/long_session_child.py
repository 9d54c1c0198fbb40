"""Child process for the long-session test: one real wizard, thousands of option clicks.

Usage: python -m tests.gui.long_session_child CLICKS DATA_DIR
Clicks the options on the first questions page with real mouse events, as many times as asked, and
prints "SURVIVED <clicks>" at the end. On Python 3.11 with PySide6 6.12's abi3 build, the interpreter
aborted ("deallocating True or False") after about 1,150 option clicks.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton

from screener.content.loading import load
from screener.gui.app import make_application
from screener.gui.wizard import Wizard
from screener.paths import DEFAULT_FORM_DIR
from screener.store.drafts import DraftStore


def main() -> None:
    clicks, folder = int(sys.argv[1]), sys.argv[2]
    make_application()
    bundle = load(DEFAULT_FORM_DIR)
    wizard = Wizard(bundle, DraftStore(bundle.form, folder))
    wizard.show()
    wizard.next()  # the first questions page, which has options to click
    page = wizard.currentPage()
    buttons: list[QAbstractButton] = [
        button
        for row in page.rows.values()
        if row.isVisible() and hasattr(row.input, "buttons")
        for button in row.input.buttons.values()
    ]
    assert buttons, "no option buttons on the page"
    for click in range(clicks):
        button = buttons[click % len(buttons)]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    print(f"SURVIVED {clicks}", flush=True)


if __name__ == "__main__":
    main()
