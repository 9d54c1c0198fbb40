"""A patient's long session must not abort the program: 5,000 option clicks in one wizard process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
CLICKS = 5_000


def test_five_thousand_option_clicks_in_one_process(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.long_session_child", str(CLICKS), str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-800:]
    assert f"SURVIVED {CLICKS}" in done.stdout
