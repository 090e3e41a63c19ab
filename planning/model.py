"""The workbook: one fiscal year's review of a management office, with earlier years as history.

Pydantic models are the single source of the file schema (see docs/FILE_FORMAT.md and the
JSON Schema generated into resources/). Every entity has a stable `id` (a UUID) that never
changes once created, separate from the user-facing `code`; links between entities use ids.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from planning.currency import locale_currency
from planning.enums import (
    ApprovalDecision,
    CarryDecision,
    Complaint,
    Direction,
    ObjectiveStatus,
    OfficeKind,
    Priority,
    StatementDecision,
    StrategyKind,
    Strength,
    ValueCategory,
)
from planning.governance import Governance
from planning.progress import progress
from planning.records import Entity, Record, new_id
from planning.steps import Step

FORMAT_NAME = "pmo-workbook"
SCHEMA_VERSION = 3
_CLOSING_DECISIONS = frozenset({CarryDecision.RETIRE, CarryDecision.ACHIEVED})

DEFAULT_PURPOSE = (
    "The office exists to help its constituents, the customers it serves, achieve their "
    "objectives and execute their strategy. The office succeeds when its customers succeed."
)

__all__ = ["Entity", "Governance", "Record", "new_id"]  # re-exported: their old home


# --- 1. Review setup ---------------------------------------------------------------------


class FiscalYear(Record):
    label: str = ""
    start: date | None = None
    end: date | None = None

    def contains(self, day: date) -> bool:
        if self.start and day < self.start:
            return False
        return not (self.end and day > self.end)


class Participant(Entity):
    name: str = ""
    role: str = ""
    executive: bool = False


class ReviewSetup(Record):
    organisation: str = ""
    fiscal_year: FiscalYear = Field(default_factory=FiscalYear)
    review_start: date | None = None
    review_end: date | None = None
    facilitator: str = ""
    participants: list[Participant] = Field(default_factory=list)


# --- 2. Office ---------------------------------------------------------------------------


class KindChangeAnswers(Record):
    """What a change of office kind asks: do we have the people, processes and tools for it?"""

    people_and_skills: str = ""
    processes: str = ""
    tools: str = ""

    def complete(self) -> bool:
        return all(s.strip() for s in (self.people_and_skills, self.processes, self.tools))


class Office(Record):
    kind: OfficeKind | None = None
    full_name: str = ""
    scope: str = ""
    focus_question: str = ""
    kind_change: KindChangeAnswers = Field(default_factory=KindChangeAnswers)


# --- 3. Company strategy, 4. Constituents ------------------------------------------------


class StrategicObjective(Entity):
    code: str = ""
    title: str = ""
    description: str = ""
    owner: str = ""
    priority: Priority = Priority.MEDIUM
    horizon: str = ""


class Constituent(Entity):
    name: str = ""
    group: str = ""
    goals: str = ""
    needs: str = ""
    satisfaction: float | None = Field(default=None, ge=1, le=5)


# --- 5. Health check ---------------------------------------------------------------------


class HealthRating(Record):
    """1 = the complaint is entirely true of the office today, 5 = it does not apply at all."""

    complaint: Complaint
    score: int | None = Field(default=None, ge=1, le=5)
    note: str = ""


def _empty_health() -> list[HealthRating]:
    return [HealthRating(complaint=c) for c in Complaint]


# --- 6./7. Statements --------------------------------------------------------------------


class Statement(Record):
    text: str = ""
    decision: StatementDecision | None = None
    rationale: str = ""
    decided_on: date | None = None


# --- 8. Objectives -----------------------------------------------------------------------


class CarryOver(Record):
    """How an objective came over from last year, and what this year's review decided."""

    decision: CarryDecision | None = None
    reason: str = ""
    last_year_result: float | None = None
    last_year_status: ObjectiveStatus | None = None
    last_year_target: float | None = None


def _four_quarters() -> list[float | None]:
    return [None, None, None, None]


