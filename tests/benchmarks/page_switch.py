"""Benchmark: a page switch in the wizard beside a group of 20 entries (issue 26: median under 10 ms).

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/page_switch.py
The heavy example grown to 20 medicine trials; Next and Back between the medicines page and the next one,
15 times, each until its events are processed. Not part of the test run.
"""

from __future__ import annotations

import json
import statistics
import time

from PySide6.QtWidgets import QApplication

from screener.content.loading import load
from screener.gui.app import make_application
from screener.gui.wizard import Wizard
from screener.paths import DEFAULT_FORM_DIR

SWITCHES = 15


def main() -> None:
    app = make_application()
    bundle = load(DEFAULT_FORM_DIR)
    heavy = json.loads((DEFAULT_FORM_DIR / "examples" / "heavy_history.json").read_text(encoding="utf-8"))
    answers = {**heavy["answers"], "med_trials": (heavy["answers"]["med_trials"] * 4)[:20]}
    wizard = Wizard(bundle)
    wizard.show()
    wizard.restore(answers)
    wizard.walk_forward_to("medicines")
    QApplication.processEvents()
    medicines = wizard.page_id("medicines")
    times = []
    for _ in range(SWITCHES):
        started = time.perf_counter()
        wizard.next() if wizard.currentId() == medicines else wizard.back()
        QApplication.processEvents()
        times.append(time.perf_counter() - started)
    print(
        f"page switch beside 20 entries: median {statistics.median(times) * 1000:.1f} ms, "
        f"slowest {max(times) * 1000:.1f} ms (target: median under 10 ms)"
    )
    wizard.done(0)
    app.processEvents()


if __name__ == "__main__":
    main()
