"""Alignment of office objectives with company strategy, and the gaps both ways."""

from __future__ import annotations

from dataclasses import dataclass

from planning.findings import Finding, warning
from planning.model import Objective, StrategicObjective, Workbook
from planning.steps import Step
from planning.totals import objective_strength, strategic_support


@dataclass(frozen=True)
class AlignmentGaps:
    orphan_objectives: list[Objective]
    unsupported_strategic: list[StrategicObjective]
    coverage: float | None
    """Share of strategic objectives supported by at least one active office objective."""


def alignment_gaps(workbook: Workbook) -> AlignmentGaps:
    objectives = workbook.active_objectives()
    active = {o.id for o in objectives}
    strategic = {s.id for s in workbook.strategy}
    linked_objectives: set[str] = set()
    supported: set[str] = set()
    for link in workbook.alignment:
        if link.objective_id in active and link.strategic_id in strategic:
            linked_objectives.add(link.objective_id)
            supported.add(link.strategic_id)
    orphans = [o for o in objectives if o.id not in linked_objectives]
    unsupported = [s for s in workbook.strategy if s.id not in supported]
    coverage = len(supported) / len(strategic) if strategic else None
    return AlignmentGaps(orphans, unsupported, coverage)


def strength_totals(workbook: Workbook) -> tuple[dict[str, int], dict[str, int]]:
    """Sum of strength scores (weak 1, medium 2, strong 3) per active objective and per
    strategic objective, as the alignment matrix shows them: a retired or achieved objective
    is not a row of the matrix, so its links count in no total (as in the exports)."""
    # One definition of the sums: the charter and the summary read the same functions.
    per_strategic = {s.strategic.id: s.strength for s in strategic_support(workbook)}
    return objective_strength(workbook), per_strategic


def alignment_findings(workbook: Workbook) -> list[Finding]:
    if not workbook.strategy or not workbook.active_objectives():
        return []
    gaps = alignment_gaps(workbook)
    found = [
        warning(
            "alignment.orphan_objective",
            Step.ALIGNMENT,
            f"Objective {o.code or o.title or 'without a code'} supports no company strategic "
            "objective: align it or ask why the office pursues it.",
            o.id,
        )
        for o in gaps.orphan_objectives
    ]
    found += [
        warning(
            "alignment.unsupported_strategic",
            Step.ALIGNMENT,
            f"Company objective {s.code or s.title or 'without a code'} is supported by no "
            "office objective: can the office help with it?",
            s.id,
        )
        for s in gaps.unsupported_strategic
    ]
    return found
