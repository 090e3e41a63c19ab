"""Builds the two sample workbooks in resources/samples/ (run: python tests/make_samples.py).

Northwind Freight's office was a Project Management Office in FY2026 and becomes a Portfolio
Management Office in FY2027. The FY2027 workbook is made from FY2026 with carry_forward()
and then reviewed, part-way: it shows every section and many finding kinds, the rest
appear in FY2026 (a first review done the backwards way).
"""

from __future__ import annotations

import sys
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planning.agenda import half_day_agenda
from planning.carry_forward import carry_forward
from planning.enums import (
    ApprovalDecision,
    CarryDecision,
    Complaint,
    GovernanceRole,
    ObjectiveStatus,
    OfficeKind,
    Priority,
    StatementDecision,
    StrategyKind,
    Strength,
    ValueCategory,
)
from planning.fileformat import save_workbook
from planning.governance import Governance, StaffLine
from planning.governance_defaults import default_governance
from planning.model import (
    AlignmentLink,
    Approval,
    CommunicationItem,
    Constituent,
    DecisionLogEntry,
    DocumentVersion,
    NotDoing,
    Objective,
    ParkingLotItem,
    Participant,
    StrategicObjective,
    StrategyItem,
    Workbook,
    new_workbook,
)

FIRST = "northwind-fy2026.pmowb"
LATER = "northwind-fy2027.pmowb"
_NS = uuid.UUID("6f1c4a52-0d55-4c1e-9b5e-5a3f1f0c2b11")


def sid(name: str) -> str:
    """Deterministic ids so that regenerating the samples gives the same files."""
    return str(uuid.uuid5(_NS, name))


def _fix_ids(governance: Governance, prefix: str) -> Governance:
    """Deterministic ids for the rows default_governance() made."""
    for name in ("roles", "raci", "staff", "escalation"):
        for index, row in enumerate(getattr(governance, name)):
            row.id = sid(f"{prefix}-{name}-{index}")
    return governance


def _holders(governance: Governance, holders: dict[GovernanceRole, str]) -> None:
    for row in governance.roles:
        row.holder = holders.get(row.role, row.holder)


