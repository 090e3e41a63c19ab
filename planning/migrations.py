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


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}


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
