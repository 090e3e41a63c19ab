"""A workbook with every step complete and no finding: the baseline the rule tests break."""

from __future__ import annotations

from datetime import date

from planning.carry_forward import carry_forward
from planning.enums import (
    ApprovalDecision,
    CarryDecision,
    Complaint,
    Direction,
    OfficeKind,
    StatementDecision,
    StrategyKind,
    Strength,
)
from planning.governance_defaults import default_governance
from planning.model import (
    AlignmentLink,
    Approval,
    CommunicationItem,
    Constituent,
    Objective,
    Participant,
    StrategicObjective,
    StrategyItem,
    Workbook,
    new_workbook,
)


def clean_workbook() -> Workbook:
    wb = new_workbook("Acme", "FY2027")
    wb.setup.fiscal_year.start, wb.setup.fiscal_year.end = date(2027, 1, 1), date(2027, 12, 31)
    wb.setup.review_start = wb.setup.review_end = date(2027, 1, 12)
    wb.setup.facilitator = "Fran"
    wb.setup.participants = [
        Participant(name="Fran", role="Head of office"),
        Participant(name="Eve", role="COO", executive=True),
    ]
    wb.office.kind = OfficeKind.PORTFOLIO
    wb.office.full_name = "Acme Portfolio Management Office"
    wb.office.scope = "All change initiatives"
    wb.strategy = [StrategicObjective(code="CS-1", title="Grow")]
    wb.constituents = [Constituent(name="Sales division", needs="Faster launches")]
    for complaint in Complaint:
        wb.health_rating(complaint).score = 3
    for statement in (wb.purpose, wb.mission, wb.vision):
        statement.decision = StatementDecision.NEW
        statement.rationale = "Agreed in the workshop."
    wb.mission.text = "We help our customers invest in the right initiatives."
    wb.vision.text = "Every investment is traceable to strategy."
    objective = Objective(
        code="OBJ-1",
        title="Faster launches",
        measure="Weeks to launch",
        unit="weeks",
        baseline=20,
        direction=Direction.DOWN,
        target=12,
        due=date(2027, 9, 30),
        owner="Fran",
        constituent_ids=[wb.constituents[0].id],
    )
    wb.objectives = [objective]
    wb.alignment = [
        AlignmentLink(
            objective_id=objective.id, strategic_id=wb.strategy[0].id, strength=Strength.STRONG
        )
    ]
    wb.office_strategy = [
        StrategyItem(kind=kind, title=title, objective_ids=[objective.id])
        for kind, title in (
            (StrategyKind.SERVICE, "Portfolio review"),
            (StrategyKind.PROCESS, "Quarterly reprioritisation"),
            (StrategyKind.PEOPLE, "Two portfolio analysts"),
            (StrategyKind.TOOL, "Portfolio dashboard"),
        )
    ]
    wb.communication = [CommunicationItem(audience="Executives", message="Portfolio health")]
    wb.governance = default_governance(OfficeKind.PORTFOLIO)
    wb.governance.roles[0].holder = "Eve"
    wb.governance.budget = 250000
    wb.governance.reporting_ids = [wb.communication[0].id]
    wb.approvals = [Approval(name="Eve", role="COO", decision=ApprovalDecision.APPROVED)]
    return wb


def clean_second_year() -> Workbook:
    """Next year's workbook from the clean one, fully reviewed: still no finding."""
    wb = carry_forward(clean_workbook())
    for statement in (wb.purpose, wb.mission, wb.vision):
        statement.decision = StatementDecision.REAFFIRM
        statement.rationale = "Still right."
    for complaint in Complaint:
        wb.health_rating(complaint).score = 4
    wb.setup.review_start = wb.setup.review_end = date(2028, 1, 11)
    for objective in wb.objectives:
        assert objective.carried is not None
        objective.carried.decision = CarryDecision.KEEP
        objective.baseline = 15
    wb.governance = default_governance(OfficeKind.PORTFOLIO)
    wb.governance.roles[0].holder = "Eve"
    wb.governance.budget = 250000
    wb.governance.reporting_ids = [wb.communication[0].id]
    wb.approvals = [Approval(name="Eve", role="COO", decision=ApprovalDecision.APPROVED)]
    return wb
