"""Where the shipped data lives: the one place that knows how to find forms/ and resources/.

In an installed wheel they sit inside the package (``screener/_data``); in a source checkout or an
editable install they are the top-level folders of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_root() -> Path:
    installed = _PACKAGE_DIR / "_data"
    if (installed / "forms").is_dir():
        return installed
    return _PACKAGE_DIR.parent


DATA_ROOT = _data_root()
FORMS_DIR = DATA_ROOT / "forms"
RESOURCES_DIR = DATA_ROOT / "resources"
DEFAULT_FORM_DIR = FORMS_DIR / "ketamine_ocd"


def resource(*parts: str) -> Path:
    """Path of a file under resources/ (fonts, icons, stylesheets)."""
    return RESOURCES_DIR.joinpath(*parts)
