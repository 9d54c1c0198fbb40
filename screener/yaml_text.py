"""Parsing YAML the one way the project does: safe, and with libyaml when it is installed.

libyaml's safe loader reads the form about ten times faster than the pure-Python one, with the same
results. This module imports nothing heavy, so the wizard's first page can use it too.
"""

from __future__ import annotations

from typing import Any

import yaml

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAMLError = yaml.YAMLError


def parse_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_SAFE_LOADER)
