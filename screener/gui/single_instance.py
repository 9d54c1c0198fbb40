"""One wizard per draft: a second start says so and brings the open window forward instead of opening a copy.

Qt's own QLockFile holds ``screener.lock`` in the data folder while a wizard is open. A lock left by a
process that crashed is recognised as stale and taken over: its process is gone, its process id now belongs
to a program that is not screener, or it was written on another computer sharing this home folder. The second start asks
the first to come to the front by touching ``screener.raise``, which the first watches with a
QFileSystemWatcher: no sockets, so nothing network-like is ever opened.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QSysInfo
from PySide6.QtWidgets import QWidget

LOCK_NAME = "screener.lock"
RAISE_NAME = "screener.raise"


class SingleInstance:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.lock = QLockFile(str(self.folder / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self.watcher: QFileSystemWatcher | None = None

    def claim(self) -> bool:
        """True when this is the only wizard (or nothing can be kept here anyway, so nothing can clash)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            return True  # no folder, no draft: a second copy cannot overwrite anything
        if self.lock.tryLock(0):
            return True
        if self.lock.error() != QLockFile.LockError.LockFailedError:
            return True
        if _left_by_no_wizard_here(self.folder / LOCK_NAME) and self.lock.removeStaleLockFile():
            return self.lock.tryLock(0)
        return False

    def ask_open_one_to_come_forward(self) -> None:
        with contextlib.suppress(OSError):  # if not, it stays where it is; the message still says it is open
            (self.folder / RAISE_NAME).write_text(f"{time.time()}\n", encoding="utf-8")

    def bring_forward_on_request(self, window: QWidget) -> None:
        """Watch for a second start's knock; where nothing can be written (a read-only data folder, or a file
        where the folder should be) there is no knock to watch, and the wizard goes on without it."""
        knock = self.folder / RAISE_NAME
        try:
            knock.touch(exist_ok=True)
        except OSError:
            return
        self.watcher = QFileSystemWatcher([str(knock)], window)
        self.watcher.fileChanged.connect(lambda _path: _come_forward(window, self.watcher, knock))

    def release(self) -> None:
        self.lock.unlock()


def _left_by_no_wizard_here(lock_path: Path) -> bool:
    """Qt takes a lock over when its process is gone, but not when the process id now belongs to another
    program of the same name (any Python program), nor when the lock was written on another computer that
    shares this home folder. Both leave no wizard here to bring forward, so both are stale."""
    try:
        pid_line, _name, _host, machine_id, *_ = lock_path.read_text(encoding="utf-8").split("\n")
        pid = int(pid_line)
    except (OSError, ValueError):
        return False  # unreadable or in a form we do not know: leave the decision to Qt
    if machine_id and machine_id != bytes(QSysInfo.machineUniqueId().data()).decode(errors="replace"):
        return True
    if pid == os.getpid():
        return False
    command = Path(f"/proc/{pid}/cmdline")  # Linux; elsewhere Qt's own check stands
    try:
        return b"screener" not in command.read_bytes()
    except FileNotFoundError:
        return Path("/proc/self").exists()  # with /proc there, no entry means the process is gone
    except OSError:
        return False


def _come_forward(window: QWidget, watcher: QFileSystemWatcher, knock: Path) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
    if str(knock) not in watcher.files():  # some editors and writers replace the file: watch the new one
        watcher.addPath(str(knock))
