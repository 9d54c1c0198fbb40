"""Benchmark: time to render a full summary in-process, once reportlab is imported (not a test).

Run: .venv/bin/python tests/benchmarks/render_in_process.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

import reportlab.platypus  # noqa: F401  (imported before timing: we measure rendering, not import)

from screener.content.loading import load
from screener.engine.answers import parse
from screener.paths import DEFAULT_FORM_DIR
from screener.report.pipeline import summarise


def main() -> None:
    bundle = load(DEFAULT_FORM_DIR)
    document = parse((DEFAULT_FORM_DIR / "examples" / "with_precautions.json").read_bytes(), "example")
    summarise(bundle, document, made_on=dt.date(2026, 11, 23))  # warm-up: fonts registered once
    times = []
    for _ in range(20):
        start = time.perf_counter()
        summarise(bundle, document, made_on=dt.date(2026, 11, 23))
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"render full summary in-process: median {statistics.median(times):.1f} ms, "
        f"min {min(times):.1f} ms, max {max(times):.1f} ms over {len(times)} runs"
    )


if __name__ == "__main__":
    main()
