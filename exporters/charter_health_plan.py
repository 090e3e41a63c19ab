"""The charter's "What this year's plan does about it": for each complaint of the health
check rated 1 or 2, the parts of the plan that address it and those that do not yet
(planning.complaints.complaint_plans), so executives see the plan answer the complaints."""

from __future__ import annotations

from exporters import charter_words as words
from exporters.charter_writer import Cell, CellLike, CharterWriter, Run
from planning.complaints import complaint_plans
from planning.model import Workbook

TITLE = "What this year's plan does about it"
_LOW_FILL = {1: "F8CBAD", 2: "FBE2D5"}


def what_the_plan_does(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(2, TITLE)
    plans = complaint_plans(workbook)
    if not plans:
        writer.paragraph("No complaint is rated 1 or 2 this year.")
        return
    writer.paragraph(
        "For each complaint rated 1 or 2, the parts of this year's plan that address it, "
        "and those that do not yet:"
    )
    rows: list[list[CellLike]] = []
    for plan in plans:
        rows.append(
            [
                Cell(
                    [plan.complaint.label, Run(f" ({plan.score}/5)", bold=True)],
                    fill=_LOW_FILL.get(plan.score),
                ),
                "; ".join(str(p) for p in plan.addressed) or words.DASH,
                "; ".join(str(p) for p in plan.missing) or "Nothing: every part is in place.",
            ]
        )
    writer.table([("Complaint", 3.0), ("Addressed by", 4.0), ("Not yet addressed", 4.0)], rows)
