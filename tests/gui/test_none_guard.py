"""Regression: a long session of Qt calls must not abort the interpreter (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CALLS = 200_000  # far more than None's starting reference count (a few thousand)


def test_many_qt_calls_that_return_nothing_do_not_crash():
    code = (
        "import screener.gui\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        f"for _ in range({CALLS}):\n"
        "    label.setText('Please answer this question.')\n"
        "print('survived')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[2], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0 and "survived" in done.stdout, done.stderr[-500:]
