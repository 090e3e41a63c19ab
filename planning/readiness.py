"""All findings of a workbook, the state of each step of the walk, and overall readiness."""

from __future__ import annotations

from dataclasses import dataclass

from planning.alignment import alignment_findings
from planning.completeness import blank_row_findings, progress
from planning.enums import Severity, StepState
from planning.findings import Finding
from planning.model import Workbook
from planning.rules import (
    backwards_recipe_findings,
    office_findings,
    setup_findings,
    signoff_findings,
)
from planning.smart import smart_findings
from planning.statements import statement_findings
from planning.steps import Step


def all_findings(workbook: Workbook) -> list[Finding]:
    """Every finding, in the order of the walk, most severe first within a step."""
    found = (
        setup_findings(workbook)
        + office_findings(workbook)
        + statement_findings(workbook)
        + smart_findings(workbook)
        + alignment_findings(workbook)
        + backwards_recipe_findings(workbook)
        + signoff_findings(workbook)
        + blank_row_findings(workbook)
    )
    order = list(Step)
    return sorted(found, key=lambda f: (order.index(f.step), -f.severity.rank))


def findings_for(findings: list[Finding], step: Step) -> list[Finding]:
    return [f for f in findings if f.step is step]


def _progress(workbook: Workbook, step: Step) -> tuple[int, int]:
    """(parts filled, parts required) for a step: the rules are planning.completeness's."""
    return progress(workbook, step)


def step_state(workbook: Workbook, step: Step, findings: list[Finding] | None = None) -> StepState:
    findings = all_findings(workbook) if findings is None else findings
    filled, required = _progress(workbook, step)
    if filled == 0:
        return StepState.EMPTY
    if any(f.step is step and f.severity.rank >= Severity.WARNING.rank for f in findings):
        return StepState.NEEDS_ATTENTION
    return StepState.COMPLETE if filled == required else StepState.IN_PROGRESS


def step_states(workbook: Workbook, findings: list[Finding] | None = None) -> dict[Step, StepState]:
    findings = all_findings(workbook) if findings is None else findings
    return {step: step_state(workbook, step, findings) for step in Step}


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
