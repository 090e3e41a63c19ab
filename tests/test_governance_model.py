"""Governance: defaults from the office kind, carried into next year and kept in history."""

from __future__ import annotations

from clean_workbook import clean_workbook

from planning.carry_forward import carry_forward
from planning.enums import Direction, GovernanceRole, OfficeKind, Raci
from planning.fileformat import dumps, loads
from planning.governance import StaffLine
from planning.governance_defaults import default_governance


def test_a_portfolio_office_decides_prioritisation() -> None:
    governance = default_governance(OfficeKind.PORTFOLIO)
    assert any("prioritisation" in matter for matter in governance.decides)
    assert [r.role for r in governance.roles] == list(GovernanceRole)
    prioritisation = governance.raci[0]
    assert prioritisation.service == "Portfolio prioritisation"
    assert prioritisation.cell(GovernanceRole.STEERING_GROUP) is Raci.ACCOUNTABLE
    assert len(governance.escalation) == 3


def test_a_project_office_sets_delivery_standards() -> None:
    governance = default_governance(OfficeKind.PROJECT)
    assert "delivery standards" in governance.decides[0]
    assert governance.raci[0].service == "Delivery standards"
    assert not any("prioritisation" in matter for matter in governance.decides)


def test_carry_forward_keeps_direction_governance_and_settings() -> None:
    wb = clean_workbook()
    wb.settings.currency, wb.settings.focus_limit = "EUR", 5
    wb.governance = default_governance(OfficeKind.PORTFOLIO)
    wb.governance.staff = [StaffLine(role="Analyst", people=2)]
    wb.governance.budget = 300000
    nxt = carry_forward(wb)
    assert nxt.objectives[0].direction is Direction.DOWN
    assert nxt.governance == wb.governance
    assert nxt.settings == wb.settings
    last = nxt.history[-1]
    assert last.governance == wb.governance
    assert last.objectives[0].direction is Direction.DOWN
    # The snapshot is a copy: editing this year's governance leaves history alone.
    nxt.governance.budget = 1
    assert last.governance.budget == 300000
    assert loads(dumps(nxt)) == nxt


def test_a_removed_report_no_longer_counts_and_duplicate_rows_are_refused() -> None:
    from planning.complaints import complaint_plans
    from planning.enums import Complaint
    from planning.integrity import integrity_problems
    from planning.readiness import step_state
    from planning.steps import Step

    wb = clean_workbook()
    wb.health_rating(Complaint.BUSINESS_DOESNT_UNDERSTAND_OFFICE).score = 2
    assert step_state(wb, Step.GOVERNANCE).value == "complete"
    wb.communication.clear()
    assert step_state(wb, Step.GOVERNANCE).value == "in_progress"
    [plan] = complaint_plans(wb)
    assert "governance reporting" in [p.part for p in plan.missing]
    wb.governance.staff = [StaffLine(id="same", role="A"), StaffLine(id="same", role="B")]
    assert any("staff role" in p for p in integrity_problems(wb))
