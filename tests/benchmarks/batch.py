"""Benchmark: `screener report --out-dir` over many answers files against a shell loop of `screener report`.

Run:  .venv/bin/python tests/benchmarks/batch.py [--files 200]
Both render the same files (copies of the examples) to PDFs; the batch loads the form once per worker
(1 and 2 workers), the loop pays Python, the imports and the form for every file. Not part of the test run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENER = Path(sys.executable).parent / "screener"
EXAMPLES = sorted((ROOT / "forms" / "ketamine_ocd" / "examples").glob("*.json"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    count = parser.parse_args().files
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        inputs = work / "in"
        inputs.mkdir()
        for number in range(count):
            shutil.copy(EXAMPLES[number % len(EXAMPLES)], inputs / f"patient-{number:04d}.json")
        loop = (
            f'for f in "{inputs}"/*.json; do "{SCREENER}" report "$f" -o "{work}/loop-$(basename "$f" .json).pdf"'
            f" > /dev/null || exit 1; done"
        )
        started = time.perf_counter()
        subprocess.run(["bash", "-c", loop], check=True)
        loop_seconds = time.perf_counter() - started
        batch_seconds = {}
        for workers in (1, 2):
            started = time.perf_counter()
            subprocess.run(
                [
                    str(SCREENER),
                    "report",
                    str(inputs),
                    "--out-dir",
                    str(work / f"batch{workers}"),
                    "--workers",
                    str(workers),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            batch_seconds[workers] = time.perf_counter() - started
    print(f"{count} files: shell loop {loop_seconds:.1f} s ({count / loop_seconds:.1f} PDFs/s)")
    for workers, seconds in batch_seconds.items():
        print(
            f"  one batch, {workers} worker{'s' if workers > 1 else ''}: {seconds:.1f} s "
            f"({count / seconds:.1f} PDFs/s, {loop_seconds / seconds:.1f}x the loop)"
        )


if __name__ == "__main__":
    main()
