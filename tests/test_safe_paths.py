"""Paths that cannot hurt: what `screener report` and `evaluate` refuse, and what a link does."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from screener.cli import main
from screener.store import files
from screener.store.files import FileInUseError, write_atomically
from screener.store.safe_paths import MAX_INPUT_BYTES
from tests.conftest import EXAMPLES_DIR

ROOT = Path(__file__).parents[1]


@pytest.fixture
def answers(tmp_path) -> Path:
    path = tmp_path / "a.json"
    shutil.copy(EXAMPLES_DIR / "worth_discussing.json", path)
    return path


def test_the_pdf_never_replaces_the_answers_it_was_made_from(answers, capsys):
    before = answers.read_bytes()
    assert main(["report", str(answers), "-o", str(answers)]) == 2
    assert "writing there would replace your answers" in capsys.readouterr().err
    assert answers.read_bytes() == before


def test_nor_through_a_link_to_them(answers, tmp_path, capsys):
    link = tmp_path / "summary.pdf"
    link.symlink_to(answers)
    assert main(["report", str(answers), "-o", str(link)]) == 2
    assert answers.read_bytes().startswith(b"{")


@pytest.mark.parametrize("target", ["folder", "/dev/full", "fifo", "socket"])
def test_a_folder_device_fifo_or_socket_is_refused_and_left_as_it_is(answers, tmp_path, capsys, target):
    if target == "folder":
        path = tmp_path / "out"
        path.mkdir()
    elif target == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
    elif target == "socket":
        path = tmp_path / "s.sock"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    else:
        path = Path(target)
    mode = os.stat(path).st_mode
    assert main(["report", str(answers), "-o", str(path)]) == 2
    assert "not a file" in capsys.readouterr().err
    assert os.stat(path).st_mode == mode  # still what it was: nothing renamed over it


def test_a_link_is_followed_and_the_file_it_points_to_is_replaced(answers, tmp_path):
    real = tmp_path / "real" / "summary.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    assert main(["report", str(answers), "-o", str(link)]) == 0
    assert link.is_symlink() and real.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o600


def test_a_fifo_as_input_is_refused_at_once(tmp_path):
    fifo = tmp_path / "answers.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "screener", "evaluate", str(fifo)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2 and "pipe (FIFO), not an answers file" in done.stderr
    assert time.monotonic() - started < 30  # it returned instead of waiting for a writer forever


def test_an_input_far_larger_than_any_answers_file_is_refused(tmp_path, capsys):
    big = tmp_path / "big.json"
    with open(big, "wb") as file:
        file.truncate(MAX_INPUT_BYTES + 1)
    assert main(["evaluate", str(big)]) == 2
    assert "is not one" in capsys.readouterr().err


def test_a_pdf_open_in_another_program_gets_a_plain_message_and_nothing_is_lost(answers, tmp_path, monkeypatch, capsys):
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"the copy the viewer has open")

    def locked(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", locked)
    monkeypatch.setattr(files, "ON_WINDOWS", True)  # Windows says this for a file open elsewhere
    assert main(["report", str(answers), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "open in another program" in err and "save under another name" in err
    assert out.read_bytes() == b"the copy the viewer has open"
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".part")] == []
    with pytest.raises(FileInUseError):
        write_atomically(out, b"x")
