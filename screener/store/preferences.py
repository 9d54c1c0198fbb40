"""The one choice the program remembers between runs: the language the patient chose for the wizard.

It is kept in the data folder, beside the draft, in a file only the user can read, and never while the
patient has asked that nothing be kept on this computer. It is not an answer: it says nothing about health.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from screener.i18n import LANGUAGES
from screener.store.files import write_atomically

LANGUAGE_FILE = "language"


def remembered_language(folder: Path) -> str | None:
    """The language chosen last time, if any and if this program still speaks it."""
    try:
        code = (Path(folder) / LANGUAGE_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return code if code in LANGUAGES else None


def remember_language(folder: Path, code: str) -> None:
    """Keep the choice for next time; failing to write it only means the system's language next time."""
    with contextlib.suppress(OSError):
        Path(folder).mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(Path(folder) / LANGUAGE_FILE, f"{code}\n".encode())


def forget_language(folder: Path) -> None:
    with contextlib.suppress(OSError):
        (Path(folder) / LANGUAGE_FILE).unlink(missing_ok=True)
