"""The charter's plan after its objectives and alignment (charter_objectives,
charter_alignment): the office's strategy, the not-doing list, governance and review
cadence, the communication plan and the health-check baseline."""

from __future__ import annotations

from exporters import charter_governance, charter_health_plan
from exporters import charter_words as words
from exporters.charter_writer import Cell, CellLike, CharterWriter, Run
from planning.enums import StrategyKind
from planning.history import health_comparison
from planning.model import Workbook

DASH = words.DASH
_STRATEGY_HEADINGS = {
    StrategyKind.SERVICE: "Services",
    StrategyKind.PROCESS: "Processes",
    StrategyKind.PEOPLE: "People",
    StrategyKind.TOOL: "Tools",
}
# The first column's header: one item of the kind.
_STRATEGY_ITEM = {
    StrategyKind.SERVICE: "Service",
    StrategyKind.PROCESS: "Process",
    StrategyKind.PEOPLE: "People",
    StrategyKind.TOOL: "Tool",
}
_SCORE_FILL = {1: "F8CBAD", 2: "FBE2D5", 3: "FFF2CC", 4: "E2EFDA", 5: "C6E0B4"}


def office_strategy(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, "Office strategy")
    writer.paragraph(
        "How the office will reach its objectives: first the services it offers, "
        "then the processes, people and tools those services need."
    )
    codes = {o.id: o.code or o.title for o in workbook.objectives}
    for kind in StrategyKind:
        writer.heading(2, _STRATEGY_HEADINGS[kind])
        items = [item for item in workbook.office_strategy if item.kind is kind]
        if not items:
            writer.note(f"No {_STRATEGY_HEADINGS[kind].lower()} planned.")
            continue
        rows: list[list[CellLike]] = []
        for item in items:
            served = ", ".join(codes[i] for i in item.objective_ids if i in codes)
            rows.append(
                [
                    item.title,
                    item.description,
                    served or Cell([Run("none", italic=True)], fill="FFF2CC"),
                ]
            )
        writer.table(
            [
                (_STRATEGY_ITEM[kind], 2.2),
                ("Description", 4.2),
                ("Serves objectives", 1.8),
            ],
            rows,
        )


def not_doing(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, "Not-doing list")
    if not workbook.not_doing:
        writer.paragraph(
            Run(
                "No not-doing list yet: naming what the office will not do keeps it focused.",
                italic=True,
            )
        )
        return
    writer.paragraph("To keep its focus, the office will not do the following this year:")
    writer.table(
        [("What the office will not do", 3.0), ("Why", 4.0)],
        [[item.item, item.reason] for item in workbook.not_doing],
    )


def governance(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, "Governance and review cadence")
    charter_governance.office_governance(writer, workbook)
    writer.paragraph(
        "The charter is not a one-time event. Mission and vision are reviewed "
        "regularly, at least once a year; objectives are set and reviewed in every "
        "annual planning cycle; progress is checked every quarter; and the "
        "office's strategy is kept aligned with the company's."
    )
    writer.table(
        [("Review", 2.4), ("When", 2.4), ("Who takes part", 3.4)],
        [
            [
                "Mission and vision",
                "Every year, and when the company's strategy changes",
                "Executive leadership and the office's leader",
            ],
            [
                "Objectives",
                "Every annual planning cycle: each is kept, revised, retired or closed "
                "as achieved, with its reason",
                "Executive leadership, objective owners, constituents",
            ],
            [
                "Progress check-ins",
                "Every quarter: actuals recorded against each target",
                "Objective owners and the office's leader",
            ],
            [
                "Alignment with company strategy",
                "Every year, and when the company's strategy changes",
                "Executive leadership and the office's leader",
            ],
        ],
    )
    setup = workbook.setup
    writer.heading(2, "This review")
    when = words.span(setup.review_start, setup.review_end)
    sentence: list[str | Run] = [f"The review{' took place on ' + when if when else ' was held'}"]
    if setup.facilitator.strip():
        sentence += [", facilitated by ", setup.facilitator.strip()]
    writer.paragraph(*sentence, ".")
    people = [p for p in setup.participants if p.name.strip()]
    executives = [p for p in people if p.executive]
    if people and not executives:
        writer.paragraph(
            Run(
                "No executive took part: mission, vision and objectives should be "
                "set with executive leadership.",
                italic=True,
            )
        )
    elif executives:
        writer.paragraph(
            f"{words.plural(len(executives), 'executive')} of "
            f"{words.plural(len(people), 'participant')} took part in setting the "
            "mission, vision and objectives."
        )
    if people:
        writer.table(
            [("Participant", 2.6), ("Role", 3.2), ("Executive", 1.0)],
            [[p.name, p.role, "Yes" if p.executive else "No"] for p in people],
        )


def communication(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, "Communication plan")
    if not workbook.communication:
        writer.paragraph(Run("No communication plan yet.", italic=True))
        return
    writer.paragraph("Whom the office keeps informed, with what, how and how often:")
    writer.table(
        [("Audience", 1.8), ("Message", 3.0), ("Channel", 1.5), ("Frequency", 1.3), ("Owner", 1.5)],
        [[c.audience, c.message, c.channel, c.frequency, c.owner] for c in workbook.communication],
    )


def health(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, "Health-check baseline")
    writer.paragraph(
        "Each common complaint about management offices is rated from 1 (entirely "
        "true of the office today) to 5 (does not apply at all). This year's "
        "ratings are the baseline the office is measured against next year."
    )
    last = workbook.last_year()
    last_label = (last.fiscal_year.label.strip() or "Last year") if last else ""
    this_label = words.fiscal_year(workbook) or "This year"
    notes = {rating.complaint: rating.note for rating in workbook.health}
    rows: list[list[CellLike]] = []
    for comparison in health_comparison(workbook):
        row: list[CellLike] = [comparison.complaint.label]
        if last:
            row.append(_score_cell(comparison.last_year))
        row.append(_score_cell(comparison.this_year))
        if last:
            change = comparison.change
            row.append(
                Cell(
                    [
                        DASH
                        if change is None
                        else "="
                        if change == 0
                        else f"{change:+d}".replace("-", "−")
                    ],
                    center=True,
                )
            )
        row.append(notes.get(comparison.complaint, ""))
        rows.append(row)
    columns = [("Complaint", 5.0)]
    if last:
        columns.append((last_label, 1.9))
    columns.append((this_label, 1.9))
    if last:
        columns.append(("Change", 1.9))
    columns.append(("Note", 5.9))
    writer.table(columns, rows)
    charter_health_plan.what_the_plan_does(writer, workbook)


def _score_cell(score: int | None) -> Cell:
    if score is None:
        return Cell([Run("not rated", italic=True)], center=True)
    return Cell([str(score)], fill=_SCORE_FILL.get(score), center=True)
