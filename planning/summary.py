"""Strategy on a page: what the summary view, the one-page PDF and the briefing deck show,
computed from the workbook as plain data (no Qt, no file format).

Every figure here is true of the workbook and is the charter's and the tracker's figure:
counts by status, support per company strategic objective, coverage, value by category and
its currency come from `planning.totals` and `planning.alignment`, progress from
`planning.progress` (through `Objective.progress`), and each statement's status is the
charter's sentence. Nothing is recounted here; the drawing and the deck only lay it out.
The lists are complete (500 objectives give 500 rows); whoever lays them out decides how
many fit and says how many more there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planning import wording
from planning.alignment import alignment_gaps
from planning.enums import (
    ApprovalDecision,
    Complaint,
    Direction,
    ObjectiveStatus,
    Strength,
    ValueCategory,
)
from planning.history import health_comparison
from planning.model import Objective, Workbook
from planning.readiness import readiness
from planning.rules import kind_change
from planning.totals import statement_status, status_counts, strategic_support, value_by_category
from planning.totals import value_unit as workbook_value_unit
from planning.wording import DECISION_RIGHTS, baseline_to_target, listing

# The order of the stacked status bar (good news first); the texts use the charter's order.
STATUS_ORDER = (
    ObjectiveStatus.ON_TRACK,
    ObjectiveStatus.AT_RISK,
    ObjectiveStatus.OFF_TRACK,
    ObjectiveStatus.NOT_STARTED,
    ObjectiveStatus.ACHIEVED,
)


@dataclass(frozen=True)
class StatementLine:
    """Purpose, mission or vision as the room reads it, with where it stands this year."""

    label: str
    text: str
    status: str
    """The charter's sentence (`planning.totals.statement_status`), e.g. "Revised in this
    year's review."; "" when there is nothing to say."""
    decided: bool
    """This year's review recorded a decision on it (reaffirmed, revised or adopted)."""


@dataclass(frozen=True)
class ObjectiveLine:
    objective_id: str
    code: str
    title: str
    status: ObjectiveStatus
    progress: float | None
    """Share of the way from baseline to target for the objective's direction
    (`planning.progress`), clamped to 0..1 for drawing."""
    measure: str
    baseline: float | None
    target: float | None
    target_max: float | None
    direction: Direction
    unit: str
    owner: str

    @property
    def target_text(self) -> str:
        """ "58% → 75%", "30 → at most 20 days", "" when the measure has no numbers yet
        (written when drawn: a 500-objective page shows a few)."""
        return target_text(self)


ATTENTION_ORDER = (
    ObjectiveStatus.OFF_TRACK,
    ObjectiveStatus.AT_RISK,
    ObjectiveStatus.NOT_STARTED,
    ObjectiveStatus.ON_TRACK,
    ObjectiveStatus.ACHIEVED,
    ObjectiveStatus.RETIRED,
)


def first_to_show(objectives: list[ObjectiveLine], room: int) -> list[ObjectiveLine]:
    """The objectives a page or slide with room for `room` rows shows: all of them, in the
    workbook's order, when they fit; otherwise those needing attention first (off track,
    at risk, not started), keeping the workbook's order within a status."""
    if len(objectives) <= room:
        return objectives
    rank = {status: i for i, status in enumerate(ATTENTION_ORDER)}
    return sorted(objectives, key=lambda o: rank[o.status])[:room]


@dataclass(frozen=True)
class StrategicCoverage:
    code: str
    title: str
    supporters: int
    """Active office objectives linked to it (`planning.totals.strategic_support`)."""
    strength: int
    """Sum of their links' strength scores, as the charter's Strength column."""
    strongest: Strength | None


@dataclass(frozen=True)
class ValueLine:
    category: ValueCategory | None
    """None: amounts stated without a category."""
    amount: float
    objectives: int
    """Active objectives stating an amount in this category."""

    @property
    def label(self) -> str:
        return self.category.label if self.category else "Uncategorised"


