"""A guard that makes any attempt to use the network fail loudly (installed for every test run).

Python's audit hooks see every socket the interpreter creates or resolves, whoever asks: our code, a
library, or a plugin. Local (AF_UNIX) sockets are allowed; internet sockets and name lookups are not.
"""

from __future__ import annotations

import socket
import sys

_BLOCKED_EVENTS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "urllib.Request"}


class NetworkUsedError(RuntimeError):
    pass


def _hook(event: str, args: tuple) -> None:
    if event in _BLOCKED_EVENTS:
        raise NetworkUsedError(f"screener must never use the network ({event} {args[:2]!r})")
    if event == "socket.__new__" and len(args) > 1 and args[1] in (socket.AF_INET, socket.AF_INET6):
        raise NetworkUsedError("screener must never open an internet socket")
    if event in ("socket.connect", "socket.bind") and isinstance(args[1], tuple):
        raise NetworkUsedError(f"screener must never connect anywhere ({event} {args[1]!r})")


def install() -> None:
    sys.addaudithook(_hook)
