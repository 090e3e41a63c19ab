"""The objectives table: the measurable objectives with their SMART findings as an icon per
row, the constituents each serves, and the decision on those carried over from last year."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from planning.enums import CarryDecision, Direction, ObjectiveStatus
from planning.findings import Finding
from planning.model import Objective, Workbook
from planning.progress import progress
from planning.steps import Step
from ui.document import Change, WorkbookDocument
from ui.models.table import Column, EntityTableModel, enum_choices, format_number
from ui.widgets.findings import severity_icon, worst

SMART = 0


def constituent_choices(workbook: Workbook) -> list[tuple[str, Any]]:
    return [(c.name or c.group or "Unnamed constituent", c.id) for c in workbook.constituents]


def _unit(objective: Objective) -> str:
    return objective.unit


def _decision_display(_wb: Workbook, objective: Objective) -> str:
    if objective.carried is None:
        return "New this year"
    decision = objective.carried.decision
    return decision.label if decision else "Decide…"


# The table shows the direction as a sign; its editor lists the full labels.
_DIRECTION_SIGN = {
    Direction.UP: "↑ Up",
    Direction.DOWN: "↓ Down",
    Direction.RANGE: "↔ Range",
    Direction.AT_LEAST: "≥ At least",
    Direction.AT_MOST: "≤ At most",
}


def _direction_display(_wb: Workbook, objective: Objective) -> str:
    return _DIRECTION_SIGN[objective.direction]


def _target_display(_wb: Workbook, objective: Objective) -> str:
    target = format_number(objective.target)
    if objective.direction is Direction.RANGE and objective.target_max is not None:
        target = f"{target}–{format_number(objective.target_max)}"
    return f"{target} {objective.unit}".strip() if target else ""


def _progress_display(_wb: Workbook, objective: Objective) -> str:
    """planning.progress for the latest actual: the same figure as the tracker's."""
    share = progress(objective, objective.latest_actual())
    return "" if share is None else f"{round(share * 100)} %"


COLUMNS = [
    Column(
        "smart",
        "SMART",
        editor="readonly",
        tooltip="Is it specific, measurable, owned, due and aligned? Hover for details",
    ),
    Column("code", "Code"),
    Column("title", "Title"),
    Column("measure", "Measure", tooltip="How you will know it is met"),
    Column("unit", "Unit"),
    Column("baseline", "Baseline", editor="number", unit=_unit),
    Column(
        "direction",
        "Direction",
        editor="enum",
        choices=enum_choices(Direction),
        display=_direction_display,
        tooltip="Which way the measure should go: up, down, within a range, at least, at most",
    ),
    Column(
        "target",
        "Target",
        editor="number",
        unit=_unit,
        display=_target_display,
        tooltip="For a range, the low end (the high end is in the details)",
    ),
    Column("due", "Due", editor="date"),
    Column("owner", "Owner"),
    Column(
        "constituent_ids",
        "Serves",
        editor="multi",
        choices=constituent_choices,
        tooltip="The constituents whose success this objective helps",
    ),
    Column("status", "Status", editor="enum", choices=enum_choices(ObjectiveStatus)),
    Column(
        "progress",
        "Progress",
        editor="readonly",
        display=_progress_display,
        tooltip="Share of the way from baseline to target at the latest actual, for the direction",
    ),
    Column(
        "decision",
        "Carried over",
        editor="enum",
        choices=enum_choices(CarryDecision),
        none_label="Decide…",
        within=lambda o: o.carried,
        display=_decision_display,
        tooltip="For objectives from last year: keep, revise, retire or achieved",
    ),
]


class ObjectivesModel(EntityTableModel):
    def __init__(self, document: WorkbookDocument, parent=None) -> None:
        super().__init__(
            document,
            rows=lambda wb: wb.objectives,
            container=("objectives",),
            change=Change.OBJECTIVES,
            columns=COLUMNS,
            noun="objective",
            factory=Objective,
            depends=Change.CONSTITUENTS | Change.ALIGNMENT | Change.SETUP | Change.STRATEGY,
            parent=parent,
        )
        self._by_objective: dict[str, list[Finding]] = {}
        self._source: list[Finding] | None = None

    def findings_of(self, objective_id: str) -> list[Finding]:
        # Grouped from the document's current findings, whoever asks first after an edit
        # (the page's detail panel may ask before this model has heard of the edit).
        findings = self.document.findings()
        if findings is not self._source:
            grouped: dict[str, list[Finding]] = {}
            for finding in findings:
                if finding.step is Step.OBJECTIVES and finding.entity_id:
                    grouped.setdefault(finding.entity_id, []).append(finding)
            self._by_objective = grouped
            self._source = findings
        return self._by_objective.get(objective_id, [])

    def raw(self, row: int, column: Column) -> Any:
        if column.field == "smart":
            return len(self.findings_of(self.entity(row).id))
        if column.field == "progress":
            return progress(self.entity(row), self.entity(row).latest_actual())
        return super().raw(row, column)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == SMART and index.row() < self.rowCount():
            findings = self.findings_of(self.entity(index.row()).id)
            if role == Qt.ItemDataRole.DisplayRole:
                return str(len(findings)) if findings else "✓"
            if role == Qt.ItemDataRole.DecorationRole:
                severity = worst(findings)
                return severity_icon(severity) if severity else None
            if role == Qt.ItemDataRole.ToolTipRole:
                if not findings:
                    return "Specific, measurable, owned, due and aligned."
                return "\n".join(f"• {f.message}" for f in findings)
            if role == Qt.ItemDataRole.EditRole:
                return len(findings)
            return None
        return super().data(index, role)
