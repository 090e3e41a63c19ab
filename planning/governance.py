"""The office's governance: its mandate and decision rights, who does what (a RACI over its
main services), its resources, how it reports (through the communication plan) and how
matters escalate. Stored in the workbook and, as it stood, in each year of its history."""

from __future__ import annotations

from pydantic import Field

from planning.enums import GovernanceRole, Raci
from planning.records import Entity, Record


class RoleHolder(Entity):
    """Who fills one governance role: a person, or a named group such as the steering group."""

    role: GovernanceRole
    holder: str = ""


class RaciRow(Entity):
    """One of the office's main services and each role's part in it."""

    service: str = ""
    # The office-strategy service the row stands for, when there is one: titles may change.
    service_id: str | None = None
    cells: dict[GovernanceRole, Raci] = Field(default_factory=dict)

    def cell(self, role: GovernanceRole) -> Raci | None:
        return self.cells.get(role)


class StaffLine(Entity):
    """People of the office by role: "Portfolio analyst", 2 (full-time equivalents)."""

    role: str = ""
    people: float | None = Field(default=None, ge=0)
    note: str = ""


class EscalationLevel(Entity):
    """One rung of the escalation ladder: when a matter goes up, to whom, and how fast."""

    to: str = ""
    threshold: str = ""
    within: str = ""


class Governance(Record):
    mandate: str = ""
    decides: list[str] = Field(default_factory=list)
    recommends: list[str] = Field(default_factory=list)
    reports: list[str] = Field(default_factory=list)
    roles: list[RoleHolder] = Field(default_factory=list)
    raci: list[RaciRow] = Field(default_factory=list)
    staff: list[StaffLine] = Field(default_factory=list)
    # In the workbook's currency (settings.currency); None when not set.
    budget: float | None = Field(default=None, ge=0)
    budget_note: str = ""
    # Reporting is what the communication plan already says (what, to whom, how often):
    # the ids of the communication items that are the office's governance reporting.
    reporting_ids: list[str] = Field(default_factory=list)
    escalation: list[EscalationLevel] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return self == Governance()

    def holder(self, role: GovernanceRole) -> str:
        return next((r.holder for r in self.roles if r.role is role), "")
