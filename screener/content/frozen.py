"""The base class of every data model: immutable, strict about unknown keys, and built only when used.

``defer_build``: a model's validator is built the first time it validates, not when its class is created,
so a form loaded from the cache (``screener.store.form_cache``) never pays for validators it does not need.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

ID_PATTERN = r"^[a-z][a-z0-9_]*$"  # every id: a name, never a path


class Frozen(BaseModel):
    """An immutable pydantic model that rejects keys it does not declare."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)
