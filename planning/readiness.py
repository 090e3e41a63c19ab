"""All findings of a workbook, the state of each step of the walk, and overall readiness."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planning.acronyms import bare_acronym_findings
from planning.alignment import alignment_findings
from planning.complaints import complaint_findings
from planning.completeness import blank_row_findings, counted
from planning.enums import ApprovalDecision, Severity, StepState, StrategyKind
from planning.findings import Finding
from planning.focus import focus_findings
from planning.model import Workbook
from planning.rules import (
    backwards_recipe_findings,
    office_findings,
    setup_findings,
    signoff_findings,
)
from planning.smart import smart_findings
from planning.statements import statement_findings
from planning.steps import STEPS, Step


def all_findings(workbook: Workbook) -> list[Finding]:
    """Every finding, in the order of the walk, most severe first within a step."""
    found = (
        setup_findings(workbook)
        + office_findings(workbook)
        + statement_findings(workbook)
        + smart_findings(workbook)
        + focus_findings(workbook)
        + bare_acronym_findings(workbook)
        + complaint_findings(workbook)
        + alignment_findings(workbook)
        + backwards_recipe_findings(workbook)
        + signoff_findings(workbook)
        + blank_row_findings(workbook)
    )
    return sorted(found, key=lambda f: (f.step.number, -f.severity.rank))


# --- progress rules: the parts a complete step has filled -------------------------------
# Readiness counts a part filled unless it is None, "", [] or False: none filled is an empty
# step, all filled a complete one. A list's rows count only when what names them is
# filled in (planning.completeness): a blank row counts as nothing, and is flagged.


def setup_parts(wb: Workbook) -> list[object]:
    """Organisation, fiscal year, both review dates, facilitator, a named participant."""
    s = wb.setup
    return [
        s.organisation.strip(),
        s.fiscal_year.label.strip(),
        s.review_start,
        s.review_end,
        s.facilitator.strip(),
        counted(wb, Step.SETUP),
    ]


def office_parts(wb: Workbook) -> list[object]:
    return [wb.office.kind, wb.office.full_name.strip(), wb.office.scope.strip()]


def strategy_parts(wb: Workbook) -> list[object]:
    return [counted(wb, Step.STRATEGY)]


def constituents_parts(wb: Workbook) -> list[object]:
    return [counted(wb, Step.CONSTITUENTS)]


def health_parts(wb: Workbook) -> list[object]:
    return [r.score for r in wb.health]


def purpose_parts(wb: Workbook) -> list[object]:
    return [wb.purpose.text.strip(), wb.purpose.decision]


def mission_vision_parts(wb: Workbook) -> list[object]:
    return [
        wb.mission.text.strip(),
        wb.mission.decision,
        wb.vision.text.strip(),
        wb.vision.decision,
    ]


def objectives_parts(wb: Workbook) -> list[object]:
    return [counted(wb, Step.OBJECTIVES)]


def alignment_parts(wb: Workbook) -> list[object]:
    return [wb.alignment]


def office_strategy_parts(wb: Workbook) -> list[object]:
    """A titled service, process, people item and tool: the four parts of the strategy."""
    items = counted(wb, Step.OFFICE_STRATEGY)
    return [[i for i in items if i.kind is kind] for kind in StrategyKind]


def governance_parts(wb: Workbook) -> list[object]:
    """Mandate, decision rights, role holders, RACI, resources, reporting and escalation."""
    g = wb.governance
    # A reporting item removed from the communication plan no longer counts.
    known = {c.id for c in wb.communication}
    return [
        g.mandate.strip(),
        bool(g.decides or g.recommends or g.reports),
        any(r.holder.strip() for r in g.roles),
        g.raci,
        bool(g.staff) or g.budget is not None,
        any(i in known for i in g.reporting_ids),
        g.escalation,
    ]


def communication_parts(wb: Workbook) -> list[object]:
    return [counted(wb, Step.COMMUNICATION)]


def signoff_parts(wb: Workbook) -> list[object]:
    """Approvers named, and every one of them decided (no approvers: nothing filled)."""
    approvers = counted(wb, Step.SIGNOFF)
    decided = all(a.decision is not ApprovalDecision.PENDING for a in wb.approvals)
    return [approvers, bool(approvers) and decided]


PROGRESS: dict[Step, Callable[[Workbook], list[object]]] = {
    Step.SETUP: setup_parts,
    Step.OFFICE: office_parts,
    Step.STRATEGY: strategy_parts,
    Step.CONSTITUENTS: constituents_parts,
    Step.HEALTH: health_parts,
    Step.PURPOSE: purpose_parts,
    Step.MISSION_VISION: mission_vision_parts,
    Step.OBJECTIVES: objectives_parts,
    Step.ALIGNMENT: alignment_parts,
    Step.OFFICE_STRATEGY: office_strategy_parts,
    Step.GOVERNANCE: governance_parts,
    Step.COMMUNICATION: communication_parts,
    Step.SIGNOFF: signoff_parts,
}
"""One progress rule per step of the registry (a test checks they agree)."""


def _progress(workbook: Workbook, step: Step) -> tuple[int, int]:
    """(parts filled, parts required) for a step: 0 filled is empty, all is complete."""
    parts = PROGRESS[step](workbook)
    filled = sum(1 for part in parts if part not in (None, "", [], False))
    return filled, len(parts)


def step_state(workbook: Workbook, step: Step, findings: list[Finding] | None = None) -> StepState:
    findings = all_findings(workbook) if findings is None else findings
    return _state(workbook, step, _needing_attention(findings))


def step_states(workbook: Workbook, findings: list[Finding] | None = None) -> dict[Step, StepState]:
    findings = all_findings(workbook) if findings is None else findings
    # One pass over the findings, not one per step: 500 objectives bring thousands of them.
    attention = _needing_attention(findings)
    return {info.step: _state(workbook, info.step, attention) for info in STEPS}


def _needing_attention(findings: list[Finding]) -> set[Step]:
    """The steps with a warning (or worse) among `findings`."""
    warning = Severity.WARNING.rank
    return {f.step for f in findings if f.severity.rank >= warning}


def _state(workbook: Workbook, step: Step, attention: set[Step]) -> StepState:
    filled, required = _progress(workbook, step)
    if filled == 0:
        return StepState.EMPTY
    if step in attention:
        return StepState.NEEDS_ATTENTION
    return StepState.COMPLETE if filled == required else StepState.IN_PROGRESS


@dataclass(frozen=True)
class Readiness:
    percent: int
    complete_steps: int
    total_steps: int
    warnings: int
    infos: int

    @property
    def ready(self) -> bool:
        return self.complete_steps == self.total_steps and self.warnings == 0

    def summary(self) -> str:
        return (
            f"Readiness {self.percent}%: {self.complete_steps} of {self.total_steps} steps "
            f"complete, {self.warnings} warning{'s' if self.warnings != 1 else ''}"
        )


def readiness(workbook: Workbook, findings: list[Finding] | None = None) -> Readiness:
    """Steps complete, each step counted once; a step needing attention counts half."""
    findings = all_findings(workbook) if findings is None else findings
    states = step_states(workbook, findings)
    complete = sum(1 for s in states.values() if s is StepState.COMPLETE)
    half = sum(
        1 for s in states.values() if s in (StepState.IN_PROGRESS, StepState.NEEDS_ATTENTION)
    )
    percent = round(100 * (complete + half / 2) / len(states))
    warnings = sum(1 for f in findings if f.severity.rank >= Severity.WARNING.rank)
    infos = sum(1 for f in findings if f.severity is Severity.INFO)
    return Readiness(percent, complete, len(states), warnings, infos)
