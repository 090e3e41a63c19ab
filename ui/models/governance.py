"""Table models of the Governance step: role holders, the RACI (one column per role, each
cell an enum read and written through `RaciCell`), the office's people and escalation."""

from __future__ import annotations

from planning.enums import GovernanceRole, Raci
from planning.governance import EscalationLevel, RaciRow, RoleHolder, StaffLine
from planning.model import Workbook
from ui.document import Change
from ui.models.table import Column, EntityTableModel, enum_choices

CHANGE = Change.GOVERNANCE
# Short RACI headers leave the service names room; the tooltips give the full role.
SHORT = {
    GovernanceRole.SPONSOR: "Sponsor",
    GovernanceRole.STEERING_GROUP: "Steering",
    GovernanceRole.OFFICE_LEADER: "Leader",
    GovernanceRole.OFFICE_STAFF: "Staff",
    GovernanceRole.DELIVERY_MANAGERS: "Managers",
    GovernanceRole.OBJECTIVE_OWNERS: "Owners",
}


class RaciCell:
    """One role's cell of a RACI row, as a table column reads and writes it."""

    def __init__(self, row: RaciRow, role: GovernanceRole) -> None:
        self.row, self.role = row, role

    @property
    def value(self) -> Raci | None:
        return self.row.cells.get(self.role)

    @value.setter
    def value(self, raci: Raci | None) -> None:
        cells = {k: v for k, v in self.row.cells.items() if k is not self.role}
        if raci is not None:
            cells[self.role] = raci
        self.row.cells = cells


def _raci_column(role: GovernanceRole) -> Column:
    def letter(_wb: Workbook, row: RaciRow) -> str:
        value = row.cell(role)
        return value.letter if value else ""

    return Column(
        "value",
        SHORT[role],
        editor="enum",
        choices=lambda _wb: [(f"{r.letter} — {r.label}", r) for r in Raci],
        none_label="—",
        within=lambda row: RaciCell(row, role),
        display=letter,
        tooltip=f"{role.label}: responsible, accountable, consulted or informed",
    )


def roles_model(document) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.governance.roles,
        container=("governance", "roles"),
        change=CHANGE,
        columns=[
            Column("role", "Role", editor="enum", choices=enum_choices(GovernanceRole)),
            Column("holder", "Held by"),
        ],
        noun="role",
        factory=lambda: RoleHolder(role=GovernanceRole.STEERING_GROUP),
    )


def raci_model(document) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.governance.raci,
        container=("governance", "raci"),
        change=CHANGE,
        columns=[Column("service", "Service"), *(_raci_column(r) for r in GovernanceRole)],
        noun="service",
        factory=RaciRow,
        depends=Change.OFFICE_STRATEGY,
    )


def staff_model(document) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.governance.staff,
        container=("governance", "staff"),
        change=CHANGE,
        columns=[
            Column("role", "Role"),
            Column("people", "People (FTE)", editor="number", minimum=0, maximum=100000),
            Column("note", "Note"),
        ],
        noun="staff role",
        factory=StaffLine,
    )


def escalation_model(document) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.governance.escalation,
        container=("governance", "escalation"),
        change=CHANGE,
        columns=[
            Column("to", "Escalates to"),
            Column("threshold", "When"),
            Column("within", "Decision within"),
        ],
        noun="escalation level",
        factory=EscalationLevel,
    )