class Objective(Entity):
    code: str = ""
    title: str = ""
    description: str = ""
    measure: str = ""
    unit: str = ""
    baseline: float | None = None
    # For a range, `target` is the low end of the band and `target_max` the high end; for
    # "at least" / "at most", `target` is the level to hold.
    direction: Direction = Direction.UP
    target: float | None = None
    target_max: float | None = None
    due: date | None = None
    owner: str = ""
    constituent_ids: list[str] = Field(default_factory=list)
    status: ObjectiveStatus = ObjectiveStatus.NOT_STARTED
    actuals: list[float | None] = Field(default_factory=_four_quarters, min_length=4, max_length=4)
    value_category: ValueCategory | None = None
    value_amount: float | None = None
    comments: str = ""
    carried: CarryOver | None = None

    def latest_actual(self) -> float | None:
        for value in reversed(self.actuals):
            if value is not None:
                return value
        return None

    def progress(self) -> float | None:
        """Progress of the latest actual, for the direction (see planning/progress.py)."""
        return progress(self, self.latest_actual())

    def is_active(self) -> bool:
        if self.status is ObjectiveStatus.RETIRED:
            return False
        # A carried objective decided "retire" or "achieved" stays listed for the record.
        carried = self.carried
        return carried is None or carried.decision not in _CLOSING_DECISIONS


# --- 9. Alignment, 10. Office strategy, 11. Communication, 12. Sign-off -----------------


class AlignmentLink(Record):
    objective_id: str
    strategic_id: str
    strength: Strength = Strength.MEDIUM


class StrategyItem(Entity):
    kind: StrategyKind = StrategyKind.SERVICE
    title: str = ""
    description: str = ""
    objective_ids: list[str] = Field(default_factory=list)


class NotDoing(Entity):
    item: str = ""
    reason: str = ""


class CommunicationItem(Entity):
    audience: str = ""
    message: str = ""
    channel: str = ""
    frequency: str = ""
    owner: str = ""


class Approval(Entity):
    name: str = ""
    role: str = ""
    decision: ApprovalDecision = ApprovalDecision.PENDING
    decided_on: date | None = None


class DocumentVersion(Record):
    version: str = ""
    released_on: date | None = None
    author: str = ""
    summary: str = ""


class CharterSettings(Record):
    version: str = "1.0"
    classification: str = "Internal"
    prepared_by: str = ""
    history: list[DocumentVersion] = Field(default_factory=list)


# --- Workshop aids -----------------------------------------------------------------------


class ParkingLotItem(Entity):
    topic: str = ""
    raised_by: str = ""
    resolved: bool = False


class DecisionLogEntry(Entity):
    decision: str = ""
    made_by: str = ""
    made_on: date | None = None


class AgendaItem(Entity):
    """One slot of the workshop's timed agenda, usually one step of the walk."""

    step: Step | None = None
    topic: str = ""
    minutes: int = Field(default=15, ge=1, le=600)


class WorkbookSettings(Record):
    """Settings of this workbook that the analysis and the exports read."""

    # ISO 4217 code ("EUR"); "" means not set. New workbooks start from the user's locale.
    currency: str = Field(default="", max_length=3, pattern=r"^([A-Z]{3})?$")
    # How many active objectives the office can pursue at once before focus suffers.
    focus_limit: int = Field(default=7, ge=1, le=100)


# --- History -----------------------------------------------------------------------------


class ObjectiveResult(Record):
    """An objective as it ended a year: what was promised and what was achieved."""

    objective_id: str
    code: str = ""
    title: str = ""
    measure: str = ""
    unit: str = ""
    baseline: float | None = None
    direction: Direction = Direction.UP
    target: float | None = None
    target_max: float | None = None
    result: float | None = None
    status: ObjectiveStatus = ObjectiveStatus.NOT_STARTED
    decision: CarryDecision | None = None
    reason: str = ""


