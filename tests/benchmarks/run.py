"""Benchmarks: screener against a bare PySide6 / reportlab baseline, as whole processes.

Run:  .venv/bin/python tests/benchmarks/run.py [--runs N]

(a) start-up: `screener` until the first wizard page is painted, and until its Next button is enabled
    (the questionnaire loaded behind it: what a patient waits for), each against a bare one-page QWizard
    whose Next is enabled when shown, all offscreen and stopped the same way; (b) `screener report
    EXAMPLE -o out.pdf` against a bare reportlab one-paragraph PDF; (c) peak memory (RSS) of every pair;
    (d) in-process: Finish to PDF bytes, and page switches; (e) `screener evaluate EXAMPLE` against
    `python -c pass`, and our own work above Python's start; (f) the summary of a long history against the
    smallest (growth.py); (g) a page switch beside 20 entries (page_switch.py); (h) the batch with 1 and 2
    workers against a shell loop (batch.py, --batch-files, 0 to skip). Each process runs once to warm the disk
    cache and the form cache, then N times; the median, the spread (min to max) and the ratio of medians
    are printed. This is not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return elapsed, usage.ru_maxrss


def series(command: list[str], env: dict[str, str], runs: int) -> tuple[list[float], list[int]]:
    run_once(command, env)  # warm-up
    results = [run_once(command, env) for _ in range(runs)]
    return [r[0] for r in results], [r[1] for r in results]


def describe(values: list[float], scale: float, unit: str) -> str:
    return (
        f"median {statistics.median(values) * scale:7.1f} {unit} "
        f"(min {min(values) * scale:.1f}, max {max(values) * scale:.1f})"
    )


def compare(
    title: str, ours: list[str], bare: list[str], env: dict[str, str], runs: int, our_env: dict[str, str] | None = None
) -> list[str]:
    our_time, our_rss = series(ours, our_env or env, runs)
    bare_time, bare_rss = series(bare, env, runs)
    return [
        f"{title}",
        f"  time    screener {describe(our_time, 1000, 'ms')}",
        f"          baseline {describe(bare_time, 1000, 'ms')}",
        f"          ratio    {statistics.median(our_time) / statistics.median(bare_time):.2f}",
        f"  peak    screener {describe(our_rss, 1 / 1024, 'MiB')}",
        f"  memory  baseline {describe(bare_rss, 1 / 1024, 'MiB')}",
        f"          ratio    {statistics.median(our_rss) / statistics.median(bare_rss):.2f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--batch-files", type=int, default=200, help="answers files for the batch (0: skip it)")
    arguments = parser.parse_args()
    runs = arguments.runs
    work = Path(tempfile.mkdtemp(prefix="screener-bench-"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SCREENER_QUIT_WHEN_SHOWN": "1",
        "SCREENER_DATA_DIR": str(work / "data"),
        "SCREENER_CACHE_DIR": str(work / "cache"),
    }
    ready_env = {**{k: v for k, v in env.items() if k != "SCREENER_QUIT_WHEN_SHOWN"}, "SCREENER_QUIT_WHEN_READY": "1"}
    example = ROOT / "forms" / "ketamine_ocd" / "examples" / "with_precautions.json"
    python = sys.executable
    lines = [f"{runs} runs each after one warm-up; Python {sys.version.split()[0]}, {os.cpu_count()} cores"]
    lines += compare(
        "(a) start-up until the first page is painted",
        [str(BIN / "screener")],
        [python, str(HERE / "bare_wizard.py")],
        env,
        runs,
    )
    lines += compare(
        "(a) start-up until Next is enabled (the questionnaire is ready)",
        [str(BIN / "screener")],
        [python, str(HERE / "bare_wizard.py")],
        env,
        runs,
        our_env=ready_env,
    )
    lines += compare(
        "(b) report: an example to a PDF file",
        [str(BIN / "screener"), "report", str(example), "-o", str(work / "summary.pdf")],
        [python, str(HERE / "bare_report.py"), str(work / "bare.pdf")],
        env,
        runs,
    )
    evaluate_time, _ = series([str(BIN / "screener"), "evaluate", str(example)], env, runs)
    pass_time, _ = series([python, "-c", "pass"], env, runs)
    own = statistics.median(evaluate_time) - statistics.median(pass_time)
    lines += [
        "(e) evaluate: an example to text",
        f"  time    screener {describe(evaluate_time, 1000, 'ms')}",
        f"          python -c pass {describe(pass_time, 1000, 'ms')}",
        f"          our own work above Python's start: {own * 1000:.0f} ms",
    ]
    inner = subprocess.run(
        [python, str(HERE / "in_process.py")], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    lines += ["(d) in-process", *(f"  {line}" for line in inner.stdout.strip().splitlines())]
    further = [
        ("(f) growth: a long history against the smallest example", [python, str(HERE / "growth.py")]),
        ("(g) page switch beside a group of 20 entries", [python, str(HERE / "page_switch.py")]),
    ]
    if arguments.batch_files:
        batch = [python, str(HERE / "batch.py"), "--files", str(arguments.batch_files)]
        further.append(("(h) a clinic's batch, 1 and 2 workers, against a shell loop", batch))
    for title, command in further:
        done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
        lines += [title, *(f"  {line}" for line in done.stdout.strip().splitlines())]
    shutil.rmtree(work, ignore_errors=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
