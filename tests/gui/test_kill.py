"""Kill test: SIGKILL the autosaving wizard at random moments; saved answers survive, drafts never break."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from screener.store.drafts import DraftStore
from tests.gui.autosave_child import QUESTIONS

ROOT = Path(__file__).parents[2]
RUNS = 20
SAVED_WITHIN = 1.0  # seconds: anything set longer ago than this before the kill must be on disk


def test_killed_at_random_moments_loses_nothing_saved(bundle, tmp_path):
    chooser = random.Random(20261123)  # fixed, so a failure can be replayed
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for run in range(RUNS):
        folder = tmp_path / f"run{run}"
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.gui.autosave_child", str(folder)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout.readline().strip() == "READY"
        kill_at = time.monotonic() + chooser.uniform(0.3, 2.0)
        steps: list[tuple[int, str, float]] = []
        while time.monotonic() < kill_at:
            line = child.stdout.readline().split()
            steps.append((int(line[1]), line[2], float(line[3])))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        killed = time.monotonic()
        found = DraftStore(bundle.form, folder).find()
        assert found.problem is None, f"run {run}: {found.problem}"
        answers = found.document.answers if found.document else {}
        for question in QUESTIONS:
            older = [step for step, name, moment in steps if name == question and moment <= killed - SAVED_WITHIN]
            if older:
                assert question in answers, f"run {run}: {question} set at step {older[-1]} was lost"
                saved = answers[question]
                saved_step = saved // 10 if isinstance(saved, int) else int(saved.split()[1])
                assert saved_step >= older[-1], f"run {run}: {question} went back to step {saved_step}"
        private = folder / "answers"
        leftovers = [path.name for path in private.iterdir() if path.name != "draft.json"] if private.exists() else []
        assert leftovers == [], f"run {run}: a partial copy of the answers was left on disk"
