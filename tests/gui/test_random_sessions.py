"""A short random-session run of the real wizard (the scale run is tests/random_sessions/run.py)."""

from __future__ import annotations

from tests.random_sessions.run import run

SESSIONS = 30
ACTIONS = 40
GROWTH_LIMIT_MIB = 1.0  # per session; the leak this guards against was about 2 MiB a session


def test_thirty_random_sessions_end_cleanly(tmp_path):
    totals = run(SESSIONS, ACTIONS, seed=20261202, folder=tmp_path, timeout=600)
    assert totals.crashes == 0, totals.exceptions
    assert totals.exceptions == [] and totals.warnings == []
    assert totals.windows_left == 0 and totals.slow_actions == 0
    assert totals.sessions == SESSIONS
    assert totals.growth_per_session < GROWTH_LIMIT_MIB, totals.line()
