"""Stepwise migrations of the workbook file, one function per schema version step.

`MIGRATIONS[n]` turns a version-n document (a plain dict) into a version-(n+1) one. Loading
applies them in order up to `SCHEMA_VERSION`; each released version has a fixture file in
tests/fixtures so that every step is exercised. A change to the schema adds an entry here
and bumps SCHEMA_VERSION.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planning.errors import DamagedWorkbookError

Document = dict[str, Any]
Migration = Callable[[Document], Document]


def _v1_to_v2(document: Document) -> Document:
    """Version 2 adds the workshop's timed agenda; older workbooks start with none."""
    document.setdefault("agenda", [])
    return document


def _direction(item: Document) -> str:
    """Version 2 had no direction; its progress formula read a target below the baseline
    as "lower is better", so such objectives become "down" and the rest "up"."""
    baseline, target = item.get("baseline"), item.get("target")
    numbers = (int, float)
    if (
        isinstance(baseline, numbers)
        and isinstance(target, numbers)
        and not isinstance(baseline, bool)
        and not isinstance(target, bool)
        and target < baseline
    ):
        return "down"
    return "up"


def _dicts(value: object) -> list[Document]:
    """The dict items of a list; anything malformed is left for validation to refuse."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _add_direction(objective: Document) -> None:
    objective.setdefault("direction", _direction(objective))
    objective.setdefault("target_max", None)


def _v2_to_v3(document: Document) -> Document:
    """Version 3 adds the objective's direction (and a range's upper end), the workbook's
    settings (currency, focus limit), its governance, and governance in each year's history.
    The currency of an old file stays unset: it was never recorded, and guessing from the
    locale of whoever opens the file could be wrong."""
    for objective in _dicts(document.get("objectives")):
        _add_direction(objective)
    document.setdefault("settings", {"currency": "", "focus_limit": 7})
    document.setdefault("governance", {})
    for year in _dicts(document.get("history")):
        year.setdefault("governance", None)
        for result in _dicts(year.get("objectives")):
            _add_direction(result)
    return document


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3}


def migrate(document: Document, from_version: int, to_version: int) -> Document:
    """Bring `document` from `from_version` up to `to_version`, one version at a time."""
    version = from_version
    while version < to_version:
        step = MIGRATIONS.get(version)
        if step is None:
            raise DamagedWorkbookError(
                f"This workbook uses schema version {version}, which this version of "
                "PMO Workbook cannot convert."
            )
        document = step(document)
        version += 1
        document["schema_version"] = version
    return document
