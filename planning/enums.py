"""The closed vocabularies of a review: office kinds, statuses, decisions and scales.

Each enum's value is what the file stores; `label` is what a PMO leader reads.
"""

from __future__ import annotations

from enum import Enum, StrEnum


class _Labelled(StrEnum):
    """A string enum whose members carry a human label (defaults to the value, capitalised)."""

    @property
    def label(self) -> str:
        value: str = self.value
        return _LABELS.get(self, value.replace("_", " ").capitalize())

    @classmethod
    def from_label(cls, text: str) -> _Labelled | None:
        wanted = text.strip().casefold()
        for member in cls:
            if member.label.casefold() == wanted or member.value.casefold() == wanted:
                return member
        return None


class OfficeKind(_Labelled):
    PROJECT = "project"
    PROGRAM = "program"
    PORTFOLIO = "portfolio"

    @property
    def full_term(self) -> str:
        """The full term used in documents; exports never use the bare acronym."""
        return f"{self.value.capitalize()} Management Office"

    @property
    def oversees(self) -> str:
        return _OVERSEES[self]

    @property
    def focus_question(self) -> str:
        return _FOCUS[self]


_OVERSEES = {
    OfficeKind.PROJECT: (
        "The delivery of projects: project management processes, methods, training, "
        "templates and tools, and support for project managers."
    ),
    OfficeKind.PROGRAM: (
        "The related projects of one program: their governance, dependencies, shared "
        "resources and the benefits the program exists to deliver."
    ),
    OfficeKind.PORTFOLIO: (
        "The performance of the whole portfolio: selecting, prioritising and balancing "
        "the organisation's investments against its strategy."
    ),
}

_FOCUS = {
    OfficeKind.PROJECT: "Are we working on the projects right?",
    OfficeKind.PROGRAM: "Is the program delivering the benefits it was set up for?",
    OfficeKind.PORTFOLIO: "Are we working on the right projects?",
}


class StatementDecision(_Labelled):
    REAFFIRM = "reaffirm"
    REVISE = "revise"
    NEW = "new"


class ObjectiveStatus(_Labelled):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    ACHIEVED = "achieved"
    RETIRED = "retired"


class CarryDecision(_Labelled):
    KEEP = "keep"
    REVISE = "revise"
    RETIRE = "retire"
    ACHIEVED = "achieved"


class ValueCategory(_Labelled):
    COST_AVOIDED = "cost_avoided"
    TIME_TO_MARKET = "time_to_market"
    BENEFITS_REALISED = "benefits_realised"
    RISK_REDUCED = "risk_reduced"
    OTHER = "other"


class Direction(_Labelled):
    """Which way an objective's measure should move, so progress and checks know "better"."""

    UP = "up"
    DOWN = "down"
    RANGE = "range"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class DecisionRight(_Labelled):
    """How far the office's say goes on a matter: it decides, recommends, or only reports."""

    DECIDES = "decides"
    RECOMMENDS = "recommends"
    REPORTS = "reports"


class GovernanceRole(_Labelled):
    """The roles of the office's governance, the columns of its RACI."""

    SPONSOR = "sponsor"
    STEERING_GROUP = "steering_group"
    OFFICE_LEADER = "office_leader"
    OFFICE_STAFF = "office_staff"
    DELIVERY_MANAGERS = "delivery_managers"
    OBJECTIVE_OWNERS = "objective_owners"


class Raci(_Labelled):
    """Responsible, accountable, consulted, informed: one cell of the RACI."""

    RESPONSIBLE = "responsible"
    ACCOUNTABLE = "accountable"
    CONSULTED = "consulted"
    INFORMED = "informed"

    @property
    def letter(self) -> str:
        return self.value[0].upper()


class Strength(_Labelled):
    WEAK = "weak"
    MEDIUM = "medium"
    STRONG = "strong"

    @property
    def score(self) -> int:
        return _STRENGTH_SCORES[self]


# Looked up, not rebuilt, on every call: totals ask for it once per alignment link.
_STRENGTH_SCORES = {Strength.WEAK: 1, Strength.MEDIUM: 2, Strength.STRONG: 3}


class Priority(_Labelled):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class StrategyKind(_Labelled):
    """Office strategy items, listed in the order the office works them out."""

    SERVICE = "service"
    PROCESS = "process"
    PEOPLE = "people"
    TOOL = "tool"


class ApprovalDecision(_Labelled):
    PENDING = "pending"
    APPROVED = "approved"
    APPROVED_WITH_CHANGES = "approved_with_changes"
    REJECTED = "rejected"


class Complaint(_Labelled):
    """The common complaints about management offices, rated in the health check."""

    PURPOSE_NOT_UNDERSTOOD = "purpose_not_understood"
    NO_QUANTIFIABLE_VALUE = "no_quantifiable_value"
    LACK_OF_FOCUS = "lack_of_focus"
    DISSATISFIED_WITH_RESULTS = "dissatisfied_with_results"
    SEEN_AS_BURDEN = "seen_as_burden"
    BUSINESS_DOESNT_UNDERSTAND_OFFICE = "business_doesnt_understand_office"
    OFFICE_DOESNT_UNDERSTAND_BUSINESS = "office_doesnt_understand_business"


class Severity(_Labelled):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}[self]


class StepState(_Labelled):
    EMPTY = "empty"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    NEEDS_ATTENTION = "needs_attention"


_LABELS: dict[Enum, str] = {
    OfficeKind.PROJECT: "Project Management Office",
    OfficeKind.PROGRAM: "Program Management Office",
    OfficeKind.PORTFOLIO: "Portfolio Management Office",
    ValueCategory.BENEFITS_REALISED: "Benefits realised",
    ApprovalDecision.APPROVED_WITH_CHANGES: "Approved with changes",
    Complaint.PURPOSE_NOT_UNDERSTOOD: "Nobody understands the office's purpose",
    Complaint.NO_QUANTIFIABLE_VALUE: "No demonstrated, quantifiable value",
    Complaint.LACK_OF_FOCUS: "Lack of focus",
    Complaint.DISSATISFIED_WITH_RESULTS: "Dissatisfaction with results",
    Complaint.SEEN_AS_BURDEN: "The office is seen as a burden",
    Complaint.BUSINESS_DOESNT_UNDERSTAND_OFFICE: "The business doesn't understand the office",
    Complaint.OFFICE_DOESNT_UNDERSTAND_BUSINESS: "The office doesn't understand the business",
    Direction.UP: "Up (higher is better)",
    Direction.DOWN: "Down (lower is better)",
    Direction.RANGE: "Stay within a range",
    Direction.AT_LEAST: "At least",
    Direction.AT_MOST: "At most",
    GovernanceRole.STEERING_GROUP: "Steering group",
    GovernanceRole.OFFICE_LEADER: "Office leader",
    GovernanceRole.OFFICE_STAFF: "Office staff",
    GovernanceRole.DELIVERY_MANAGERS: "Project and program managers",
    GovernanceRole.OBJECTIVE_OWNERS: "Objective owners",
    StepState.IN_PROGRESS: "In progress",
    StepState.NEEDS_ATTENTION: "Needs attention",
}
