"""SMART findings per objective: is each one specific, measurable, owned, due and aligned?"""

from __future__ import annotations

from planning.enums import CarryDecision, Direction
from planning.findings import Finding, info, warning
from planning.model import Objective, Workbook
from planning.objective_quality import objective_name, quality_findings
from planning.steps import Step

STEP = Step.OBJECTIVES


def objective_findings(
    workbook: Workbook,
    objective: Objective,
    *,
    linked: set[str] | None = None,
    constituents: dict[str, str] | None = None,
) -> list[Finding]:
    """The SMART, quality and carry-over findings of one objective (retired ones have none).

    `linked` (ids of aligned objectives) and `constituents` (names of constituents by id)
    may be passed in when checking many objectives, so the check stays linear.
    """
    if linked is None:
        linked = {link.objective_id for link in workbook.alignment}
    if constituents is None:
        constituents = constituent_names(workbook)
    found: list[Finding] = []
    name = objective_name(objective)
    oid = objective.id

    def add(rule: str, message: str, field: str | None = None) -> None:
        found.append(warning(rule, STEP, message, oid, field))

    carried = objective.carried
    if carried and carried.decision is None:
        add(
            "carry.decision_pending",
            f"{name} comes from last year: decide to keep, revise, retire it or mark it achieved.",
            "carried",
        )
    elif (
        carried
        and carried.decision is not None
        and carried.decision is not CarryDecision.KEEP
        and not carried.reason.strip()
    ):
        found.append(
            info(
                "carry.no_reason",
                STEP,
                f"{name}: say why it was {carried.decision.label.lower()}d; the charter's "
                "appendix shows the reason.",
                oid,
                "carried",
            )
        )
    if not objective.is_active():
        return found
    if not objective.title.strip():
        add("objective.untitled", f"{name} has no title.", "title")
    if not objective.measure.strip():
        add("smart.no_measure", f"{name} has no measure: how will you know it is met?", "measure")
    if objective.baseline is None:
        add("smart.no_baseline", f"{name} has no baseline: where do you start from?", "baseline")
    if objective.target is None:
        add("smart.no_target", f"{name} has no target value.", "target")
    elif objective.direction is Direction.RANGE and objective.target_max is None:
        add(
            "smart.no_target",
            f"{name} should stay within a range: give the band's upper end too.",
            "target_max",
        )
    elif objective.baseline is not None and objective.target == objective.baseline:
        add(
            "smart.target_equals_baseline",
            f"{name}: the target equals the baseline, so nothing would change.",
            "target",
        )
    if objective.due is None:
        add("smart.no_due", f"{name} has no due date.", "due")
    elif not workbook.setup.fiscal_year.contains(objective.due):
        add(
            "smart.due_outside_year",
            f"{name} is due {objective.due.isoformat()}, outside fiscal year "
            f"{workbook.setup.fiscal_year.label or 'being reviewed'}.",
            "due",
        )
    if not objective.owner.strip():
        add("smart.no_owner", f"{name} has no owner: who answers for it?", "owner")
    if not any(cid in constituents for cid in objective.constituent_ids):
        add(
            "smart.no_constituent",
            f"{name} serves no constituent: whose success does it help?",
            "constituent_ids",
        )
    if oid not in linked:
        add(
            "smart.not_aligned",
            f"{name} supports no company strategic objective.",
            "alignment",
        )

    def whom() -> str:
        names = [constituents[c] for c in objective.constituent_ids if constituents.get(c)]
        return _listing(names) or "your customers"

    found += quality_findings(objective, whom)
    return found


def constituent_names(workbook: Workbook) -> dict[str, str]:
    return {c.id: (c.name.strip() or c.group.strip()) for c in workbook.constituents}


def _listing(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def smart_findings(workbook: Workbook) -> list[Finding]:
    found: list[Finding] = []
    linked = {link.objective_id for link in workbook.alignment}
    constituents = constituent_names(workbook)
    for objective in workbook.objectives:
        found.extend(
            objective_findings(workbook, objective, linked=linked, constituents=constituents)
        )
    return found