@dataclass(frozen=True)
class HealthLine:
    complaint: Complaint
    this_year: int | None
    last_year: int | None


@dataclass(frozen=True)
class Summary:
    organisation: str
    fiscal_year: str
    office_name: str
    """The office's full name: never the bare acronym."""
    office_kind: str
    focus_question: str
    statements: list[StatementLine]
    objectives: list[ObjectiveLine]
    status_counts: dict[ObjectiveStatus, int]
    strategy: list[StrategicCoverage]
    coverage: float | None
    orphan_objectives: int
    values: list[ValueLine]
    value_unit: str
    """The currency of every amount (`planning.totals.value_unit`); "" when none is set."""
    unpriced: dict[ValueCategory, int]
    """Categories claimed without an amount: named on the page, never counted in a total."""
    health: list[HealthLine]
    has_last_year: bool
    not_doing: list[str]
    decisions: list[str]
    next_steps: list[str]
    readiness_percent: int
    kind_change: str = ""
    """"Until last year a Project Management Office", or "" when the kind stayed."""
    mandate: str = ""
    decision_rights: list[tuple[str, list[str]]] = field(default_factory=list)
    """The charter's three decision rights (decides, recommends, only reports) with their
    matters; empty when the workbook records none."""
    notes: list[str] = field(default_factory=list)

    @property
    def counts_text(self) -> str:
        """The charter's count line, e.g. "5 objectives: 3 not started and 2 on track"."""
        total = len(self.objectives)
        parts = [
            f"{count} {status.label.lower()}"
            for status, count in self.status_counts.items()
            if count
        ]
        return plural(total, "objective") + (": " + listing(parts) if parts else "")

    @property
    def supported(self) -> int:
        return sum(1 for s in self.strategy if s.supporters)

    @property
    def coverage_text(self) -> str:
        """The charter's coverage sentence, without its full stop."""
        if self.coverage is None:
            return "No company strategic objectives are recorded"
        return (
            f"The objectives support {self.supported} of {len(self.strategy)} company "
            f"strategic objectives ({round(100 * self.coverage)}%)"
        )

    @property
    def value_total(self) -> float:
        """Every category added: only ever shown saying so (`value_total_text`)."""
        return sum(v.amount for v in self.values)

    def amount(self, value: float) -> str:
        """ "250,000 EUR"; the bare number when no currency is set, as the charter writes it
        (the heading above it then says that none is set)."""
        return f"{number(value)} {self.value_unit}".strip()

    @property
    def currency_text(self) -> str:
        """ "in EUR", or "no currency set in the workbook": said once above the amounts."""
        return f"in {self.value_unit}" if self.value_unit else "no currency set in the workbook"

    @property
    def value_total_text(self) -> str:
        """The charter's total of different kinds of value, said as such; "" for one kind."""
        if len(self.values) < 2:
            return ""
        return f"{self.amount(self.value_total)} in all, adding different kinds of value"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def number(value: float | None) -> str:
    """A figure as people write it: 75 rather than 75.0, a dash when unknown."""
    return wording.number(value) or "–"


def target_text(objective: Objective | ObjectiveLine) -> str:
    """Baseline → target as the charter writes it for the objective's direction."""
    return baseline_to_target(objective)


def _progress(value: float | None) -> float | None:
    return None if value is None else max(0.0, min(1.0, value))


