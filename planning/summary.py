"""Strategy on a page: what the summary view, the one-page PDF and the briefing deck show,
computed from the workbook as plain data (no Qt, no file format).

Every figure here is true of the workbook: the drawing and the deck only lay it out. The
lists are complete (500 objectives give 500 rows); whoever lays them out decides how many
fit and says how many more there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planning.alignment import alignment_gaps
from planning.enums import (
    ApprovalDecision,
    Complaint,
    ObjectiveStatus,
    StatementDecision,
    Strength,
    ValueCategory,
)
from planning.history import health_comparison, same_words
from planning.model import Statement, Workbook
from planning.readiness import readiness
from planning.rules import kind_change

STATUS_ORDER = (
    ObjectiveStatus.ON_TRACK,
    ObjectiveStatus.AT_RISK,
    ObjectiveStatus.OFF_TRACK,
    ObjectiveStatus.NOT_STARTED,
    ObjectiveStatus.ACHIEVED,
)


@dataclass(frozen=True)
class StatementLine:
    """Purpose, mission or vision as the room reads it, with what happened to it this year."""

    label: str
    text: str
    change: str
    """"new", "reaffirmed", "revised", "unchanged", "changed" or "" (nothing to compare)."""

    @property
    def change_label(self) -> str:
        return {
            "new": "New this year",
            "reaffirmed": "Reaffirmed",
            "revised": "Revised this year",
            "unchanged": "Same as last year",
            "changed": "Changed since last year",
        }.get(self.change, "")


@dataclass(frozen=True)
class ObjectiveLine:
    objective_id: str
    code: str
    title: str
    status: ObjectiveStatus
    progress: float | None
    """Share of the way from baseline to target, clamped to 0..1 for drawing."""
    measure: str
    baseline: float | None
    target: float | None
    unit: str
    owner: str

    @property
    def target_text(self) -> str:
        """ "58 → 75 %", or "" when the measure has no numbers yet."""
        if self.baseline is None and self.target is None:
            return ""
        unit = f" {self.unit}" if self.unit.strip() else ""
        return f"{number(self.baseline)} → {number(self.target)}{unit}"


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
    """Active office objectives linked to it."""
    strongest: Strength | None


@dataclass(frozen=True)
class ValueLine:
    category: ValueCategory
    amount: float
    objectives: int


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
    health: list[HealthLine]
    has_last_year: bool
    not_doing: list[str]
    decisions: list[str]
    next_steps: list[str]
    readiness_percent: int
    kind_change: str = ""
    """"Until last year a Project Management Office", or "" when the kind stayed."""
    notes: list[str] = field(default_factory=list)

    @property
    def counts_text(self) -> str:
        """One line with the objective counts, e.g. "5 active objectives: 2 on track, …"."""
        total = len(self.objectives)
        noun = "objective" if total == 1 else "objectives"
        parts = [
            f"{count} {status.label.lower()}"
            for status in STATUS_ORDER
            if (count := self.status_counts.get(status, 0))
        ]
        return f"{total} active {noun}" + (": " + ", ".join(parts) if parts else "")

    @property
    def coverage_text(self) -> str:
        if self.coverage is None:
            return "No company strategic objectives recorded yet"
        supported = sum(1 for s in self.strategy if s.supporters)
        return (
            f"{supported} of {len(self.strategy)} company strategic objectives supported "
            f"({round(100 * self.coverage)}%)"
        )

    @property
    def value_total(self) -> float:
        return sum(v.amount for v in self.values)


def number(value: float | None) -> str:
    """A figure as people write it: 75 rather than 75.0, a dash when unknown."""
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _statement(label: str, statement: Statement, last: Statement | None) -> StatementLine:
    text = statement.text.strip()
    if statement.decision is StatementDecision.REAFFIRM:
        change = "reaffirmed"
    elif statement.decision is StatementDecision.REVISE:
        change = "revised"
    elif statement.decision is StatementDecision.NEW:
        change = "new"
    elif last is not None and last.text.strip():
        change = "unchanged" if same_words(last.text, text) else "changed"
    else:
        change = ""
    return StatementLine(label, text, change)


def _progress(value: float | None) -> float | None:
    return None if value is None else max(0.0, min(1.0, value))


def summarise(workbook: Workbook) -> Summary:
    """Everything strategy-on-a-page shows, computed once from `workbook`."""
    last = workbook.last_year()
    active = workbook.active_objectives()
    statements = [
        _statement("Purpose", workbook.purpose, last.purpose if last else None),
        _statement("Mission", workbook.mission, last.mission if last else None),
        _statement("Vision", workbook.vision, last.vision if last else None),
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
            o.unit.strip(),
            o.owner.strip(),
        )
        for o in active
    ]
    counts = {status: 0 for status in STATUS_ORDER}
    for objective in active:
        counts[objective.status] = counts.get(objective.status, 0) + 1

    active_ids = {o.id for o in active}
    # One pass over the links, not one per strategic objective: 40 × 1,000 adds up.
    links_of: dict[str, list[Strength]] = {}
    for link in workbook.alignment:
        if link.objective_id in active_ids:
            links_of.setdefault(link.strategic_id, []).append(link.strength)
    strategy = []
    for strategic in workbook.strategy:
        strengths = links_of.get(strategic.id, [])
        strongest = max(strengths, key=lambda s: s.score, default=None)
        strategy.append(
            StrategicCoverage(
                strategic.code.strip(), strategic.title.strip(), len(strengths), strongest
            )
        )
    gaps = alignment_gaps(workbook)

    values = []
    for category in ValueCategory:
        claimed = [o for o in active if o.value_category is category]
        if claimed:
            amount = sum(o.value_amount or 0.0 for o in claimed)
            values.append(ValueLine(category, amount, len(claimed)))

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
        status_counts=counts,
        strategy=strategy,
        coverage=gaps.coverage,
        orphan_objectives=len(gaps.orphan_objectives),
        values=values,
        health=health,
        has_last_year=last is not None,
        not_doing=[n.item.strip() for n in workbook.not_doing if n.item.strip()],
        decisions=[d.decision.strip() for d in workbook.decision_log if d.decision.strip()],
        next_steps=_next_steps(workbook),
        readiness_percent=readiness(workbook).percent,
        kind_change=_kind_change(workbook),
    )


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
