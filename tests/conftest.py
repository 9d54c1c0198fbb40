"""Shared test setup: headless Qt, the shipped form, and helpers to build answers."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything can import Qt
os.environ["SCREENER_CACHE_DIR"] = tempfile.mkdtemp(prefix="screener-test-cache-")  # never the user's own cache

import pytest
from hypothesis import HealthCheck, settings

from tests import no_network

no_network.install()  # every test, in this process: any use of the network fails it

# Property tests are reproducible in CI: a fixed seed (derandomize), no example database on disk.
settings.register_profile(
    "screener",
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("screener")

from screener.content.bundle import FormBundle  # noqa: E402
from screener.content.loading import load  # noqa: E402
from screener.paths import DEFAULT_FORM_DIR  # noqa: E402

EXAMPLES_DIR = DEFAULT_FORM_DIR / "examples"
MINI_FORM_DIR = Path(__file__).parent / "forms" / "mini"  # the small test form: code tests use it
# Answers to the ketamine form's safety questions (modelled on the ASQ), in the order they are asked:
# "none" is no to all four; "screen" is a yes with no thoughts right now; "now" is thoughts right now.
_NO = {"wish_dead": False, "better_off_dead": False, "suicidal_thoughts": False, "past_attempt": False}
SAFETY_ANSWERS = {
    "none": _NO,
    "screen": {**_NO, "wish_dead": True, "thoughts_now": False},
    "now": {**_NO, "suicidal_thoughts": True, "thoughts_now": True},
}
NO_SAFETY_RISK = SAFETY_ANSWERS["none"]


@pytest.fixture(scope="session")
def bundle() -> FormBundle:
    return load(DEFAULT_FORM_DIR)


@pytest.fixture(scope="session")
def mini() -> FormBundle:
    """The small knee-clinic form under tests/forms/: every question kind, a group, two outcomes."""
    return load(MINI_FORM_DIR)


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the test forms folder; returns the small form's folder inside it."""
    target = tmp_path / "test-forms"
    shutil.copytree(MINI_FORM_DIR.parent, target)
    return target / MINI_FORM_DIR.name


@pytest.fixture
def form_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped forms folder; returns the ketamine_ocd folder inside it."""
    target = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORM_DIR.parent, target)
    return target / DEFAULT_FORM_DIR.name