class YearSnapshot(Record):
    fiscal_year: FiscalYear = Field(default_factory=FiscalYear)
    office_kind: OfficeKind | None = None
    office_full_name: str = ""
    purpose: Statement = Field(default_factory=Statement)
    mission: Statement = Field(default_factory=Statement)
    vision: Statement = Field(default_factory=Statement)
    objectives: list[ObjectiveResult] = Field(default_factory=list)
    health: list[HealthRating] = Field(default_factory=_empty_health)
    # None for years recorded before governance was kept (schema version 2 and older).
    governance: Governance | None = None


# --- The workbook ------------------------------------------------------------------------


class Workbook(Record):
    format: str = FORMAT_NAME
    schema_version: int = SCHEMA_VERSION
    id: str = Field(default_factory=new_id)
    settings: WorkbookSettings = Field(default_factory=WorkbookSettings)
    setup: ReviewSetup = Field(default_factory=ReviewSetup)
    office: Office = Field(default_factory=Office)
    strategy: list[StrategicObjective] = Field(default_factory=list)
    constituents: list[Constituent] = Field(default_factory=list)
    health: list[HealthRating] = Field(default_factory=_empty_health)
    purpose: Statement = Field(default_factory=lambda: Statement(text=DEFAULT_PURPOSE))
    mission: Statement = Field(default_factory=Statement)
    vision: Statement = Field(default_factory=Statement)
    objectives: list[Objective] = Field(default_factory=list)
    alignment: list[AlignmentLink] = Field(default_factory=list)
    office_strategy: list[StrategyItem] = Field(default_factory=list)
    not_doing: list[NotDoing] = Field(default_factory=list)
    communication: list[CommunicationItem] = Field(default_factory=list)
    governance: Governance = Field(default_factory=Governance)
    approvals: list[Approval] = Field(default_factory=list)
    charter: CharterSettings = Field(default_factory=CharterSettings)
    parking_lot: list[ParkingLotItem] = Field(default_factory=list)
    decision_log: list[DecisionLogEntry] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    history: list[YearSnapshot] = Field(default_factory=list)

    # --- look-ups used by analysis, exporters and the UI --------------------------------

    def last_year(self) -> YearSnapshot | None:
        return self.history[-1] if self.history else None

    def office_title(self) -> str:
        """The office's name for documents: never the bare acronym."""
        if self.office.full_name.strip():
            return self.office.full_name.strip()
        if self.office.kind:
            return self.office.kind.full_term
        return "Management Office"

    def health_rating(self, complaint: Complaint) -> HealthRating:
        """The rating of a complaint; a blank one, not stored, when the file has none
        (reading never writes: planning.edits.stored_health_rating is for editing)."""
        for rating in self.health:
            if rating.complaint is complaint:
                return rating
        return HealthRating(complaint=complaint)

    def objective(self, objective_id: str) -> Objective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def constituent(self, constituent_id: str) -> Constituent | None:
        return next((c for c in self.constituents if c.id == constituent_id), None)

    def communication_item(self, item_id: str) -> CommunicationItem | None:
        return next((c for c in self.communication if c.id == item_id), None)

    def link(self, objective_id: str, strategic_id: str) -> AlignmentLink | None:
        for link in self.alignment:
            if link.objective_id == objective_id and link.strategic_id == strategic_id:
                return link
        return None

    def links_of_objective(self, objective_id: str) -> list[AlignmentLink]:
        return [link for link in self.alignment if link.objective_id == objective_id]

    def links_of_strategic(self, strategic_id: str) -> list[AlignmentLink]:
        return [link for link in self.alignment if link.strategic_id == strategic_id]

    def active_objectives(self) -> list[Objective]:
        return [o for o in self.objectives if o.is_active()]


def new_workbook(
    organisation: str = "", fiscal_year: str = "", currency: str | None = None
) -> Workbook:
    """A fresh workbook with the customer-success purpose prefilled; the currency comes
    from the user's locale unless given."""
    workbook = Workbook()
    workbook.settings.currency = locale_currency() if currency is None else currency
    workbook.setup.organisation = organisation
    workbook.setup.fiscal_year.label = fiscal_year
    return workbook
