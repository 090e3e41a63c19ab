"""A fixture for the coaching rules the shipped samples do not show (a share above 100 %,
a target on the wrong side, two objectives alike): the clean workbook plus the objectives a
hurried workshop writes. With the samples, every rule of docs/FINDINGS.md fires somewhere."""

from __future__ import annotations

from clean_workbook import clean_workbook

from planning.enums import Complaint, Direction
from planning.model import Objective, Workbook


def vague_objective() -> Objective:
    """The objective a new user writes first (issue #15)."""
    return Objective(
        code="OBJ-9",
        title="Improve stakeholder engagement",
        measure="Stakeholder engagement",
        baseline=3,
        target=4,
        owner="PMO team",
    )


def coaching_workbook() -> Workbook:
    wb = clean_workbook()
    first = wb.objectives[0]
    wb.objectives += [
        vague_objective(),
        first.model_copy(
            update={
                "id": "share",
                "code": "OBJ-2",
                "title": "Launches land on the promised date",
                "measure": "Share of launches on the promised date",
                "unit": "%",
                "direction": Direction.UP,
                "baseline": 60,
                "target": 120,
            }
        ),
        first.model_copy(
            update={
                "id": "cycle",
                "code": "OBJ-3",
                "title": "Decisions within three weeks",
                "measure": "Days from proposal to decision",
                "unit": "days",
                "direction": Direction.UP,
                "baseline": 30,
                "target": 20,
            }
        ),
        first.model_copy(update={"id": "copy", "code": "OBJ-3", "title": "Faster launch"}),
    ]
    wb.health_rating(Complaint.NO_QUANTIFIABLE_VALUE).score = 2
    return wb