def first_year() -> Workbook:
    wb = new_workbook("Northwind Freight", "FY2026", currency="EUR")
    # The first review said yes to everything: four objectives for a team that can pursue
    # three, and no not-doing list.
    wb.settings.focus_limit = 3
    wb.id = sid("workbook-fy2026")
    s = wb.setup
    s.fiscal_year.start, s.fiscal_year.end = date(2026, 1, 1), date(2026, 12, 31)
    s.review_start, s.review_end = date(2025, 11, 18), date(2025, 11, 18)
    s.facilitator = "Amara Okafor"
    s.participants = [
        Participant(id=sid("p-amara"), name="Amara Okafor", role="Head of Project Office"),
        Participant(id=sid("p-jonas"), name="Jonas Weber", role="Senior project manager"),
        Participant(id=sid("p-li"), name="Li Na", role="Methods and tools lead"),
    ]
    wb.office.kind = OfficeKind.PROJECT
    wb.office.full_name = "Northwind Freight Project Management Office"
    wb.office.scope = "All IT and operations projects above 50,000 EUR."
    wb.office.focus_question = OfficeKind.PROJECT.focus_question
    wb.strategy = [
        StrategicObjective(
            id=sid("s-ontime"),
            code="CS-1",
            title="On-time delivery above 97%",
            description="Every shipment arrives in its promised window.",
            owner="COO Hana Sato",
            priority=Priority.HIGH,
            horizon="2026–2028",
        ),
        StrategicObjective(
            id=sid("s-digital"),
            code="CS-2",
            title="Digital customer journey",
            description="Quote, book and track online without calling us.",
            owner="CDO Marco Rossi",
            priority=Priority.HIGH,
            horizon="2026–2027",
        ),
        StrategicObjective(
            id=sid("s-cost"),
            code="CS-3",
            title="Cost per shipment down 8%",
            description="Leaner network and fewer manual touches.",
            owner="CFO Ingrid Berg",
            priority=Priority.MEDIUM,
            horizon="2026–2028",
        ),
        StrategicObjective(
            id=sid("s-green"),
            code="CS-4",
            title="Net-zero fleet by 2035",
            description="Electric and hydrogen trucks on every urban route.",
            owner="CEO Daniel Mensah",
            priority=Priority.MEDIUM,
            horizon="2035",
        ),
    ]
    wb.constituents = [
        Constituent(
            id=sid("c-ops"),
            name="Operations division",
            group="Business unit",
            goals="Move every shipment on time at lower cost.",
            needs="Projects that land on time and do not disrupt the depots.",
            satisfaction=2.8,
        ),
        Constituent(
            id=sid("c-exec"),
            name="Executive committee",
            group="Leadership",
            goals="Invest in what moves the strategy.",
            needs="One honest view of project health and value.",
            satisfaction=2.5,
        ),
        Constituent(
            id=sid("c-pm"),
            name="Project managers",
            group="Delivery",
            goals="Deliver their projects with less friction.",
            needs="Light processes, coaching and a tool that helps.",
            satisfaction=3.4,
        ),
    ]
    for complaint, score, note in [
        (Complaint.PURPOSE_NOT_UNDERSTOOD, 2, "Depot managers call us 'the template police'."),
        (Complaint.NO_QUANTIFIABLE_VALUE, 1, "We report activity, not value."),
        (Complaint.LACK_OF_FOCUS, 2, "We say yes to every request."),
        (Complaint.DISSATISFIED_WITH_RESULTS, 3, ""),
        (Complaint.SEEN_AS_BURDEN, 2, "Stage-gate paperwork takes two days per project."),
        (Complaint.BUSINESS_DOESNT_UNDERSTAND_OFFICE, 2, ""),
        (Complaint.OFFICE_DOESNT_UNDERSTAND_BUSINESS, 3, "We rarely visit the depots."),
    ]:
        rating = wb.health_rating(complaint)
        rating.score, rating.note = score, note
    wb.purpose.decision = StatementDecision.NEW
    wb.purpose.rationale = "Adopted the customer-success purpose at our first review."
    wb.purpose.decided_on = date(2025, 11, 18)
    wb.mission.text = (
        "The PMO defines and enforces a standard project management methodology, with stage "
        "gates, templates, mandatory training and a single project tool, so that every project "
        "in the company follows the same process, produces the same documents, is reviewed at "
        "the same gates, and reports its status in the same format every month, which gives "
        "management a consistent picture of all ongoing work."
    )
    wb.mission.decision = StatementDecision.NEW
    wb.mission.decided_on = date(2025, 11, 18)
    wb.objectives = [
        Objective(
            id=sid("o-ontime"),
            code="PO-1",
            title="Projects delivered on time",
            measure="Share of projects closing within 10% of planned date",
            unit="%",
            baseline=58,
            target=75,
            due=date(2026, 12, 31),
            owner="Jonas Weber",
            constituent_ids=[sid("c-ops"), sid("c-exec")],
            status=ObjectiveStatus.AT_RISK,
            actuals=[60, 63, 66, 68],
            value_category=ValueCategory.TIME_TO_MARKET,
            value_amount=250000,
        ),
        Objective(
            id=sid("o-training"),
            code="PO-2",
            title="Every project manager certified",
            measure="Certified project managers",
            unit="people",
            baseline=4,
            target=20,
            due=date(2026, 9, 30),
            owner="Li Na",
            constituent_ids=[sid("c-pm")],
            status=ObjectiveStatus.ACHIEVED,
            actuals=[8, 14, 20, 21],
        ),
        Objective(
            id=sid("o-tool"),
            code="PO-3",
            title="Roll out one project tool for all projects",
            measure="Projects tracked in the tool",
            unit="%",
            baseline=30,
            target=100,
            due=date(2026, 12, 31),
            owner="PMO tools team",
            status=ObjectiveStatus.ON_TRACK,
            actuals=[45, 70, 85, 92],
            value_category=ValueCategory.COST_AVOIDED,
            value_amount=40000,
        ),
        Objective(
            id=sid("o-benefits"),
            code="PO-4",
            title="Benefits tracked after go-live",
            measure="Closed projects with a benefits review",
            unit="%",
            baseline=0,
            target=50,
            due=date(2027, 3, 31),
            owner="",
            constituent_ids=[sid("c-exec")],
            status=ObjectiveStatus.OFF_TRACK,
            actuals=[0, 5, 10, 12],
            value_category=ValueCategory.BENEFITS_REALISED,
        ),
        # The objective a new user writes first: the coach has much to say about it.
        Objective(
            id=sid("o-engage"),
            code="PO-5",
            title="Improve stakeholder engagement",
            measure="Stakeholder engagement",
            baseline=3,
            target=4,
            owner="PMO team",
            constituent_ids=[sid("c-exec")],
            status=ObjectiveStatus.NOT_STARTED,
        ),
    ]
    wb.alignment = [
        AlignmentLink(
            objective_id=sid("o-ontime"), strategic_id=sid("s-ontime"), strength=Strength.MEDIUM
        ),
        AlignmentLink(
            objective_id=sid("o-ontime"), strategic_id=sid("s-digital"), strength=Strength.WEAK
        ),
        AlignmentLink(
            objective_id=sid("o-tool"), strategic_id=sid("s-cost"), strength=Strength.WEAK
        ),
        AlignmentLink(
            objective_id=sid("o-benefits"), strategic_id=sid("s-cost"), strength=Strength.MEDIUM
        ),
    ]
    wb.office_strategy = [
        StrategyItem(
            id=sid("i-gates"),
            kind=StrategyKind.PROCESS,
            title="Five-gate project lifecycle",
            description="Mandatory gates with templates.",
            objective_ids=[sid("o-ontime")],
        ),
        StrategyItem(
            id=sid("i-academy"),
            kind=StrategyKind.PEOPLE,
            title="Project academy",
            description="Certification track for project managers.",
            objective_ids=[sid("o-training")],
        ),
        StrategyItem(
            id=sid("i-tool"),
            kind=StrategyKind.TOOL,
            title="Project tool roll-out",
            description="One tool, one status report.",
            objective_ids=[sid("o-tool")],
        ),
    ]
    wb.communication = [
        CommunicationItem(
            id=sid("m-report"),
            audience="Executive committee",
            message="Status of all projects",
            channel="PDF report",
            frequency="Monthly",
            owner="Amara Okafor",
        ),
    ]
    gov = default_governance(OfficeKind.PROJECT)
    _holders(
        gov,
        {
            GovernanceRole.SPONSOR: "Hana Sato, Chief Operating Officer",
            GovernanceRole.STEERING_GROUP: "IT and operations steering group",
            GovernanceRole.OFFICE_LEADER: "Amara Okafor",
            GovernanceRole.OFFICE_STAFF: "Methods and tools team",
            GovernanceRole.DELIVERY_MANAGERS: "Project managers in IT and operations",
            GovernanceRole.OBJECTIVE_OWNERS: "Named per objective",
        },
    )
    gov.staff = [
        StaffLine(role="Head of office", people=1),
        StaffLine(role="Methods and tools lead", people=1),
        StaffLine(role="Project coaches", people=3),
    ]
    gov.budget = 650000
    gov.budget_note = "Staff, training and the project tool's licences."
    gov.reporting_ids = [sid("m-report")]
    wb.governance = _fix_ids(gov, "g1")
    wb.approvals = [
        Approval(
            id=sid("a-coo"),
            name="Hana Sato",
            role="Chief Operating Officer",
            decision=ApprovalDecision.APPROVED,
            decided_on=date(2025, 12, 2),
        ),
        Approval(
            id=sid("a-cfo"),
            name="Ingrid Berg",
            role="Chief Financial Officer",
            decision=ApprovalDecision.REJECTED,
            decided_on=date(2025, 12, 3),
        ),
    ]
    wb.charter.prepared_by = "Amara Okafor"
    wb.charter.history = [
        DocumentVersion(
            version="1.0",
            released_on=date(2025, 12, 1),
            author="Amara Okafor",
            summary="First charter.",
        )
    ]
    return wb


