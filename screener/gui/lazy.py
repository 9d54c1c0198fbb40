"""Lazy imports for the start-up path: a module is loaded on first use, not when it is named.

The wizard's first page must appear as fast as a bare Qt window. The questionnaire's modules (the
model, the engine, the pages) are named at the top of the wizard module but only imported when one of
their attributes is first used, which happens after the first page is on screen.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for a module and imports it on first attribute access."""

    def __init__(self, name: str):
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)


def lazy_import(name: str) -> LazyModule:
    return LazyModule(name)
