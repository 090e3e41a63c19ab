"""Owners' updates from the Excel tracker, planned before they are applied.

Given the rows read from a tracker's Objectives sheet (raw cell values, no spreadsheet
library involved) and the workbook, `plan_updates` lists every change as old → new and every
problem with the row, column and value found; `apply_updates` applies the changes. Rows are
matched by the hidden stable id, never by position or code. Only the columns owners may edit
are imported (status, quarterly actuals, comments); a changed code or title is reported and
not applied. An invalid cell is skipped and reported; the row's other cells still count.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from planning.enums import ObjectiveStatus
from planning.model import Objective, Workbook

# The editable columns: field key → the tracker's column header.
EDITABLE_FIELDS: dict[str, str] = {
    "status": "Status",
    "q1": "Q1 actual",
    "q2": "Q2 actual",
    "q3": "Q3 actual",
    "q4": "Q4 actual",
    "comments": "Comments",
}
QUARTERS = ("q1", "q2", "q3", "q4")
_NUMBER_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_SHOWN = 60


@dataclass(frozen=True)
class TrackerRow:
    """One data row of the tracker's Objectives table as read, values untouched."""

    row: int  # the spreadsheet row number, for messages
    row_id: str
    code: Any = None
    title: Any = None
    cells: dict[str, Any] = field(default_factory=dict)  # EDITABLE_FIELDS key → raw value

    def is_blank(self) -> bool:
        return not self.row_id and all(
            _blank(v) for v in (self.code, self.title, *self.cells.values())
        )


@dataclass(frozen=True)
class FieldChange:
    objective_id: str
    code: str
    field: str  # an EDITABLE_FIELDS key
    old: Any
    new: Any
    row: int

    @property
    def column(self) -> str:
        return EDITABLE_FIELDS[self.field]

    def describe(self) -> str:
        return f"{self.code} {self.column}: {shown(self.old)} → {shown(self.new)}"


@dataclass(frozen=True)
class ImportProblem:
    message: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    code: str | None = None  # the objective's code, when the row matched one

    def describe(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row} ({self.code})" if self.code else f"row {self.row}")
        if self.column:
            where.append(self.column)
        prefix = ", ".join(where)
        found = f" (found {self.value})" if self.value is not None else ""
        return f"{prefix}: {self.message}{found}" if prefix else f"{self.message}{found}"


@dataclass(frozen=True)
class ImportPlan:
    changes: list[FieldChange]
    problems: list[ImportProblem]
    rows_matched: int

    def summary(self) -> str:
        changes = f"{len(self.changes)} change{'s' if len(self.changes) != 1 else ''}"
        problems = f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        return f"{self.rows_matched} objectives matched, {changes}, {problems}."


def shown(value: Any) -> str:
    """A value as the preview lists it."""
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, ObjectiveStatus):
        return value.label
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float | int):
        return f"{value:g}"
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value).replace("\n", " ")
    if len(text) > _SHOWN:
        text = text[: _SHOWN - 1] + "…"
    return f'"{text}"'


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _identity(text: str) -> str:
    return text


def plan_updates(
    workbook: Workbook, rows: Sequence[TrackerRow], *, as_exported: Callable[[str], str] = _identity
) -> ImportPlan:
    """The changes the tracker's rows bring to `workbook`, and the problems found.

    `as_exported` turns workbook text into what the export wrote (repaired or cut to fit
    Excel), so text an owner left alone is not mistaken for a change."""
    problems: list[ImportProblem] = []
    by_id = {o.id: o for o in workbook.objectives}
    counts = Counter(r.row_id for r in rows if r.row_id)
    matched: dict[str, TrackerRow] = {}
    for row in rows:
        if row.is_blank():
            continue
        if not row.row_id:
            problems.append(
                ImportProblem(
                    "a row without a Row id (added in the tracker?) is not imported; add new "
                    "objectives in the workbook",
                    row.row,
                    "Row id",
                    shown(row.code) if not _blank(row.code) else None,
                )
            )
        elif counts[row.row_id] > 1:
            problems.append(
                ImportProblem(
                    f"the Row id appears on {counts[row.row_id]} rows (a copied row?); none of "
                    "them is imported",
                    row.row,
                    "Row id",
                    shown(row.row_id),
                )
            )
        elif row.row_id not in by_id:
            problems.append(
                ImportProblem(
                    "no objective of this workbook has this Row id; the row is not imported",
                    row.row,
                    "Row id",
                    shown(row.row_id),
                )
            )
        else:
            matched[row.row_id] = row

    changes: list[FieldChange] = []
    for objective in workbook.objectives:
        found = matched.get(objective.id)
        if found is None:
            if objective.is_active() and counts[objective.id] == 0:
                problems.append(
                    ImportProblem(
                        f"{_name(objective)} is missing from the tracker (row deleted?); its "
                        "values are left as they are"
                    )
                )
            continue
        changes += _row_changes(objective, found, problems, as_exported)
    problems.sort(key=lambda p: (p.row is None, p.row or 0))
    return ImportPlan(changes, problems, len(matched))


