"""Every input that ever made the fuzz run fail stays here, and must now end in a result or a clean refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scale.fuzz import run_one

CASES = sorted((Path(__file__).parent / "regressions" / "fuzz").glob("*.json"))


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_a_former_fuzz_failure_ends_cleanly(path, tmp_path):
    assert run_one(path, tmp_path / "summary.pdf") == []


def test_there_are_regression_cases():
    assert len(CASES) >= 3
