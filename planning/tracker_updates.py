"""Owners' updates from the Excel tracker, planned before they are applied.

Given the rows read from a tracker's Objectives sheet (raw cell values, no spreadsheet
library involved) and the workbook, `plan_updates` lists every change as old → new and every
problem with the row, column and value found; `apply_updates` applies the changes, all of
them or none. Rows are matched by the hidden stable id, never by position or code. The
columns owners may edit (planning.tracker_columns) are imported; a change in any other
column is reported and not applied, and so is a row whose id names an objective with another
code and title (ids swapped), or an objective the tracker did not hold (closed). An invalid
cell is skipped and reported; the row's other cells still count. A column the tracker lacks
(an older tracker) is simply not read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from planning.enums import ObjectiveStatus, ValueCategory
from planning.errors import WorkbookError
from planning.model import Objective, Workbook
from planning.tracker_columns import (
    CELL_TEXT_LIMIT,
    EDITABLE_KEYS,
    QUARTERS,
    READ_ONLY_KEYS,
    column,
    exported_value,
    header,
    strategic_label,
)
from planning.tracker_values import (
    as_number,
    as_text,
    blank,
    same_text,
    same_value,
    too_long,
)

# The editable columns: field key → the tracker's column header.
EDITABLE_FIELDS: dict[str, str] = {key: header(key) for key in EDITABLE_KEYS}
_SHOWN = 60


@dataclass(frozen=True)
class TrackerRow:
    """One data row of the tracker's Objectives table as read, values untouched."""

    row: int  # the spreadsheet row number, for messages
    row_id: str
    code: Any = None
    title: Any = None
    cells: dict[str, Any] = field(default_factory=dict)  # EDITABLE_FIELDS key → raw value

    def isblank(self) -> bool:
        return not self.row_id and all(
            blank(v) for v in (self.code, self.title, *self.cells.values())
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
    if isinstance(value, ObjectiveStatus | ValueCategory):
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


def _identity(text: str) -> str:
    return text


class ImportRefused(WorkbookError):
    """An import that cannot be applied as a whole; nothing was changed."""


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
        if row.isblank():
            continue
        if not row.row_id:
            problems.append(
                ImportProblem(
                    "a row without a Row id (added in the tracker?) is not imported; add new "
                    "objectives in the workbook",
                    row.row,
                    "Row id",
                    shown(row.code) if not blank(row.code) else None,
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

    context = _Context(workbook, as_exported)
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
        changes += _row_changes(objective, found, problems, context)
    problems.sort(key=lambda p: (p.row is None, p.row or 0))
    return ImportPlan(changes, problems, len(matched))


def _name(objective: Objective) -> str:
    code = objective.code or "(no code)"
    return f'{code} "{objective.title}"' if objective.title else code


@dataclass
class _Context:
    """What comparing a row needs from the workbook, computed once per import."""

    workbook: Workbook
    as_exported: Callable[[str], str]

    def __post_init__(self) -> None:
        wb = self.workbook
        self.names = {c.id: c.name for c in wb.constituents}
        linked: dict[str, set[str]] = {}
        for link in wb.alignment:
            linked.setdefault(link.objective_id, set()).add(link.strategic_id)
        self.linked = linked

    def exported(self, objective: Objective, key: str) -> Any:
        supported = None
        if key == "supports":
            ids = self.linked.get(objective.id, set())
            strategy = self.workbook.strategy
            supported = [strategic_label(s.code, s.title) for s in strategy if s.id in ids]
        return exported_value(self.workbook, objective, key, names=self.names, supported=supported)


def _row_changes(
    objective: Objective, row: TrackerRow, problems: list[ImportProblem], context: _Context
) -> list[FieldChange]:
    code = objective.code or "(no code)"
    found_code, found_title = as_text(row.code), as_text(row.title)
    if not same_text(found_code, objective.code, context.as_exported) and not same_text(
        found_title, objective.title, context.as_exported
    ):
        problems.append(
            ImportProblem(
                f"this Row id belongs to {_name(objective)}, but the row shows "
                f"{shown(found_code)} {shown(found_title)} (Row ids swapped or edited?); "
                "the row is not imported",
                row.row,
                "Row id",
                shown(row.row_id),
            )
        )
        return []
    found: list[ImportProblem] = []
    changes = _editable_changes(objective, row, found, code, context)
    found += _read_only_problems(objective, row, code, context)
    if not objective.is_active():
        # Closed objectives are not exported: whatever a row naming one says, it is not
        # applied (a tampered Row id must not reopen an achieved objective).
        if changes or found:
            problems.append(
                ImportProblem(
                    f"{_name(objective)} is closed ({_closed(objective)}) and was not in the "
                    "exported tracker; the row is not imported",
                    row.row,
                    "Row id",
                    shown(row.row_id),
                    code,
                )
            )
        return []
    problems.extend(found)
    return changes


def _closed(objective: Objective) -> str:
    if objective.status is ObjectiveStatus.RETIRED or objective.carried is None:
        return objective.status.label.lower()
    decision = objective.carried.decision
    return decision.label.lower() if decision else objective.status.label.lower()


def _read_only_problems(
    objective: Objective, row: TrackerRow, code: str, context: _Context
) -> list[ImportProblem]:
    problems: list[ImportProblem] = []
    cells = {"code": row.code, "title": row.title, **row.cells}
    for key in READ_ONLY_KEYS:
        if key not in cells:
            continue
        raw = cells[key]
        current = context.exported(objective, key)
        if same_value(column(key).type, raw, current, context.as_exported):
            continue
        problems.append(
            ImportProblem(
                f"changed in the tracker from {shown(current)}; not imported (change it in "
                "the workbook)",
                row.row,
                header(key),
                shown(as_text(raw) if column(key).type == "text" else raw),
                code,
            )
        )
    return problems


def _editable_changes(
    objective: Objective,
    row: TrackerRow,
    problems: list[ImportProblem],
    code: str,
    context: _Context,
) -> list[FieldChange]:
    changes: list[FieldChange] = []

    def change(field_key: str, old: Any, new: Any) -> None:
        changes.append(FieldChange(objective.id, code, field_key, old, new, row.row))

    def problem(key: str, message: str) -> None:
        problems.append(ImportProblem(message, row.row, header(key), shown(row.cells[key]), code))

    if "status" in row.cells:
        raw = row.cells["status"]
        status = ObjectiveStatus.from_label(raw) if isinstance(raw, str) else None
        if status is None:
            known = ", ".join(s.label for s in ObjectiveStatus)
            problem("status", f"not a known status ({known}); skipped")
        elif status is not objective.status:
            change("status", objective.status, status)
    for index, key in enumerate(QUARTERS):
        if key not in row.cells:
            continue
        number, error = as_number(row.cells[key])
        if error:
            problem(key, error)
        elif number != objective.actuals[index]:
            change(key, objective.actuals[index], number)
    if "value_category" in row.cells:
        raw = row.cells["value_category"]
        category = ValueCategory.from_label(raw) if isinstance(raw, str) else None
        if blank(raw):
            category = None
        elif category is None:
            known = ", ".join(c.label for c in ValueCategory)
            problem("value_category", f"not a known value category ({known}); skipped")
            category = objective.value_category
        if category is not objective.value_category:
            change("value_category", objective.value_category, category)
    if "value_amount" in row.cells:
        number, error = as_number(row.cells["value_amount"])
        if error:
            problem("value_amount", error)
        elif number != objective.value_amount:
            change("value_amount", objective.value_amount, number)
    if "comments" in row.cells:
        text = as_text(row.cells["comments"])
        if too_long(text):
            problem(
                "comments",
                f"longer than a cell can hold ({len(text):,} characters; at most "
                f"{CELL_TEXT_LIMIT:,}); skipped",
            )
        elif not same_text(text, objective.comments, context.as_exported):
            change("comments", objective.comments, text)
    return changes


def apply_updates(workbook: Workbook, plan: ImportPlan) -> int:
    """Applies the plan's changes to `workbook`, all of them or none; returns how many were
    applied. Raises ImportRefused, leaving the workbook as it was, when one cannot be."""
    updated: dict[str, Objective] = {}
    try:
        for item in plan.changes:
            objective = updated.get(item.objective_id)
            if objective is None:
                original = workbook.objective(item.objective_id)
                if original is None or not original.is_active():
                    raise ImportRefused(
                        f"{item.code}: the objective is no longer open in the workbook; "
                        "nothing is imported."
                    )
                objective = updated[item.objective_id] = original.model_copy(deep=True)
            _set(objective, item)
    except (ValidationError, ValueError, TypeError) as exc:
        raise ImportRefused(
            f"The tracker's changes cannot be applied ({type(exc).__name__}); nothing is imported."
        ) from exc
    if updated:
        workbook.objectives = [updated.get(o.id, o) for o in workbook.objectives]
    return len(plan.changes)


def _set(objective: Objective, item: FieldChange) -> None:
    if item.field in QUARTERS:
        actuals = list(objective.actuals)
        actuals[QUARTERS.index(item.field)] = item.new
        objective.actuals = actuals
    elif item.field in EDITABLE_KEYS:
        setattr(objective, item.field, item.new)
    else:
        raise ValueError(f"{item.field} is not an editable column")
