"""Paths that cannot hurt: inputs that are real, sane-sized files, and outputs that replace nothing precious.

Inputs: an answers file must be a regular file (a FIFO would make the program wait forever, a device could
be endless) of at most ``MAX_INPUT_BYTES``. Outputs: never the input file itself (``report a.json -o
a.json`` would replace the answers with the PDF), never a folder, device, FIFO or socket. A symbolic link
is followed: the file it points to is replaced, by a temporary file in *that* file's folder. Every refusal
is a plain sentence (``UnsafePathError``), which the command line turns into exit code 2.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from screener.engine.answers import LARGEST_ANSWERS_FILE

MAX_INPUT_BYTES = LARGEST_ANSWERS_FILE  # an answers file, a summary PDF carrying one, a FHIR response

_KINDS = {
    stat.S_ISDIR: "a folder",
    stat.S_ISCHR: "a device",
    stat.S_ISBLK: "a device",
    stat.S_ISFIFO: "a pipe (FIFO)",
    stat.S_ISSOCK: "a socket",
}


class UnsafePathError(ValueError):
    """A path the program will not read or write, with the reason in one plain sentence."""

    def __init__(self, path: Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def _kind(mode: int) -> str | None:
    return next((name for test, name in _KINDS.items() if test(mode)), None)


def read_input(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raises UnsafePathError or OSError."""
    path = Path(path)
    info = path.stat()  # stat never blocks, even on a FIFO
    kind = _kind(info.st_mode)
    if kind is not None:
        raise UnsafePathError(path, f"this is {kind}, not an answers file")
    if info.st_size > limit:
        raise UnsafePathError(
            path,
            f"this file is {info.st_size:,} bytes; an answers file is never more than "
            f"{limit:,} bytes, so this is not one",
        )
    with open(path, "rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise UnsafePathError(path, f"this file is larger than {limit:,} bytes, so it is not an answers file")
    return data


def output_target(path: Path, inputs: Iterable[Path] = ()) -> Path:
    """Where writing ``path`` really writes (a link's target), refusing what must not be replaced."""
    path = Path(path)
    target = path.resolve() if path.is_symlink() else path
    try:
        info = target.stat()
    except FileNotFoundError:
        return target
    kind = _kind(info.st_mode)
    if kind is not None:
        raise UnsafePathError(path, f"this is {kind}, not a file; please give a file name to write to")
    for source in inputs:
        try:
            if os.path.samefile(source, target):
                raise UnsafePathError(
                    path,
                    "this is the answers file being read; writing there would replace "
                    "your answers. Please choose another name",
                )
        except FileNotFoundError:
            continue
    return target
