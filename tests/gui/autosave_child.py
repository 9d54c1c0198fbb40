"""Child process for the kill test: the real wizard, autosaving while answers keep changing.

Usage: python -m tests.gui.autosave_child DATA_DIR
Prints "READY" once the wizard is up, then "STEP <n> <question> <monotonic time>" after each change.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

from screener.content.loading import load
from screener.gui.app import make_application
from screener.gui.wizard import Wizard
from screener.paths import DEFAULT_FORM_DIR
from screener.store.drafts import DraftStore
from tests.conftest import NO_SAFETY_RISK

QUESTIONS = ("name", "clinic", "success", "own_questions", "budget_3_months")


def value_for(question: str, step: int):
    return step * 10 if question == "budget_3_months" else f"answer {step}"


def main() -> None:
    app = make_application()
    bundle = load(DEFAULT_FORM_DIR)
    wizard = Wizard(bundle, DraftStore(bundle.form, sys.argv[1]))
    wizard.show()
    for question_id, value in NO_SAFETY_RISK.items():
        wizard.set_answer(question_id, value)
    step = 0

    def change() -> None:
        nonlocal step
        step += 1
        question = QUESTIONS[step % len(QUESTIONS)]
        wizard.set_answer(question, value_for(question, step))  # the same path a widget's edit takes
        print(f"STEP {step} {question} {time.monotonic():.4f}", flush=True)

    timer = QTimer()
    timer.timeout.connect(change)
    timer.start(25)
    print("READY", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
