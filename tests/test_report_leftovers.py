"""`screener report` killed while writing leaves nothing private behind once it runs again."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import EXAMPLES_DIR

ROOT = Path(__file__).parents[1]
KILLS = 8


def _report(out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "screener", "report", str(EXAMPLES_DIR / "with_precautions.json"), "-o", str(out)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_leftover_of_a_killed_report_is_removed_by_the_next_run(tmp_path):
    out = tmp_path / "summary.pdf"
    dead = tmp_path / ".summary.pdf.999999999.abcd.part"  # no such process: its writer is gone
    dead.write_bytes(b"%PDF-1.4 a partial copy of someone's summary")
    assert _report(out).wait(timeout=120) == 0
    assert out.read_bytes().startswith(b"%PDF") and not dead.exists()
    assert [path.name for path in tmp_path.iterdir()] == ["summary.pdf"]


def test_killed_at_random_moments_then_run_again_nothing_is_left(tmp_path):
    chooser = random.Random(20261202)
    out = tmp_path / "summary.pdf"
    for _ in range(KILLS):
        child = _report(out)
        time.sleep(chooser.uniform(0.05, 0.8))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert _report(out).wait(timeout=120) == 0
    assert [path.name for path in tmp_path.iterdir()] == ["summary.pdf"]
