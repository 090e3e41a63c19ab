"""The Excel tracker's column contract, stated once: what each column of the Objectives
sheet holds, its header, its type, and whether objective owners may edit it.

The export (exporters/tracker_layout.py, tracker_objectives.py) writes these columns in this
order; the import (exporters/tracker_import.py, planning/tracker_updates.py) finds them by
header and reads them; docs/TRACKER.md's column table is `column_table()` (a test checks
it). `exported_value` is what the export writes in a column for an objective, so the import
can tell an owner's edit from an untouched cell. No spreadsheet library is involved here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from planning.model import Objective, Workbook

ColumnType = Literal["text", "number", "date", "status", "value category", "formula", "id"]

CELL_TEXT_LIMIT = 32767
"""Excel's limit on the characters of one cell (UTF-16 code units)."""


@dataclass(frozen=True)
class TrackerColumn:
    key: str
    header: str
    type: ColumnType
    editable: bool = False
    note: str = ""

    @property
    def imported(self) -> bool:
        """True when the import reads this column and applies an owner's change to it."""
        return self.editable


OBJECTIVE_COLUMNS: tuple[TrackerColumn, ...] = (
    TrackerColumn("code", "Code", "text", note="From the workbook."),
    TrackerColumn("title", "Objective", "text", note="From the workbook."),
    TrackerColumn("measure", "Measure", "text", note="From the workbook."),
    TrackerColumn("unit", "Unit", "text", note="From the workbook."),
    TrackerColumn("baseline", "Baseline", "number", note="From the workbook."),
    TrackerColumn("target", "Target", "number", note="From the workbook."),
    TrackerColumn("due", "Due date", "date", note="From the workbook."),
    TrackerColumn("owner", "Owner", "text", note="From the workbook."),
    TrackerColumn(
        "constituents", "Constituents", "text", note="The constituents served, separated by ;."
    ),
    TrackerColumn(
        "supports",
        "Supports",
        "text",
        note="Codes of the company strategic objectives it supports.",
    ),
    TrackerColumn(
        "status",
        "Status",
        "status",
        editable=True,
        note="Drop-down: Not started, On track, At risk, Off track, Achieved, Retired.",
    ),
    TrackerColumn("q1", "Q1 actual", "number", editable=True, note="In the objective's unit."),
    TrackerColumn("q2", "Q2 actual", "number", editable=True, note="In the objective's unit."),
    TrackerColumn("q3", "Q3 actual", "number", editable=True, note="In the objective's unit."),
    TrackerColumn("q4", "Q4 actual", "number", editable=True, note="In the objective's unit."),
    TrackerColumn(
        "latest", "Latest actual", "formula", note="Formula: the last quarter with a number."
    ),
    TrackerColumn(
        "progress",
        "Progress",
        "formula",
        note=(
            "Formula: the share of the way from baseline to target (for the objective's "
            "direction), with a data bar."
        ),
    ),
    TrackerColumn(
        "value_category",
        "Value category",
        "value category",
        editable=True,
        note="Drop-down: the kind of value the objective brings.",
    ),
    TrackerColumn(
        "value_amount", "Value amount", "number", editable=True, note="The value it brings."
    ),
    TrackerColumn("comments", "Comments", "text", editable=True, note="Free text."),
    TrackerColumn(
        "row_id",
        "Row id",
        "id",
        note="Hidden: the objective's stable id. The import matches rows by it.",
    ),
)

QUARTERS = ("q1", "q2", "q3", "q4")
ROW_ID = "row_id"
IDENTIFYING = ("code", "title")


def column(key: str) -> TrackerColumn:
    for candidate in OBJECTIVE_COLUMNS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def header(key: str) -> str:
    return column(key).header


EDITABLE_KEYS: tuple[str, ...] = tuple(c.key for c in OBJECTIVE_COLUMNS if c.editable)
# Written from the workbook and compared on import: a change there is reported, never
# applied. Formulas are recomputed by the spreadsheet; the Row id is the key itself.
READ_ONLY_KEYS: tuple[str, ...] = tuple(
    c.key for c in OBJECTIVE_COLUMNS if not c.editable and c.type not in ("formula", "id")
)


ExportedValue = str | float | date | None


def exported_value(
    workbook: Workbook,
    objective: Objective,
    key: str,
    *,
    names: dict[str, str] | None = None,
    supported: list[str] | None = None,
) -> ExportedValue:
    """What the export writes in column `key` for `objective` (None for the formulas,
    which the export writes itself). `names` (constituent id → name) and `supported`
    (labels of the strategic objectives it supports) spare recomputing them per row."""
    if key == "constituents":
        names = names if names is not None else {c.id: c.name for c in workbook.constituents}
        return "; ".join(names[cid] for cid in objective.constituent_ids if cid in names)
    if key == "supports":
        if supported is None:
            linked = {a.strategic_id for a in workbook.alignment if a.objective_id == objective.id}
            supported = [
                strategic_label(s.code, s.title) for s in workbook.strategy if s.id in linked
            ]
        return ", ".join(supported)
    if key in QUARTERS:
        return objective.actuals[QUARTERS.index(key)]
    if key == "status":
        return objective.status.label
    if key == "value_category":
        return objective.value_category.label if objective.value_category else ""
    if key == "row_id":
        return objective.id
    if key in ("latest", "progress"):
        return None
    value: ExportedValue = getattr(objective, key)
    return value


def strategic_label(code: str, title: str) -> str:
    return code.strip() or title.strip() or "(no code)"


def column_table() -> str:
    """docs/TRACKER.md's table of the Objectives columns (a test keeps the two equal)."""
    lines = ["| Column | Type | Owners may edit | Notes |", "|---|---|---|---|"]
    for c in OBJECTIVE_COLUMNS:
        name = f"**{c.header}**" if c.editable else c.header
        edit = "**yes**" if c.editable else "no"
        lines.append(f"| {name} | {c.type} | {edit} | {c.note} |")
    return "\n".join(lines)
