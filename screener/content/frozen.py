"""The base class of every data model: immutable, and strict about unknown keys."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """An immutable pydantic model that rejects keys it does not declare."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
