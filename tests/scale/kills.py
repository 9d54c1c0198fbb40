"""Kill the autosaving wizard at random moments and check the draft each time: nothing saved is lost.

Usage: python -m tests.scale.kills [--kills 100] [--seed 20261123]
The normal test run does 20 (tests/gui/test_kill.py); this is the same check at the promised scale.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from screener.content.loading import load
from screener.paths import DEFAULT_FORM_DIR
from screener.store.drafts import DraftStore
from tests.gui.autosave_child import QUESTIONS

ROOT = Path(__file__).parents[2]
SAVED_WITHIN = 1.0  # seconds: anything set longer ago than this before the kill must be on disk


@dataclass
class KillResults:
    kills: int = 0
    losses: list[str] = field(default_factory=list)
    corrupt: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.kills} kills: {len(self.losses)} losses, {len(self.corrupt)} corrupt drafts, "
            f"{len(self.leftovers)} partial copies left on disk"
        )


def kill_runs(kills: int, seed: int, folder: Path) -> KillResults:
    form = load(DEFAULT_FORM_DIR).form
    chooser = random.Random(seed)  # fixed, so a failure can be replayed
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    results = KillResults()
    for run in range(kills):
        data = folder / f"run{run}"
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.gui.autosave_child", str(data)],
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
        results.kills += 1
        found = DraftStore(form, data).find()
        if found.problem is not None or found.answer_again:
            results.corrupt.append(f"run {run}: {found.problem or found.answer_again}")
            continue
        answers = found.document.answers if found.document else {}
        for question in QUESTIONS:
            older = [step for step, name, moment in steps if name == question and moment <= killed - SAVED_WITHIN]
            if not older:
                continue
            saved = answers.get(question)
            saved_step = None if saved is None else saved // 10 if isinstance(saved, int) else int(saved.split()[1])
            if saved_step is None or saved_step < older[-1]:
                results.losses.append(f"run {run}: {question} set at step {older[-1]}, on disk {saved_step}")
        private = data / "answers"
        results.leftovers += (
            [f"run {run}: {path.name}" for path in private.iterdir() if path.name != "draft.json"]
            if private.exists()
            else []
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20261123)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = kill_runs(options.kills, options.seed, Path(folder))
    print(results.line())
    for problem in results.losses + results.corrupt + results.leftovers:
        print("  ", problem)


if __name__ == "__main__":
    main()
