"""Shared test setup: headless Qt, the shipped form, and helpers to build answers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything can import Qt

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from tests import no_network  # noqa: E402

no_network.install()  # every test, in this process: any use of the network fails it

# Property tests are reproducible in CI: a fixed seed (derandomize), no example database on disk.
settings.register_profile("screener", derandomize=True, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile("screener")

from screener.loader import FormBundle, load  # noqa: E402
from screener.paths import DEFAULT_FORM_DIR  # noqa: E402

EXAMPLES_DIR = DEFAULT_FORM_DIR / "examples"


@pytest.fixture(scope="session")
def bundle() -> FormBundle:
    return load(DEFAULT_FORM_DIR)


@pytest.fixture
def form_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped forms folder; returns the ketamine_ocd folder inside it."""
    target = tmp_path / "forms"
    shutil.copytree(DEFAULT_FORM_DIR.parent, target)
    return target / DEFAULT_FORM_DIR.name
