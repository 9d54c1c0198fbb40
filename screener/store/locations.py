"""Where the program keeps its files on this computer: the user data folder, or ``SCREENER_DATA_DIR``.

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
