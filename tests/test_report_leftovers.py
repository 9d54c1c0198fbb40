"""`screener report` killed while writing leaves nothing private behind once it runs again."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def _aged(path: Path, data: bytes, seconds: int = 600) -> Path:
    path.write_bytes(data)
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_the_next_report_in_a_folder_removes_old_leftovers_of_any_summary_and_only_ours(tmp_path):
    """Killed writes of other summaries, old and with their writer gone, go; a fresh one and other programs'
    files stay (a browser's download, a hidden file that is not one of ours)."""
    ours_old = _aged(tmp_path / ".patient-17.pdf.999999999.k2j4h5g6.part", b"%PDF-1.4 a partial summary")
    ours_fresh = _aged(tmp_path / ".patient-18.pdf.999999999.a1b2c3d4.part", b"%PDF-1.4 partial", seconds=0)
    browsers = _aged(tmp_path / "movie.mkv.part", b"not ours")
    hidden = _aged(tmp_path / ".notes.part", b"not ours either")
    assert _report(tmp_path / "summary.pdf").wait(timeout=120) == 0
    assert not ours_old.exists()
    assert ours_fresh.exists() and browsers.exists() and hidden.exists()


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; it only waits to be reaped


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")
def test_a_batch_killed_midway_stops_and_leaves_no_half_pdf(tmp_path):
    """kill -9 of `report --out-dir D --workers 2` at about a fifth: no worker goes on, no PDF appears after."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    data = (EXAMPLES_DIR / "heavy_history.json").read_bytes()
    for number in range(80):
        (inputs / f"patient-{number:03}.json").write_bytes(data)
    batch = subprocess.Popen(
        [sys.executable, "-m", "screener", "report", str(inputs), "--out-dir", str(out), "--workers", "2"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while len(list(out.glob("*.pdf"))) < 16 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(batch.pid)
    assert len(workers) >= 2
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait()
    time.sleep(2)
    assert [pid for pid in workers if _running(pid)] == []
    written = sorted(out.glob("*.pdf"))
    time.sleep(2)
    assert sorted(out.glob("*.pdf")) == written and 16 <= len(written) < 80
    for pdf in written:  # each whole: a write goes to a hidden .part first
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF")
    said = batch.stdout.read().decode().splitlines()  # returns: the pipe closed, no worker holds it open
    assert len(said) <= len(written) and all(line.startswith("Wrote ") for line in said)


def test_saving_any_file_in_a_folder_clears_our_old_leftovers_there(tmp_path):
    """The wizard saves summaries where the patient chooses: a save there clears what a crash left before."""
    from screener.store.files import write_atomically

    leftover = _aged(tmp_path / ".Sam summary.pdf.999999999.q1w2e3r4.part", b"%PDF-1.4 partial")
    write_atomically(tmp_path / "another summary.pdf", b"%PDF-1.4 whole")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["another summary.pdf"]
    assert not leftover.exists()
