"""Random sessions of the real wizard at scale: a parent process restarts the child after each crash.

Usage: python -m tests.random_sessions.run [--sessions 1000] [--actions 40] [--seed 20261202]
Prints one line of totals (and writes them as JSON with --json FILE): sessions run, crashes, uncaught
exceptions, Qt warnings, windows left on screen, actions slower than a second, and memory growth per
session (least squares over the sessions after the first tenth, MiB). The short run in the test suite
(tests/gui/test_random_sessions.py) uses the same code.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).parents[2]
SLOW_SECONDS = 1.0


@dataclass
class Totals:
    sessions: int = 0
    crashes: int = 0
    exceptions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    windows_left: int = 0
    slow_actions: int = 0
    memory: list[float] = field(default_factory=list)

    @property
    def growth_per_session(self) -> float:
        """MiB per session, fitted over the sessions after warm-up (the first tenth, at least 3)."""
        points = self.memory[max(3, len(self.memory) // 10) :]
        if len(points) < 3:
            return 0.0
        xs = range(len(points))
        mean_x, mean_y = sum(xs) / len(points), sum(points) / len(points)
        return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, points, strict=True)) / sum(
            (x - mean_x) ** 2 for x in xs
        )

    def line(self) -> str:
        return (
            f"{self.sessions} sessions: {self.crashes} crashes, {len(self.exceptions)} uncaught exceptions, "
            f"{len(self.warnings)} Qt warnings, {self.windows_left} windows left, {self.slow_actions} actions "
            f"over {SLOW_SECONDS:g} s, memory {self.growth_per_session:+.3f} MiB per session "
            f"({self.memory[0] if self.memory else 0:.0f} -> {self.memory[-1] if self.memory else 0:.0f} MiB)"
        )


def run(sessions: int, actions: int, seed: int, folder: Path, timeout: float = 3600) -> Totals:
    totals = Totals()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    next_session = 0
    while next_session < sessions:
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.random_sessions.child",
                str(seed),
                str(next_session),
                str(sessions - next_session),
                str(actions),
                str(folder),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        out, err = child.communicate(timeout=timeout)
        for line in out.splitlines():
            report = json.loads(line)
            totals.sessions += 1
            totals.exceptions += report["exceptions"]
            totals.warnings += report["warnings"]
            totals.windows_left += report["windows_left"]
            totals.slow_actions += report["slowest"] > SLOW_SECONDS
            totals.memory.append(report["rss_mib"])
            next_session = report["session"] + 1
        if child.returncode != 0:
            totals.crashes += 1
            totals.exceptions.append(f"session {next_session} ended the process ({child.returncode}): {err[-800:]}")
            next_session += 1  # that session crashed; go on with the next one
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--actions", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--json", type=Path, help="also write the totals here")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        totals = run(options.sessions, options.actions, options.seed, Path(folder))
    print(totals.line())
    if options.json:
        options.json.write_text(
            json.dumps({**asdict(totals), "growth_per_session": totals.growth_per_session}, indent=2)
        )
    for problem in (totals.exceptions + totals.warnings)[:10]:
        print("---", problem, sep="\n")


if __name__ == "__main__":
    main()
