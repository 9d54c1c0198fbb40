"""A worker process that ends when the process that started it ends, however that one ends (kill -9 too).

A batch of summaries runs in worker processes. If the command is stopped, its workers must stop with it
rather than go on writing PDFs nobody asked for. On Linux the kernel sends the worker SIGKILL when its
parent dies (prctl PR_SET_PDEATHSIG); elsewhere a watcher thread ends the worker as soon as the parent is
gone (Windows: it waits on the parent's process handle; macOS and other POSIX systems: the parent id
changes when the parent dies). A file being written then is never left named as a PDF: every write goes to
a temporary file first (``screener.store.files``), which the next command in that folder removes. Like
``screener.paths``, this module sits outside the layers and imports nothing of ours.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
POLL_SECONDS = 0.2


def end_with_parent(parent_pid: int) -> None:
    """Run at the start of a worker: from now on this process ends when ``parent_pid`` does."""
    if sys.platform.startswith("linux") and _kernel_kills_when_parent_dies():
        if os.getppid() != parent_pid:  # the parent died before the request was made
            os._exit(1)
        return
    watcher = _wait_on_handle if sys.platform == "win32" else _poll_parent_id
    threading.Thread(target=watcher, args=(parent_pid,), name="end-with-parent", daemon=True).start()


def _kernel_kills_when_parent_dies() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _poll_parent_id(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def _wait_on_handle(parent_pid: int) -> None:
    synchronize, infinite = 0x00100000, 0xFFFFFFFF
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(synchronize, False, parent_pid)
    if handle:
        kernel32.WaitForSingleObject(handle, infinite)
    os._exit(1)
