"""Benchmark: how the summary's cost grows with a long history (issue 26, "costs that grow gently").

Run:  .venv/bin/python tests/benchmarks/growth.py
In one process, the median of 5 renders of the smallest example against the heavy example grown to 25
medicine trials and 20 therapy courses; the target is a ratio of 1.5 or less. Not part of the test run.
"""

from __future__ import annotations

import json
import statistics
import time

from screener.content.loading import load
from screener.engine.answers import AnswersDocument, new_document, parse
from screener.paths import DEFAULT_FORM_DIR
from screener.report.pipeline import summarise

RUNS = 5


def _median_seconds(bundle, document: AnswersDocument) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        summarise(bundle, document)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    bundle = load(DEFAULT_FORM_DIR)
    examples = DEFAULT_FORM_DIR / "examples"
    small = parse((examples / "worth_discussing.json").read_bytes(), "worth_discussing")
    heavy = json.loads((examples / "heavy_history.json").read_text(encoding="utf-8"))["answers"]
    grown = {**heavy, "med_trials": (heavy["med_trials"] * 5)[:25], "therapy_trials": heavy["therapy_trials"] * 20}
    big = new_document(bundle.form, grown)
    summarise(bundle, small)  # fonts and styles loaded once, as in the wizard and a batch
    small_seconds, big_seconds = _median_seconds(bundle, small), _median_seconds(bundle, big)
    print(
        f"smallest example {small_seconds * 1000:.0f} ms; 25 trials and 20 courses {big_seconds * 1000:.0f} ms; "
        f"ratio {big_seconds / small_seconds:.2f} (target <= 1.5)"
    )


if __name__ == "__main__":
    main()
