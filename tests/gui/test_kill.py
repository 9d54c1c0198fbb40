"""Kill test: SIGKILL the autosaving wizard at random moments; saved answers survive, drafts never break.

The same check at the promised scale (100 kills) is `python -m tests.scale.kills`.
"""

from __future__ import annotations

from tests.scale.kills import kill_runs

KILLS = 20


def test_killed_at_random_moments_loses_nothing_saved(tmp_path):
    results = kill_runs(KILLS, seed=20261123, folder=tmp_path)
    assert results.kills == KILLS
    assert results.losses == [] and results.corrupt == [] and results.leftovers == []
