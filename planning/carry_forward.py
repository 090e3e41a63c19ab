"""Starting next year's review from this year's workbook."""

from __future__ import annotations

import re
from datetime import date

from planning.edits import prune_objective_links
from planning.enums import CarryDecision, ObjectiveStatus
from planning.model import (
    CarryOver,
    CharterSettings,
    FiscalYear,
    HealthRating,
    KindChangeAnswers,
    ObjectiveResult,
    Statement,
    Workbook,
    YearSnapshot,
    new_id,
)


def snapshot(workbook: Workbook) -> YearSnapshot:
    """This year as history will keep it: statements, office kind, results, health check."""
    return YearSnapshot(
        fiscal_year=workbook.setup.fiscal_year.model_copy(deep=True),
        office_kind=workbook.office.kind,
        office_full_name=workbook.office.full_name,
        purpose=workbook.purpose.model_copy(deep=True),
        mission=workbook.mission.model_copy(deep=True),
        vision=workbook.vision.model_copy(deep=True),
        objectives=[
            ObjectiveResult(
                objective_id=o.id,
                code=o.code,
                title=o.title,
                measure=o.measure,
                unit=o.unit,
                baseline=o.baseline,
                direction=o.direction,
                target=o.target,
                target_max=o.target_max,
                result=o.latest_actual(),
                status=o.status,
                decision=o.carried.decision if o.carried else None,
                reason=o.carried.reason if o.carried else "",
            )
            for o in workbook.objectives
        ],
        health=[r.model_copy(deep=True) for r in workbook.health],
        governance=workbook.governance.model_copy(deep=True),
    )


def next_year_label(label: str) -> str:
    """FY2026 → FY2027, 2025/26 → 2026/27, 2026 → 2027; otherwise "<label> + 1"."""
    pair = re.search(r"(\d{4})([/–-])(\d{2,4})(?!.*\d)", label)
    if pair:
        first, sep, second = pair.groups()
        nxt = str(int(second) + 1).zfill(len(second))[-len(second) :]
        return label[: pair.start()] + f"{int(first) + 1}{sep}{nxt}" + label[pair.end() :]
    year = re.search(r"(\d{4}|\d{2})(?!.*\d)", label)
    if year:
        digits = year.group(1)
        bumped = str(int(digits) + 1).zfill(len(digits))[-len(digits) :]
        return label[: year.start()] + bumped + label[year.end() :]
    return f"{label} + 1".strip() if label else ""


def _plus_year(day: date | None) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _closed(decision: CarryDecision | None, status: ObjectiveStatus) -> bool:
    return status is ObjectiveStatus.RETIRED or decision in (
        CarryDecision.RETIRE,
        CarryDecision.ACHIEVED,
    )


def carry_forward(workbook: Workbook) -> Workbook:
    """Next fiscal year's workbook: this year goes into history, statements and open
    objectives come over awaiting a decision (with their direction), governance and
    settings come over as they stand, the health check starts empty."""
    nxt = workbook.model_copy(deep=True)
    nxt.id = new_id()
    nxt.history = [*nxt.history, snapshot(workbook)]
    year = workbook.setup.fiscal_year
    nxt.setup.fiscal_year = FiscalYear(
        label=next_year_label(year.label), start=_plus_year(year.start), end=_plus_year(year.end)
    )
    nxt.setup.review_start = None
    nxt.setup.review_end = None
    nxt.office.kind_change = KindChangeAnswers()
    for name in ("purpose", "mission", "vision"):
        old: Statement = getattr(workbook, name)
        setattr(nxt, name, Statement(text=old.text))

    carried = []
    for objective in nxt.objectives:
        decision = objective.carried.decision if objective.carried else None
        if _closed(decision, objective.status):
            continue
        latest = objective.latest_actual()
        objective.carried = CarryOver(
            last_year_result=latest,
            last_year_status=objective.status,
            last_year_target=objective.target,
        )
        if latest is not None:
            objective.baseline = latest
        objective.actuals = [None, None, None, None]
        objective.status = ObjectiveStatus.NOT_STARTED
        objective.due = _plus_year(objective.due)
        objective.comments = ""
        carried.append(objective)
    nxt.objectives = carried
    prune_objective_links(nxt, {o.id for o in carried}.__contains__)

    nxt.health = [HealthRating(complaint=r.complaint) for r in workbook.health]
    nxt.approvals = []
    nxt.charter = CharterSettings(
        classification=workbook.charter.classification, prepared_by=workbook.charter.prepared_by
    )
    # Open parked topics are still to be dealt with: they come over; resolved ones and
    # this year's decisions stay in this year's workbook (and its charter).
    nxt.parking_lot = [item for item in nxt.parking_lot if not item.resolved and item.topic.strip()]
    nxt.decision_log = []
    return nxt