def _name(objective: Objective) -> str:
    code = objective.code or "(no code)"
    return f'{code} "{objective.title}"' if objective.title else code


def _row_changes(
    objective: Objective,
    row: TrackerRow,
    problems: list[ImportProblem],
    as_exported: Callable[[str], str],
) -> list[FieldChange]:
    code = objective.code or "(no code)"
    for label, found, current in (
        ("Code", row.code, objective.code),
        ("Objective", row.title, objective.title),
    ):
        text = _text(found)
        if text != as_exported(current):
            problems.append(
                ImportProblem(
                    f"changed in the tracker from {shown(current)}; not imported (change it in "
                    "the workbook)",
                    row.row,
                    label,
                    shown(text),
                    code,
                )
            )

    changes: list[FieldChange] = []

    def change(field_key: str, old: Any, new: Any) -> None:
        changes.append(FieldChange(objective.id, code, field_key, old, new, row.row))

    if "status" in row.cells:
        raw = row.cells["status"]
        status = ObjectiveStatus.from_label(raw) if isinstance(raw, str) else None
        if status is None:
            known = ", ".join(s.label for s in ObjectiveStatus)
            problems.append(
                ImportProblem(
                    f"not a known status ({known}); skipped", row.row, "Status", shown(raw), code
                )
            )
        elif status is not objective.status:
            change("status", objective.status, status)
    for index, key in enumerate(QUARTERS):
        if key not in row.cells:
            continue
        number, error = _number(row.cells[key])
        if error:
            problems.append(
                ImportProblem(error, row.row, EDITABLE_FIELDS[key], shown(row.cells[key]), code)
            )
        elif number != objective.actuals[index]:
            change(key, objective.actuals[index], number)
    if "comments" in row.cells:
        text = _text(row.cells["comments"])
        if text != as_exported(objective.comments) and text != objective.comments:
            change("comments", objective.comments, text)
    return changes


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number(value: Any) -> tuple[float | None, str | None]:
    """A quarterly actual as a number; or the reason it is not one."""
    if _blank(value):
        return None, None
    if isinstance(value, bool):
        return None, "a number is expected, not TRUE/FALSE; skipped"
    if isinstance(value, int | float):
        if not math.isfinite(value):
            return None, "not a finite number; skipped"
        return float(value), None
    if isinstance(value, datetime | date):
        return None, "a number is expected, not a date; skipped"
    if isinstance(value, str) and _NUMBER_TEXT.match(value.strip()):
        # A number stored as text (pasted, or typed after an apostrophe) is still a number.
        return float(value.strip()), None
    return None, "a number is expected, not text; skipped"


def apply_updates(workbook: Workbook, plan: ImportPlan) -> int:
    """Applies the plan's changes to `workbook`; returns how many were applied."""
    applied = 0
    for item in plan.changes:
        objective = workbook.objective(item.objective_id)
        if objective is None:
            continue
        if item.field == "status":
            objective.status = item.new
        elif item.field in QUARTERS:
            actuals = list(objective.actuals)
            actuals[QUARTERS.index(item.field)] = item.new
            objective.actuals = actuals
        elif item.field == "comments":
            objective.comments = item.new
        applied += 1
    return applied
