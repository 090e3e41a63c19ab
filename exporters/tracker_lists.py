"""The tracker's reference sheets: company strategy, constituents, office strategy, not doing,
communication plan, health check, and the earlier years' statements and results.

Each is one Excel table with a frozen header row. Earlier years go on "Earlier years" and
"Earlier results" because Excel reserves the sheet name "History".
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from exporters.tracker_cells import Formula, ListColumn, TrackerBuild, Value, write_list
from exporters.tracker_layout import (
    ALIGNMENT,
    COMMUNICATION,
    CONSTITUENTS,
    EARLIER_RESULTS,
    EARLIER_YEARS,
    HEALTH,
    NOT_DOING,
    OFFICE_STRATEGY,
    STRATEGY,
    quoted,
)
from exporters.tracker_objectives import alignment_layout, objective_label
from planning.enums import StrategyKind
from planning.history import health_comparison

EMPTY_NOTE = "Nothing recorded in the workbook."


def build_strategy(build: TrackerBuild) -> None:
    workbook = build.workbook
    layout = alignment_layout(workbook)
    alignment = quoted(ALIGNMENT)
    columns = [
        ListColumn("Code"),
        ListColumn("Strategic objective", "wrap", 34),
        ListColumn("Description", "wrap", 44),
        ListColumn("Owner"),
        ListColumn("Priority"),
        ListColumn("Horizon"),
        ListColumn("Office objectives supporting", "total", 16),
        ListColumn("Strength total", "total", 11),
    ]
    rows: list[list[Value]] = []
    for index, strategic in enumerate(workbook.strategy):
        letter = get_column_letter(layout.strategic_column(index))
        rows.append(
            [
                strategic.code,
                strategic.title,
                strategic.description,
                strategic.owner,
                strategic.priority.label,
                strategic.horizon,
                Formula(f"={alignment}!{letter}{layout.supported_row}"),
                Formula(f"={alignment}!{letter}{layout.total_row}"),
            ]
        )
    writer = build.sheet(STRATEGY)
    write_list(writer, "StrategyTable", columns, rows, empty_note=EMPTY_NOTE)
    build.print_setup(writer.ws)


def build_constituents(build: TrackerBuild) -> None:
    workbook = build.workbook
    columns = [
        ListColumn("Constituent"),
        ListColumn("Group"),
        ListColumn("Their goals", "wrap", 40),
        ListColumn("What they need from the office", "wrap", 40),
        ListColumn("Satisfaction (1-5)", "number", 13),
        ListColumn("Served by objectives", "wrap", 24),
    ]
    rows: list[list[Value]] = []
    active = workbook.active_objectives()
    for constituent in workbook.constituents:
        served = [objective_label(o) for o in active if constituent.id in o.constituent_ids]
        rows.append(
            [
                constituent.name,
                constituent.group,
                constituent.goals,
                constituent.needs,
                constituent.satisfaction,
                ", ".join(served),
            ]
        )
    writer = build.sheet(CONSTITUENTS)
    write_list(writer, "ConstituentsTable", columns, rows, empty_note=EMPTY_NOTE)
    build.print_setup(writer.ws)


def build_office_strategy(build: TrackerBuild) -> None:
    workbook = build.workbook
    order = {kind: index for index, kind in enumerate(StrategyKind)}
    items = sorted(workbook.office_strategy, key=lambda item: order[item.kind])
    columns = [
        ListColumn("Kind", width=11),
        ListColumn("Item", "wrap", 34),
        ListColumn("Description", "wrap", 50),
        ListColumn("Serves objectives", "wrap", 26),
    ]
    rows: list[list[Value]] = []
    by_id = {o.id: o for o in workbook.objectives}
    for item in items:
        serves = [objective_label(by_id[oid]) for oid in item.objective_ids if oid in by_id]
        rows.append([item.kind.label, item.title, item.description, ", ".join(serves)])
    writer = build.sheet(OFFICE_STRATEGY)
    write_list(writer, "OfficeStrategyTable", columns, rows, empty_note=EMPTY_NOTE)
    build.print_setup(writer.ws)


def build_not_doing(build: TrackerBuild) -> None:
    columns = [ListColumn("What the office will not do", "wrap", 50), ListColumn("Why", "wrap", 60)]
    rows: list[list[Value]] = [[n.item, n.reason] for n in build.workbook.not_doing]
    writer = build.sheet(NOT_DOING)
    write_list(writer, "NotDoingTable", columns, rows, empty_note=EMPTY_NOTE)
    build.print_setup(writer.ws)


def build_communication(build: TrackerBuild) -> None:
    columns = [
        ListColumn("Audience", "wrap", 26),
        ListColumn("Message", "wrap", 44),
        ListColumn("Channel", "wrap", 20),
        ListColumn("Frequency"),
        ListColumn("Owner", "wrap", 22),
    ]
    rows: list[list[Value]] = [
        [c.audience, c.message, c.channel, c.frequency, c.owner]
        for c in build.workbook.communication
    ]
    writer = build.sheet(COMMUNICATION)
    write_list(writer, "CommunicationTable", columns, rows, empty_note=EMPTY_NOTE)
    build.print_setup(writer.ws)


HEALTH_HEADERS = ("Complaint", "This year", "Last year", "Change", "Note")


def build_health(build: TrackerBuild) -> None:
    workbook = build.workbook
    columns = [
        ListColumn(HEALTH_HEADERS[0], "wrap", 44),
        ListColumn(HEALTH_HEADERS[1], "number", 11),
        ListColumn(HEALTH_HEADERS[2], "number", 11),
        ListColumn(HEALTH_HEADERS[3], "number", 10),
        ListColumn("Note", "wrap", 44),
    ]
    change = Formula('=IF(AND(ISNUMBER(B{r}),ISNUMBER(C{r})),B{r}-C{r},"")')
    rows: list[list[Value]] = [
        [
            c.complaint.label,
            c.this_year,
            c.last_year,
            change,
            workbook.health_rating(c.complaint).note,
        ]
        for c in health_comparison(workbook)
    ]
    writer = build.sheet(HEALTH)
    write_list(writer, "HealthTable", columns, rows, empty_note=EMPTY_NOTE)
    build.print_setup(writer.ws)


def build_earlier_years(build: TrackerBuild) -> None:
    columns = [
        ListColumn("Fiscal year", width=12),
        ListColumn("Office", "wrap", 30),
        ListColumn("Purpose", "wrap", 44),
        ListColumn("Mission", "wrap", 54),
        ListColumn("Vision", "wrap", 44),
    ]
    rows: list[list[Value]] = []
    for year in reversed(build.workbook.history):
        office = year.office_full_name.strip() or (
            year.office_kind.full_term if year.office_kind else ""
        )
        rows.append(
            [year.fiscal_year.label, office, year.purpose.text, year.mission.text, year.vision.text]
        )
    writer = build.sheet(EARLIER_YEARS)
    write_list(writer, "EarlierYearsTable", columns, rows, empty_note=EMPTY_NOTE)
    build.print_setup(writer.ws)


def build_earlier_results(build: TrackerBuild) -> None:
    columns = [
        ListColumn("Fiscal year", width=12),
        ListColumn("Code", width=10),
        ListColumn("Objective", "wrap", 36),
        ListColumn("Measure", "wrap", 32),
        ListColumn("Unit", width=9),
        ListColumn("Baseline", "number", 11),
        ListColumn("Target", "number", 10),
        ListColumn("Result", "number", 10),
        ListColumn("Status", width=12),
        ListColumn("Decision", width=12),
        ListColumn("Reason", "wrap", 40),
    ]
    rows: list[list[Value]] = []
    workbook = build.workbook
    last = workbook.last_year()
    # This year's review decides about last year's objectives: the decision and reason live
    # on the carried-over objective, and the Earlier results row shows them (as the
    # charter's appendix does) when the year's own record has none.
    carried = {o.id: o.carried for o in workbook.objectives if o.carried is not None}
    for year in reversed(workbook.history):
        for result in year.objectives:
            decision, reason = result.decision, result.reason
            review = carried.get(result.objective_id) if year is last else None
            if review is not None and decision is None:
                decision, reason = review.decision, reason or review.reason
            rows.append(
                [
                    year.fiscal_year.label,
                    result.code,
                    result.title,
                    result.measure,
                    result.unit,
                    result.baseline,
                    result.target,
                    result.result,
                    result.status.label,
                    decision.label if decision else "",
                    reason,
                ]
            )
    writer = build.sheet(EARLIER_RESULTS)
    write_list(writer, "EarlierResultsTable", columns, rows, empty_note=EMPTY_NOTE)
    build.print_setup(writer.ws)
