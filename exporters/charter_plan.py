"""The charter's plan: objectives, alignment with company strategy (matrix and gaps), the
office's strategy, the not-doing list, governance and review cadence, the communication
plan and the health-check baseline."""

from __future__ import annotations

from exporters import charter_words as words
from exporters.charter_writer import Cell, CellLike, CharterWriter, Run
from planning.alignment import alignment_gaps, strength_totals
from planning.enums import StrategyKind, Strength
from planning.history import health_comparison
from planning.model import Objective, Workbook

DASH = words.DASH
MATRIX_COLUMNS = 8  # company objectives per matrix table: more do not fit a portrait page
MARKS = {Strength.WEAK: "●", Strength.MEDIUM: "●●", Strength.STRONG: "●●●"}
_MARK_FILL = {Strength.WEAK: "DEEAF6", Strength.MEDIUM: "9DC3E6", Strength.STRONG: "2E75B6"}
_STRATEGY_HEADINGS = {
    StrategyKind.SERVICE: "Services",
    StrategyKind.PROCESS: "Processes",
    StrategyKind.PEOPLE: "People",
    StrategyKind.TOOL: "Tools",
}
_SCORE_FILL = {1: "F8CBAD", 2: "FBE2D5", 3: "FFF2CC", 4: "E2EFDA", 5: "C6E0B4"}


def _objective_cell(objective: Objective) -> Cell:
    runs: list[str | Run] = [Run(objective.title, bold=True)]
    if objective.description.strip():
        runs.append("\n" + objective.description.strip())
    return Cell(runs)


def objectives(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, "Objectives")
    active = workbook.active_objectives()
    year = words.fiscal_year(workbook)
    if not active:
        writer.paragraph(Run("No measurable objectives are set yet.", italic=True))
        return
    writer.paragraph(
        f"The office commits to {words.plural(len(active), 'measurable objective')}"
        + (" for " if year else "."),
        *([year, "."] if year else []),
        " Each has a measure, a baseline and a target, a due date and an owner, and says "
        "whom it serves.",
    )
    rows: list[list[CellLike]] = []
    for objective in active:
        value = objective.value_category.label if objective.value_category else ""
        if objective.value_amount is not None:
            value += (": " if value else "") + words.number(objective.value_amount)
        rows.append(
            [
                objective.code,
                _objective_cell(objective),
                objective.measure,
                words.baseline_to_target(objective),
                words.short_day(objective.due),
                objective.owner,
                words.constituent_names(workbook, objective),
                value,
            ]
        )
    writer.table(
        [
            ("Code", 1.2),
            ("Objective", 3.1),
            ("Measure", 2.6),
            ("Baseline → target", 2.0),
            ("Due", 1.7),
            ("Owner", 1.6),
            ("Serves", 2.3),
            ("Value", 2.1),
        ],
        rows,
    )
    total = sum(o.value_amount for o in active if o.value_amount is not None)
    if total:
        writer.paragraph(
            f"The objectives state a value of {words.number(total)} in total "
            "(cost avoided, time to market, benefits realised, risk reduced)."
        )
    closed = len(workbook.objectives) - len(active)
    if closed:
        writer.note(
            f"{words.plural(closed, 'objective')} carried over from last year "
            f"{'was' if closed == 1 else 'were'} retired or closed as achieved: see the "
            "appendix."
        )


def alignment(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, "Alignment with company strategy")
    if not workbook.strategy:
        writer.paragraph(
            Run(
                "No company strategic objectives are recorded, so the alignment "
                "of the office's objectives cannot be shown.",
                italic=True,
            )
        )
        return
    per_objective, per_strategic = strength_totals(workbook)
    writer.heading(2, "Company strategic objectives")
    rows: list[list[CellLike]] = []
    for strategic in workbook.strategy:
        runs: list[str | Run] = [Run(strategic.title, bold=True)]
        if strategic.description.strip():
            runs.append("\n" + strategic.description.strip())
        rows.append(
            [
                strategic.code,
                Cell(runs),
                strategic.owner,
                strategic.priority.label,
                strategic.horizon,
                Cell([str(per_strategic.get(strategic.id, 0))], center=True),
            ]
        )
    writer.table(
        [
            ("Code", 1.4),
            ("Strategic objective", 6.2),
            ("Owner", 3.0),
            ("Priority", 1.7),
            ("Horizon", 2.1),
            ("Support", 2.0),
        ],
        rows,
    )
    writer.note(
        "Support is the sum of the strength of the office objectives' links "
        "(weak 1, medium 2, strong 3)."
    )
    _matrix(writer, workbook, per_objective, per_strategic)
    _gaps(writer, workbook)


