"""The copy of the summary that "Open in PDF viewer" hands to the viewer, and its removal.

A PDF viewer needs a file. The copy goes into a new folder in the system's temporary folder, named
``screener-viewer-*``, created readable by this user only (0700; the file 0600). It is deleted when the
wizard closes, and any left by a run that crashed are deleted when the program next starts. In
shared-computer mode the button is off, so no copy is ever written.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

PREFIX = "screener-viewer-"


def new_viewer_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix=PREFIX))  # mkdtemp makes it 0700


def remove_viewer_copies() -> list[Path]:
    """Delete every viewer folder of this user; a file still locked by a viewer (Windows) is left alone."""
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            if folder.is_dir() and not folder.is_symlink() and folder.stat().st_uid == _uid():
                shutil.rmtree(folder)
                removed.append(folder)
        except OSError:
            continue
    return removed


def _uid() -> int:
    import os

    return os.getuid() if hasattr(os, "getuid") else 0