def later_year(first: Workbook) -> Workbook:
    wb = carry_forward(first)
    wb.id = sid("workbook-fy2027")
    s = wb.setup
    s.review_start, s.review_end = date(2026, 11, 24), date(2026, 11, 25)
    s.participants += [
        Participant(
            id=sid("p-hana"), name="Hana Sato", role="Chief Operating Officer", executive=True
        ),
        Participant(
            id=sid("p-ingrid"), name="Ingrid Berg", role="Chief Financial Officer", executive=True
        ),
        Participant(id=sid("p-ravi"), name="Ravi Patel", role="Operations director"),
    ]
    wb.settings.focus_limit = 5
    wb.office.kind = OfficeKind.PORTFOLIO
    wb.office.full_name = "Northwind Freight Portfolio Management Office"
    wb.office.scope = (
        "The whole change portfolio: every initiative above 50,000 EUR across IT, operations "
        "and the fleet, from idea to benefits realised."
    )
    wb.office.focus_question = OfficeKind.PORTFOLIO.focus_question
    wb.office.kind_change.people_and_skills = (
        "Two portfolio analysts to hire; project managers move to the business units."
    )
    wb.office.kind_change.processes = (
        "Quarterly portfolio review and a scoring model replace the stage gates."
    )
    wb.strategy.append(
        StrategicObjective(
            id=sid("s-talent"),
            code="CS-5",
            title="Employer of choice in logistics",
            description="Retention above 90% for drivers and planners.",
            owner="CHRO Aisha Khan",
            priority=Priority.LOW,
            horizon="2027–2029",
        )
    )
    wb.constituents.append(
        Constituent(
            id=sid("c-fleet"),
            name="Fleet and sustainability team",
            group="Business unit",
            goals="Electrify urban routes on budget.",
            needs="A fair place in the portfolio for long-payback investments.",
        )
    )
    for complaint, score, note in [
        (Complaint.PURPOSE_NOT_UNDERSTOOD, 3, "The new purpose poster helped."),
        (Complaint.NO_QUANTIFIABLE_VALUE, 2, "First benefits reviews done."),
        (Complaint.LACK_OF_FOCUS, 3, "A not-doing list since March."),
        (Complaint.DISSATISFIED_WITH_RESULTS, 3, ""),
        (Complaint.SEEN_AS_BURDEN, 3, "Gate paperwork halved."),
        (Complaint.BUSINESS_DOESNT_UNDERSTAND_OFFICE, 2, "Still seen as IT's office."),
    ]:
        rating = wb.health_rating(complaint)
        rating.score, rating.note = score, note
    wb.purpose.decision = StatementDecision.REAFFIRM
    wb.purpose.rationale = "Still true, and more so for a portfolio office."
    wb.purpose.decided_on = date(2026, 11, 24)
    wb.mission.text = (
        "The Portfolio Management Office helps the executive committee and the business units "
        "invest in the right initiatives, and helps them deliver the benefits they promised."
    )
    wb.mission.decision = StatementDecision.REVISE
    wb.mission.rationale = (
        "The office becomes a portfolio office; the old mission described our process, not "
        "whom we serve."
    )
    wb.mission.decided_on = date(2026, 11, 24)
    wb.vision.text = (
        "Every euro Northwind invests in change is traceable to strategy through the PMO."
    )

    decisions = {
        sid("o-ontime"): (
            CarryDecision.REVISE,
            "Measure benefits, not dates: revised to 'on-time benefits' for the portfolio.",
        ),
        sid("o-training"): (CarryDecision.ACHIEVED, "21 certified, target 20."),
        sid("o-tool"): (CarryDecision.RETIRE, ""),
        sid("o-engage"): (
            CarryDecision.RETIRE,
            "Replaced by PF-1: whether initiatives serve the strategy, not a mood score.",
        ),
    }
    for objective in wb.objectives:
        if objective.id in decisions and objective.carried:
            objective.carried.decision, objective.carried.reason = decisions[objective.id]
    ontime = wb.objective(sid("o-ontime"))
    assert ontime is not None
    ontime.title = "Initiatives deliver their promised benefits on time"
    ontime.measure = "Share of closed initiatives whose benefits review meets the business case"
    ontime.target = 80
    ontime.status = ObjectiveStatus.ON_TRACK
    ontime.actuals = [70, None, None, None]
    wb.objectives += [
        Objective(
            id=sid("o-scoring"),
            code="PF-1",
            title="Every initiative scored against strategy",
            description="A single scoring model weights each initiative by the company "
            "strategic objectives it moves.",
            measure="Initiatives above 50k EUR with a strategy score",
            unit="%",
            baseline=0,
            target=100,
            due=date(2027, 6, 30),
            owner="Amara Okafor",
            constituent_ids=[sid("c-exec")],
            status=ObjectiveStatus.ON_TRACK,
            actuals=[40, None, None, None],
            value_category=ValueCategory.BENEFITS_REALISED,
            value_amount=1200000,
        ),
        Objective(
            id=sid("o-fleet"),
            code="PF-2",
            title="Fleet electrification funded",
            measure="Urban routes with an approved electrification initiative",
            unit="routes",
            baseline=3,
            target=3,
            due=date(2028, 3, 31),
            owner="Ravi Patel",
            constituent_ids=[sid("c-fleet")],
            status=ObjectiveStatus.NOT_STARTED,
            value_category=ValueCategory.RISK_REDUCED,
        ),
        Objective(
            id=sid("o-portal"),
            code="PF-3",
            title="Portfolio dashboard for executives",
            measure="",
            unit="",
            owner="Li Na",
            status=ObjectiveStatus.NOT_STARTED,
        ),
    ]
    wb.alignment += [
        AlignmentLink(
            objective_id=sid("o-scoring"), strategic_id=sid("s-digital"), strength=Strength.MEDIUM
        ),
        AlignmentLink(
            objective_id=sid("o-scoring"), strategic_id=sid("s-cost"), strength=Strength.STRONG
        ),
        AlignmentLink(
            objective_id=sid("o-fleet"), strategic_id=sid("s-green"), strength=Strength.STRONG
        ),
        AlignmentLink(
            objective_id=sid("o-ontime"), strategic_id=sid("s-ontime"), strength=Strength.STRONG
        ),
    ]
    wb.alignment = [
        a
        for a in wb.alignment
        if not (
            a.objective_id == sid("o-ontime")
            and a.strategic_id == sid("s-ontime")
            and a.strength is Strength.MEDIUM
        )
    ]
    wb.office_strategy = [
        StrategyItem(
            id=sid("i-review"),
            kind=StrategyKind.SERVICE,
            title="Quarterly portfolio review",
            description="Executives rebalance the portfolio every quarter.",
            objective_ids=[sid("o-scoring"), sid("o-ontime")],
        ),
        StrategyItem(
            id=sid("i-scoring"),
            kind=StrategyKind.PROCESS,
            title="Strategy scoring model",
            description="Weighted by the company's strategic objectives.",
            objective_ids=[sid("o-scoring")],
        ),
        StrategyItem(
            id=sid("i-analysts"),
            kind=StrategyKind.PEOPLE,
            title="Two portfolio analysts",
            description="Hired by Q2.",
            objective_ids=[sid("o-scoring")],
        ),
        StrategyItem(
            id=sid("i-dash"),
            kind=StrategyKind.TOOL,
            title="Portfolio dashboard",
            description="Built on the existing project tool.",
            objective_ids=[sid("o-portal")],
        ),
    ]
    wb.not_doing = [
        NotDoing(
            id=sid("n-pm"),
            item="Managing individual projects",
            reason="Project managers now sit in the business units.",
        ),
        NotDoing(
            id=sid("n-tool"),
            item="Choosing a new project tool this year",
            reason="The current tool is good enough; focus on the portfolio.",
        ),
    ]
    wb.communication = [
        CommunicationItem(
            id=sid("m-review"),
            audience="Executive committee",
            message="Portfolio health and decisions needed",
            channel="Review meeting",
            frequency="Quarterly",
            owner="Amara Okafor",
        ),
        CommunicationItem(
            id=sid("m-bu"),
            audience="Business unit leaders",
            message="How their initiatives score and why",
            channel="One-page brief",
            frequency="Quarterly",
            owner="Portfolio analysts",
        ),
        CommunicationItem(
            id=sid("m-all"),
            audience="All staff",
            message="What the office is for and what it achieved",
            channel="Intranet story",
            frequency="Twice a year",
            owner="Amara Okafor",
        ),
    ]
    gov = default_governance(OfficeKind.PORTFOLIO)
    _holders(
        gov,
        {
            GovernanceRole.SPONSOR: "Daniel Mensah, Chief Executive Officer",
            GovernanceRole.STEERING_GROUP: "Executive committee",
            GovernanceRole.OFFICE_LEADER: "Amara Okafor",
            GovernanceRole.OFFICE_STAFF: "Portfolio analysts",
            GovernanceRole.DELIVERY_MANAGERS: "Project managers in the business units",
            GovernanceRole.OBJECTIVE_OWNERS: "Named per objective",
        },
    )
    gov.staff = [
        StaffLine(role="Head of office", people=1),
        StaffLine(role="Portfolio analysts", people=2, note="Hired by Q2"),
        StaffLine(role="Benefits lead", people=0.5),
    ]
    gov.budget = 480000
    gov.budget_note = "Staff and the portfolio dashboard; project managers moved to the units."
    gov.reporting_ids = [sid("m-review"), sid("m-bu")]
    wb.governance = _fix_ids(gov, "g2")
    wb.approvals = [
        Approval(id=sid("a2-ceo"), name="Daniel Mensah", role="Chief Executive Officer"),
        Approval(
            id=sid("a2-coo"),
            name="Hana Sato",
            role="Chief Operating Officer",
            decision=ApprovalDecision.APPROVED,
            decided_on=date(2026, 11, 26),
        ),
    ]
    wb.charter.version = "2.0"
    wb.charter.history = [
        DocumentVersion(
            version="2.0",
            released_on=date(2026, 11, 26),
            author="Amara Okafor",
            summary="Portfolio office; mission revised.",
        )
    ]
    wb.parking_lot = [
        ParkingLotItem(
            id=sid("pl-1"),
            topic="Should the office own benefits tracking after go-live?",
            raised_by="Ingrid Berg",
        )
    ]
    wb.agenda = half_day_agenda()
    for index, item in enumerate(wb.agenda):
        item.id = sid(f"agenda-{index}")
    wb.decision_log = [
        DecisionLogEntry(
            id=sid("d-1"),
            decision="The office becomes a portfolio management office from January.",
            made_by="Hana Sato",
            made_on=date(2026, 11, 24),
        )
    ]
    return wb


def build() -> tuple[Workbook, Workbook]:
    first = first_year()
    return first, later_year(first)


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "resources" / "samples"
    out.mkdir(parents=True, exist_ok=True)
    first, later = build()
    save_workbook(first, out / FIRST)
    save_workbook(later, out / LATER)
    print(f"wrote {out / FIRST} and {out / LATER}")
