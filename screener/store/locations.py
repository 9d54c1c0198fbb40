"""Where the program keeps its files on this computer: data (the draft), cache (checked forms) and logs.

Each is the platform's user folder (platformdirs), or ``SCREENER_DATA_DIR``, ``SCREENER_CACHE_DIR`` and
``SCREENER_LOG_DIR`` (the tests use them).

Light on purpose (no pydantic, no Qt), so the wizard can find its folder before its first page shows.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_folder() -> Path:
    override = os.environ.get("SCREENER_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("screener", appauthor=False))


def cache_folder() -> Path:
    override = os.environ.get("SCREENER_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("screener", appauthor=False)) / "forms"


def log_folder() -> Path:
    override = os.environ.get("SCREENER_LOG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_log_dir

    return Path(user_log_dir("screener", appauthor=False))
