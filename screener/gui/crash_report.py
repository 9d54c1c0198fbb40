"""No silent death: an unexpected error in the wizard shows a plain dialog and writes a log without answers.

The log goes to the user log folder (``screener.store.locations``). It holds the kind
of error and where in the program it happened (files, lines, functions), never the error's message or
any value: those can contain what the patient typed. The dialog says what happened, that the answers are
saved up to the last change (unless nothing is kept on this computer), and where the log is.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from screener import __version__
from screener.i18n import _
from screener.store.locations import log_folder


def write_log(kind: type[BaseException], trace) -> Path | None:
    """Append the error's kind and its frames (no message, no values) to screener.log; None if impossible."""
    frames = "".join(f"  {frame.filename}:{frame.lineno} in {frame.name}\n" for frame in traceback.extract_tb(trace))
    entry = (
        f"{dt.datetime.now().isoformat(timespec='seconds')} screener {__version__} Python "
        f"{sys.version.split()[0]}: {kind.__module__}.{kind.__qualname__}\n{frames}\n"
    )
    path = log_folder() / "screener.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as file:
            file.write(entry)
    except OSError:
        return None
    return path


def report_crash(kind: type[BaseException], value: BaseException, trace) -> None:
    """sys.excepthook for the wizard: log, then tell the patient in plain words; the program goes on."""
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    path = write_log(kind, trace)
    where = (
        _("A report for the developers, without your answers, is in {path}.").format(path=path)
        if path
        else _("No report could be written.")
    )
    QMessageBox.critical(
        QApplication.activeWindow(),
        _("Something went wrong"),
        _(
            "Something went wrong inside the program. This is not your fault. Your answers are saved up to your "
            "last change, unless you chose not to keep them on this computer. You can go on, or close the "
            "program and open it again to continue. {where}"
        ).format(where=where),
    )


def install() -> None:
    sys.excepthook = report_crash
