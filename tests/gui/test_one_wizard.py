"""One wizard per draft, a stale lock taken over, and the viewer's copy of the PDF cleaned up."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtGui import QDesktopServices

from screener.gui import app
from screener.gui.single_instance import LOCK_NAME, RAISE_NAME, SingleInstance
from screener.gui.viewer_copies import PREFIX
from tests.gui.test_behaviour import to_summary_with_nothing_tried


def test_a_second_start_says_so_and_asks_the_open_one_to_come_forward(tmp_path, monkeypatch, no_real_dialogs):
    monkeypatch.setenv("SCREENER_DATA_DIR", str(tmp_path))
    held = QLockFile(str(tmp_path / LOCK_NAME))
    assert held.tryLock(0)
    try:
        assert app.run_wizard() == 0  # returns at once: no second window, no event loop
    finally:
        held.unlock()
    title, message = no_real_dialogs[-1][1], no_real_dialogs[-1][2]
    assert title == "The questionnaire is already open" and "brought that window to the front" in message
    assert (tmp_path / RAISE_NAME).exists()


def test_a_lock_left_by_a_crashed_wizard_is_taken_over(tmp_path):
    code = (
        "import os, sys\nfrom PySide6.QtCore import QLockFile\n"
        f"lock = QLockFile({str(tmp_path / LOCK_NAME)!r}); lock.setStaleLockTime(0)\n"
        "assert lock.tryLock(0)\nos._exit(9)  # crash with the lock held\n"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 9
    assert (tmp_path / LOCK_NAME).exists()
    instance = SingleInstance(tmp_path)
    assert instance.claim()
    instance.release()


def _lock_left_by_a_crash(folder: Path) -> list[str]:
    code = (
        "import os, sys\nfrom PySide6.QtCore import QLockFile\n"
        f"lock = QLockFile({str(folder / LOCK_NAME)!r}); lock.setStaleLockTime(0)\n"
        "assert lock.tryLock(0)\nos._exit(9)\n"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 9
    return (folder / LOCK_NAME).read_text(encoding="utf-8").split("\n")


def test_a_lock_whose_process_id_now_belongs_to_another_python_program_is_taken_over(tmp_path):
    lines = _lock_left_by_a_crash(tmp_path)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])  # same name: python
    try:
        (tmp_path / LOCK_NAME).write_text("\n".join([str(other.pid), *lines[1:]]), encoding="utf-8")
        instance = SingleInstance(tmp_path)
        assert instance.claim()
        instance.release()
    finally:
        other.kill()
        other.wait()


def test_a_lock_written_on_another_computer_is_taken_over(tmp_path):
    lines = _lock_left_by_a_crash(tmp_path)
    lines[0], lines[2], lines[3] = str(os.getppid()), "another-computer", "0" * 32  # a live pid, not ours
    (tmp_path / LOCK_NAME).write_text("\n".join(lines), encoding="utf-8")
    instance = SingleInstance(tmp_path)
    assert instance.claim()
    instance.release()


def test_the_open_wizard_comes_forward_when_knocked(qtbot, wizard, tmp_path):
    instance = SingleInstance(tmp_path)
    instance.bring_forward_on_request(wizard)
    wizard.showMinimized()
    SingleInstance(tmp_path).ask_open_one_to_come_forward()
    qtbot.waitUntil(lambda: not wizard.isMinimized(), timeout=3000)


def _viewer_folders() -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob(f"{PREFIX}*"))


def test_the_viewer_copy_is_private_and_goes_when_the_wizard_closes(patient, wizard, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    to_summary_with_nothing_tried(patient)
    patient._click(wizard.summary_page.open_button)
    folders = _viewer_folders()
    assert len(folders) == 1 and oct(os.stat(folders[0]).st_mode & 0o777) == "0o700"
    copy = next(folders[0].iterdir())
    assert oct(os.stat(copy).st_mode & 0o777) == "0o600" and copy.read_bytes().startswith(b"%PDF")
    wizard.done(0)
    assert _viewer_folders() == []


def test_a_full_temporary_folder_says_so_and_points_to_save(patient, wizard, monkeypatch):
    def disk_full():
        raise OSError(28, "No space left on device")  # what making the viewer's folder meets on a full disk

    to_summary_with_nothing_tried(patient)
    monkeypatch.setattr("screener.gui.summary_page.new_viewer_folder", disk_full)
    patient._click(wizard.summary_page.open_button)  # once raised "Something went wrong"
    status = wizard.summary_page.status.text()
    assert "could not be opened" in status and "No space left on device" in status and "Save PDF" in status
    assert wizard.isVisible()


def test_shared_computer_mode_writes_no_viewer_copy(patient, wizard):
    patient._click(wizard.privacy.shared)
    to_summary_with_nothing_tried(patient)
    assert not wizard.summary_page.open_button.isEnabled()
    assert _viewer_folders() == []


def test_a_data_folder_that_is_a_file_does_not_stop_the_wizard(tmp_path):
    """Nothing can be kept there, so nothing can clash: the wizard opens, with no "Something went wrong"
    (a whole process, as a patient starts it, so nothing it leaves behind touches the other tests)."""
    in_the_way = tmp_path / "data"
    in_the_way.write_text("not a folder", encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SCREENER_DATA_DIR": str(in_the_way),
        "SCREENER_CACHE_DIR": str(tmp_path / "cache"),
        "SCREENER_LOG_DIR": str(tmp_path / "log"),
        "SCREENER_QUIT_WHEN_READY": "1",
    }
    code = (
        "import sys\nfrom PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.critical = staticmethod(lambda *args, **kwargs: print('DIALOG:', args[1]))\n"
        "from screener.cli import gui_main\nsys.exit(gui_main())\n"
    )
    started = subprocess.run(
        [sys.executable, "-c", code], cwd=Path(__file__).parents[2], env=env, timeout=120, capture_output=True
    )
    assert started.returncode == 0, started.stderr.decode(errors="replace")
    assert b"DIALOG" not in started.stdout  # no "Something went wrong"
    assert in_the_way.read_text(encoding="utf-8") == "not a folder"