def summarise(workbook: Workbook) -> Summary:
    """Everything strategy-on-a-page shows, computed once from `workbook`."""
    last = workbook.last_year()
    active = workbook.active_objectives()
    statements = [
        StatementLine(
            which.capitalize(),
            getattr(workbook, which).text.strip(),
            statement_status(workbook, which),
            getattr(workbook, which).decision is not None,
        )
        for which in ("purpose", "mission", "vision")
    ]
    objectives = [
        ObjectiveLine(
            o.id,
            o.code.strip(),
            o.title.strip(),
            o.status,
            _progress(o.progress()),
            o.measure.strip(),
            o.baseline,
            o.target,
            o.target_max,
            o.direction,
            o.unit,
            o.owner.strip(),
        )
        for o in active
    ]
    active_ids = {o.id for o in active}
    # The strongest link is the page's mark; the counts and sums are the charter's.
    # One pass, ranks looked up once: 40 company objectives × 1,000 links add up.
    rank = {strength: strength.score for strength in Strength}
    best: dict[str, int] = {}
    for link in workbook.alignment:
        if link.objective_id in active_ids:
            score = rank[link.strength]
            if score > best.get(link.strategic_id, 0):
                best[link.strategic_id] = score
    by_score = {score: strength for strength, score in rank.items()}
    strongest = {sid: by_score[score] for sid, score in best.items()}
    strategy = [
        StrategicCoverage(
            s.strategic.code.strip(),
            s.strategic.title.strip(),
            s.objectives,
            s.strength,
            strongest.get(s.strategic.id) if s.objectives else None,
        )
        for s in strategic_support(workbook)
    ]
    gaps = alignment_gaps(workbook)
    totals = value_by_category(workbook)
    values = [
        ValueLine(category, amount, totals.stating.get(category, 0))
        for category, amount in totals.by_category.items()
    ]

    health = [
        HealthLine(h.complaint, h.this_year, h.last_year) for h in health_comparison(workbook)
    ]
    office = workbook.office
    kind = office.kind.full_term if office.kind else ""
    focus = office.focus_question.strip() or (office.kind.focus_question if office.kind else "")
    return Summary(
        organisation=workbook.setup.organisation.strip(),
        fiscal_year=workbook.setup.fiscal_year.label.strip(),
        office_name=workbook.office_title(),
        office_kind=kind,
        focus_question=focus,
        statements=statements,
        objectives=objectives,
        status_counts=status_counts(workbook),
        strategy=strategy,
        coverage=gaps.coverage,
        orphan_objectives=len(gaps.orphan_objectives),
        values=values,
        value_unit=workbook_value_unit(workbook),
        unpriced=totals.unpriced,
        health=health,
        has_last_year=last is not None,
        not_doing=[n.item.strip() for n in workbook.not_doing if n.item.strip()],
        decisions=[d.decision.strip() for d in workbook.decision_log if d.decision.strip()],
        next_steps=_next_steps(workbook),
        readiness_percent=readiness(workbook).percent,
        kind_change=_kind_change(workbook),
        mandate=workbook.governance.mandate.strip(),
        decision_rights=_decision_rights(workbook),
    )


def _decision_rights(workbook: Workbook) -> list[tuple[str, list[str]]]:
    governance = workbook.governance
    rights = [
        (label, [m.strip() for m in getattr(governance, name) if m.strip()])
        for label, name in DECISION_RIGHTS
    ]
    return rights if any(matters for _, matters in rights) else []


def _kind_change(workbook: Workbook) -> str:
    change = kind_change(workbook)
    return f"until last year a {change[0].full_term}" if change else ""


def _next_steps(workbook: Workbook) -> list[str]:
    """What follows the workshop, from the workbook's own open ends."""
    steps = [
        f"Resolve the parked topic: {p.topic.strip()}"
        for p in workbook.parking_lot
        if not p.resolved and p.topic.strip()
    ]
    pending = [a.name.strip() or a.role.strip() for a in workbook.approvals]
    waiting = [
        name
        for name, approval in zip(pending, workbook.approvals, strict=True)
        if approval.decision is ApprovalDecision.PENDING
    ]
    if waiting:
        steps.append("Charter sign-off by " + ", ".join(n for n in waiting if n))
    elif not workbook.approvals:
        steps.append("Name the approvers and sign off the charter")
    unowned = [
        o.code.strip() or o.title.strip()
        for o in workbook.active_objectives()
        if not o.owner.strip()
    ]
    if unowned:
        steps.append(
            f"Name an owner for {len(unowned)} objective{'s' if len(unowned) != 1 else ''}"
        )
    steps.append("Send the tracker to the objective owners for quarterly updates")
    return steps