def _matrix(
    writer: CharterWriter,
    workbook: Workbook,
    per_objective: dict[str, int],
    per_strategic: dict[str, int],
) -> None:
    writer.heading(2, "Alignment matrix")
    active = workbook.active_objectives()
    if not active:
        writer.paragraph(Run("No objectives to align yet.", italic=True))
        return
    writer.paragraph(
        "How strongly each office objective supports each company strategic "
        "objective: ● weak, ●● medium, ●●● strong."
    )
    links = {(link.objective_id, link.strategic_id): link.strength for link in workbook.alignment}
    strategy = workbook.strategy
    split = len(strategy) > MATRIX_COLUMNS
    if split:
        writer.paragraph(
            f"The {len(strategy)} company strategic objectives are shown "
            f"{MATRIX_COLUMNS} at a time; each table lists the office objectives "
            "that support at least one of its company objectives, and the totals "
            "count every link. Office objectives that support none are listed "
            "under Gaps."
        )
    for start in range(0, len(strategy), MATRIX_COLUMNS):
        chunk = strategy[start : start + MATRIX_COLUMNS]
        columns = [("Office objective", 3.2)] + [(s.code or s.title[:12], 1.0) for s in chunk]
        columns.append(("Total", 0.9))
        rows: list[list[CellLike]] = []
        for objective in active:
            if split and not any((objective.id, s.id) in links for s in chunk):
                continue
            row: list[CellLike] = [" ".join(x for x in (objective.code, objective.title) if x)]
            for strategic in chunk:
                strength = links.get((objective.id, strategic.id))
                if strength is None:
                    row.append("")
                else:
                    row.append(
                        Cell(
                            [
                                Run(
                                    MARKS[strength],
                                    color="FFFFFF" if strength is Strength.STRONG else None,
                                )
                            ],
                            fill=_MARK_FILL[strength],
                            center=True,
                        )
                    )
            total = per_objective.get(objective.id, 0)
            row.append(
                Cell(
                    [str(total)] if total else [Run("none", italic=True)],
                    center=True,
                    fill=None if total else "FFF2CC",
                )
            )
            rows.append(row)
        rows.append(
            [Cell([Run("Support", bold=True)])]
            + [
                Cell(
                    [Run(str(per_strategic.get(s.id, 0)), bold=True)],
                    center=True,
                    fill=None if per_strategic.get(s.id, 0) else "FFF2CC",
                )
                for s in chunk
            ]
            + [""]
        )
        writer.table(columns, rows)


def _gaps(writer: CharterWriter, workbook: Workbook) -> None:
    gaps = alignment_gaps(workbook)
    writer.heading(2, "Gaps")
    supported = len(workbook.strategy) - len(gaps.unsupported_strategic)
    if gaps.coverage is not None:
        writer.paragraph(
            f"The office's objectives support {supported} of "
            f"{len(workbook.strategy)} company strategic objectives "
            f"({round(gaps.coverage * 100)}%)."
        )
    if not gaps.unsupported_strategic and not gaps.orphan_objectives:
        writer.paragraph(
            "Every active office objective supports at least one company strategic "
            "objective, and every company strategic objective is supported by the "
            "office."
        )
        return
    if gaps.unsupported_strategic:
        count = len(gaps.unsupported_strategic)
        writer.paragraph(
            f"{words.plural(count, 'company strategic objective')} "
            f"{'is' if count == 1 else 'are'} supported by no office objective; "
            "the office should ask whether it can help with "
            f"{'it' if count == 1 else 'them'}:"
        )
        writer.table(
            [("Code", 0.8), ("Company strategic objective", 4.0), ("Owner", 1.7)],
            [[s.code, s.title, s.owner] for s in gaps.unsupported_strategic],
        )
    if gaps.orphan_objectives:
        count = len(gaps.orphan_objectives)
        writer.paragraph(
            f"{words.plural(count, 'office objective')} "
            f"support{'s' if count == 1 else ''} no company strategic objective; "
            f"align {'it' if count == 1 else 'them'} or say why the office "
            "pursues " + ("it:" if count == 1 else "them:")
        )
        writer.table(
            [("Code", 0.8), ("Office objective", 4.0), ("Owner", 1.7)],
            [[o.code, o.title, o.owner] for o in gaps.orphan_objectives],
        )


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
                (
                    _STRATEGY_HEADINGS[kind][:-1] if kind is not StrategyKind.PEOPLE else "People",
                    2.2,
                ),
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


def _score_cell(score: int | None) -> Cell:
    if score is None:
        return Cell([Run("not rated", italic=True)], center=True)
    return Cell([str(score)], fill=_SCORE_FILL.get(score), center=True)
