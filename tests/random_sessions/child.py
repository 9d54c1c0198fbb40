"""One process running many random sessions of the real wizard, as a restless or unlucky patient would.

Usage: python -m tests.random_sessions.child SEED FIRST COUNT ACTIONS DATA_DIR
Each session opens a wizard, makes ACTIONS random moves (clicks on visible controls, keys, long texts with
emoji, right-to-left or control characters, Back, Next, Close, resizes, dialogs answered at random), then
closes and frees it. After each session one JSON line reports what a person would notice: uncaught
exceptions, Qt warnings (other than the known offscreen one), windows still on screen, actions slower
than a second, and the process's memory. Session n uses the seed SEED + n, so a crash can be replayed.
"""

from __future__ import annotations

import gc
import json
import os
import random
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPoint, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
    QWizard,
)

from screener.content.loading import load
from screener.gui.app import make_application
from screener.gui.wizard import Wizard
from screener.paths import DEFAULT_FORM_DIR
from screener.store.drafts import DraftStore

KNOWN_WARNINGS = ("This plugin does not support",)  # the offscreen platform: no raise, no grabs, no hints
SLOW_SECONDS = 1.0
TEXTS = [
    "Sam",
    "Zoë <b>&amp;",
    "😀 emoji 🧠",
    "שלום עולם",
    "مرحبا بك",
    "a\x00b\x07c",
    "line\nbreak\ttab",
    "\u202eevil",
    "1",
    "2.5",
    "$3,000",
    "-7",
    "14/12/2026",
    "2026-02-30",
    "x" * 5000,
    "long " * 400,
    "李小龙",
]
KEYS = [
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Space,
    Qt.Key.Key_Down,
    Qt.Key.Key_Up,
    Qt.Key.Key_Return,
    Qt.Key.Key_Escape,
    Qt.Key.Key_F1,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
]
SIZES = [(480, 360), (800, 600), (1024, 600), (960, 540), (1280, 800), (1920, 1080)]
QUESTION_ANSWERS = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Close, QMessageBox.StandardButton.Yes]


class Counters:
    def __init__(self):
        self.exceptions: list[str] = []
        self.warnings: list[str] = []

    def excepthook(self, kind, value, trace) -> None:
        self.exceptions.append("".join(traceback.format_exception(kind, value, trace))[-1500:])

    def qt_message(self, mode, _context, message: str) -> None:
        if mode == QtMsgType.QtFatalMsg:
            print(f"Qt fatal: {message}", file=sys.stderr, flush=True)  # Qt aborts right after this
        if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) and not any(
            known in message for known in KNOWN_WARNINGS
        ):
            self.warnings.append(message)


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def patch_dialogs(chooser: random.Random, folder: Path) -> None:
    """Dialogs answer at random, as a person might, without ever opening a window of their own."""
    QMessageBox.question = staticmethod(lambda *args, **kwargs: chooser.choice(QUESTION_ANSWERS))
    for name in ("information", "warning", "critical"):
        setattr(QMessageBox, name, staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Ok))
    QFileDialog.getSaveFileName = staticmethod(
        lambda *args, **kwargs: (str(folder / "summary.pdf"), "") if chooser.random() < 0.5 else ("", "")
    )
    # "Start from an earlier summary": an example, the summary saved above (if any), a missing file, or Cancel
    earlier = [str(path) for path in sorted((DEFAULT_FORM_DIR / "examples").glob("*.json"))]
    earlier += [str(folder / "summary.pdf"), str(folder / "nothing-here.json"), ""]
    QFileDialog.getOpenFileName = staticmethod(lambda *args, **kwargs: (chooser.choice(earlier), ""))


def visible_controls(wizard: QWizard) -> list[QWidget]:
    return [
        widget
        for widget in wizard.findChildren(QWidget)
        if isinstance(widget, (QAbstractButton, QLineEdit, QPlainTextEdit))
        and widget.isVisible()
        and widget.isEnabled()
        and widget.width() > 0
        and widget.height() > 0
    ]


def act(chooser: random.Random, app: QApplication, wizard: QWizard) -> None:
    move = chooser.random()
    controls = visible_controls(wizard)
    if move < 0.45 and controls:
        target = chooser.choice(controls)
        if isinstance(target, QAbstractButton):
            QTest.mouseClick(
                target, Qt.MouseButton.LeftButton, pos=QPoint(min(8, target.width() // 2), target.height() // 2)
            )
        else:
            target.setFocus()
            if chooser.random() < 0.7:
                type_text(target, chooser.choice(TEXTS)[:300])
            else:
                paste(target, chooser.choice(TEXTS) * chooser.randint(1, 40))
    elif move < 0.75:
        press(wizard.focusWidget() or wizard, chooser.choice(KEYS))
    elif move < 0.85:
        which = chooser.choice([QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton])
        button = wizard.button(which)
        if button.isVisible() and button.isEnabled():
            button.click()
    elif move < 0.95:
        wizard.resize(*chooser.choice(SIZES))
    else:
        wizard.close()
    app.processEvents()


def press(target: QWidget, key: Qt.Key) -> None:
    """A key as the keyboard sends it (QTest.keyClick asserts on keys it cannot spell, such as F1)."""
    text = {
        Qt.Key.Key_Tab: "\t",
        Qt.Key.Key_Space: " ",
        Qt.Key.Key_Return: "\r",
        Qt.Key.Key_Escape: "\x1b",
        Qt.Key.Key_Backspace: "\x08",
    }.get(key, "")
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def type_text(target: QWidget, text: str) -> None:
    """Typing: each character as a key event carrying its text, as a keyboard (or an input method) sends it."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def paste(target: QWidget, text: str) -> None:
    """A paste: the whole text arrives at once, as from the clipboard."""
    target.insertPlainText(text) if isinstance(target, QPlainTextEdit) else target.insert(text)


def run_session(
    number: int, seed: int, actions: int, app: QApplication, bundle, folder: Path, counters: Counters
) -> dict:
    chooser = random.Random(seed + number)
    patch_dialogs(chooser, folder)
    before_exceptions, before_warnings = len(counters.exceptions), len(counters.warnings)
    store = DraftStore(bundle.form, folder / f"data{number % 3}")  # resumes and bad drafts happen too
    wizard = Wizard(bundle, store, store.find())
    wizard.show()
    slowest = 0.0
    for _ in range(actions):
        started = time.perf_counter()
        act(chooser, app, wizard)
        slowest = max(slowest, time.perf_counter() - started)
        if not wizard.isVisible():
            break
    QWizard.reject(wizard)  # the base close: asks nothing
    wizard.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()
    left = [w for w in app.topLevelWidgets() if w.isVisible() and w.isWindow()]
    return {
        "session": number,
        "exceptions": counters.exceptions[before_exceptions:],
        "warnings": counters.warnings[before_warnings:],
        "windows_left": len(left),
        "slowest": round(slowest, 3),
        "rss_mib": round(rss_mib(), 2),
    }


def main() -> None:
    seed, first, count, actions, folder = (
        int(sys.argv[1]),
        int(sys.argv[2]),
        int(sys.argv[3]),
        int(sys.argv[4]),
        Path(sys.argv[5]),
    )
    counters = Counters()
    sys.excepthook = counters.excepthook
    qInstallMessageHandler(counters.qt_message)
    app = make_application()
    bundle = load(DEFAULT_FORM_DIR)
    for number in range(first, first + count):
        print(json.dumps(run_session(number, seed, actions, app, bundle, folder, counters)), flush=True)


if __name__ == "__main__":
    main()
