"""The update policy, enforced: facts that change (drug labels and their safety programmes, approvals,
prices, helplines and emergency numbers) carry the date they were current (``as_of``) and the date by which
they are checked again (``recheck_by``). ``screener check`` fails once a date has passed, naming each fact,
so no new version goes out with one unchecked; the program itself goes on working for patients.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from screener.content.problems import Problems
from screener.content.regions import RegionList
from screener.content.sources import SourceList

TIME_SENSITIVE = ("regulator", "service")  # labels, REMS and approvals; helplines and services


def check_recheck_dates(
    folder: Path, sources: SourceList, regions: RegionList, today: dt.date, problems: Problems
) -> None:
    """Every time-sensitive fact has its dates, and none of them has passed on ``today``."""
    sources_path, regions_path = folder.parent / "sources.yaml", folder.parent / "regions.yaml"
    for source_id, source in sources.sources.items():
        where = f"source '{source_id}'"
        if source.recheck_by is None:
            if source.kind in TIME_SENSITIVE:
                problems.add(sources_path, where, f"a {source.kind} source carries as_of and recheck_by")
        elif source.recheck_by < today:
            problems.add(sources_path, where, _overdue(source.short, source.recheck_by))
    for region_id, region in regions.regions.items():
        where = f"region '{region_id}'"
        if region.recheck_by is None:
            problems.add(regions_path, where, "its crisis lines and emergency number carry recheck_by")
        elif region.recheck_by < today:
            problems.add(regions_path, where, _overdue(f"the crisis lines of {region.name}", region.recheck_by))


def _overdue(what: str, recheck_by: dt.date) -> str:
    return (
        f"recheck_by {recheck_by.isoformat()} has passed: check {what} against its source again, "
        "then set as_of and a new recheck_by"
    )
