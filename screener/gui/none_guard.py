"""A guard for PySide6 6.12.0 on Python 3.11, where every Qt call that returns nothing loses a reference.

PySide6 6.12.0 ships one abi3 build, compiled against headers in which ``None`` is immortal (PEP 683,
Python 3.12+), so it hands out ``None`` without counting a reference. On Python 3.11 ``None`` is still
reference-counted: each such call drops its count by one, and after a few thousand calls (a patient's
ordinary session) the interpreter aborts with "deallocating None". PySide6-Pdf, which the preview needs,
exists only for 6.12, so the fix is to do what Python 3.12 does: give ``None`` a count that cannot reach
zero. On Python 3.12 and later this does nothing.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # more Qt calls than any session could make


def protect_none() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field of every object
    if count.value < _HEADROOM:
        count.value += _HEADROOM
