"""Writing files safely: all at once or not at all, readable by the user only (answers are health data).

A write goes to a hidden temporary file beside the target (``.NAME.<pid>.<random>.part``), is flushed to
disk and renamed over the target. A process killed in between leaves that temporary file behind, a full
copy of what it was writing; the next write to the same place removes every such file whose process is
gone, so nothing private stays behind for long, and a command that writes into a folder first removes the
old ones there whose writer is gone (``remove_stale_parts_in``). A temporary file that cannot be removed is
left alone: it never stops the program.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from screener.store.safe_paths import UnsafePathError, output_target

ON_WINDOWS = os.name == "nt"


class FileInUseError(UnsafePathError):
    """The file is open in another program (a PDF viewer, on Windows) and cannot be replaced now."""

    def __init__(self, path: Path):
        super().__init__(
            path,
            "this file is open in another program (perhaps your PDF viewer), so it cannot be "
            "replaced now. Close it there and try again, or save under another name",
        )


def write_atomically(path: Path, data: bytes, inputs: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` all at once or not at all; the file is readable by the user only.

    Refuses (``UnsafePathError``) a folder, device, FIFO or socket, and any of ``inputs``; follows a link.
    A target another program holds open (Windows) raises ``FileInUseError``.
    """
    path = output_target(Path(path), inputs)
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale_parts(path)
    remove_stale_parts_in(folder)  # and the old ones of other files here: a summary saved again in a folder
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        try:
            os.replace(temporary, path)
        except PermissionError as error:
            if path.exists() and ON_WINDOWS:  # Windows cannot replace a file another program has open
                raise FileInUseError(path) from error
            raise
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(folder)


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# Ours: '.NAME.<pid>.<8 letters, digits or _>.part', as tempfile.mkstemp names it in write_atomically.
_OURS = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[a-z0-9_]{8}\.part$")
STALE_SECONDS = 60  # a leftover this old, whose writer is gone, is never a write in progress


def remove_stale_parts_in(folder: Path) -> list[Path]:
    """Remove, from one folder, the temporary files our killed writers left there, whatever file they were
    for; only ours (by name), only when their writer is gone and they are old. Another program's file is
    never touched. Run when a command starts writing into a folder."""
    try:
        found = [
            (path, match["name"])
            for path in Path(folder).glob(".*.part")
            if (match := _OURS.match(path.name)) and _old(path)
        ]
    except OSError:
        return []
    return _remove_dead(found)


def remove_stale_parts(path: Path) -> list[Path]:
    """Remove the temporary files that killed writers left beside ``path``; returns what was removed."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        found = [(leftover, path.name) for leftover in folder.glob(f".{path.name}.*.part")]
    except OSError:
        return []
    return _remove_dead(found)


def _old(leftover: Path) -> bool:
    try:
        return time.time() - leftover.lstat().st_mtime > STALE_SECONDS and leftover.is_file()
    except OSError:
        return False


def _remove_dead(leftovers: Iterable[tuple[Path, str]]) -> list[Path]:
    """Remove each leftover (with the name of the file it was for) whose writer is gone."""
    removed = []
    for leftover, name in leftovers:
        if _writer_alive(leftover, name):
            continue
        try:
            leftover.unlink()
        except OSError:
            continue  # cannot be removed (read-only folder, another owner): never block on it
        removed.append(leftover)
    return removed


def _writer_alive(leftover: Path, name: str) -> bool:
    """True when the process that is writing this temporary file is still running."""
    middle = leftover.name[len(name) + 2 : -len(".part")]
    pid_text = middle.split(".", 1)[0]
    if not pid_text.isdigit():
        return False  # an older program's name, without a pid: its writer is long gone
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # our own leftover from an earlier, failed write
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, but belongs to someone else
    return True
