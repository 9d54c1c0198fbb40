"""Migrations as data: how answers saved with an earlier version of a form are carried over to this one.

``migrations.yaml`` lists one step per version: renamed questions (a group entry's question as
'GROUP.ITEM'), new questions filled from an old answer that is their lower bound (weeks at the highest dose
for the weeks in all), renamed options (an option may become another kind's value, such as a yes), options
and questions removed. ``versions/<version>.yaml`` keeps each earlier version's questions and options, so a
step can be checked against the ids that existed then.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated

from screener.content.frozen import Field, Frozen

VERSION_PATTERN = r"^\d+\.\d+\.\d+$"


class MigrationStep(Frozen):
    from_version: Annotated[str, Field(alias="from", pattern=VERSION_PATTERN)]
    to_version: Annotated[str, Field(alias="to", pattern=VERSION_PATTERN)]
    renamed_questions: dict[str, str] = field(default_factory=dict)
    filled_from: Annotated[
        dict[str, str],
        Field(description="a new question (after the step) that takes an old answer (before it) as its lower bound"),
    ] = field(default_factory=dict)
    renamed_options: dict[str, dict[str, str | bool]] = field(default_factory=dict)
    removed_options: dict[str, list[str]] = field(default_factory=dict)
    removed_questions: list[str] = field(default_factory=list)


class Migrations(Frozen):
    steps: list[MigrationStep] = field(default_factory=list)

    def path(self, from_version: str, to_version: str) -> list[MigrationStep] | None:
        """The steps from one version to another, in order; None when the steps do not join them."""
        steps, version = [], from_version
        while version != to_version:
            step = next((step for step in self.steps if step.from_version == version), None)
            if step is None or len(steps) > len(self.steps):
                return None
            steps.append(step)
            version = step.to_version
        return steps


class VersionSnapshot(Frozen):
    """An earlier version's questions (a group entry's as 'GROUP.ITEM') and each one's option values."""

    version: Annotated[str, Field(pattern=VERSION_PATTERN)]
    questions: dict[str, list[str]]
