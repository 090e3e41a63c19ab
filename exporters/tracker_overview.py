"""The tracker's Overview sheet and its charts: who the office is, its statements, live
counts of objectives by status, alignment coverage and value, a status chart and a health
check chart (this year against last year).

The counts are COUNTIF formulas over whole Objectives columns, so they stay right when
owners change statuses, sort or filter the table. Alignment figures are formulas over the
Alignment sheet's totals.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from exporters.text import xml_safe
from exporters.tracker_cells import TrackerBuild, add_table, fit_row_height, set_widths
from exporters.tracker_layout import (
    ALIGNMENT,
    EDITABLE_KEYS,
    HEALTH,
    OBJECTIVE_COLUMNS,
    OBJECTIVES,
    OVERVIEW,
    objective_letter,
    quoted,
)
from exporters.tracker_objectives import alignment_layout
from planning.enums import Complaint, ObjectiveStatus
from planning.model import Workbook
from planning.totals import status_counts, value_unit

CHART_WIDTH_CM = 17.0
CHART_HEIGHT_CM = 8.0
OVERVIEW_WIDTHS = (46.0, 90.0)


def _owner_guidance() -> str:
    editable = [c.header for c in OBJECTIVE_COLUMNS if c.key in EDITABLE_KEYS]
    return (
        f"Objective owners update {', '.join(editable[:-1])} and {editable[-1]} on the "
        f"{OBJECTIVES} sheet (the yellow headers). Everything else comes from the "
        "workbook and is replaced at the next export. Do not delete rows or change the "
        "hidden Row id column: the leader imports your updates by it."
    )


def _value_label(workbook: Workbook) -> str:
    """The value total's label says its unit, and that it adds different kinds of value."""
    unit = value_unit(workbook)
    return f"Value claimed, all categories added ({unit or 'no currency set'})"


def build_overview(build: TrackerBuild) -> None:
    workbook = build.workbook
    writer = build.sheet(OVERVIEW)
    ws = writer.ws
    setup = workbook.setup
    office = workbook.office_title()
    fiscal_year = setup.fiscal_year.label
    writer.text(1, 1, f"{office} — objectives tracker {fiscal_year}".strip(), "title")
    facts = [
        ("Organisation", setup.organisation),
        ("Fiscal year", fiscal_year),
        ("Office", office),
        ("Office kind", workbook.office.kind.full_term if workbook.office.kind else "Not set"),
        ("Scope", workbook.office.scope),
        ("Focus question", workbook.office.focus_question),
        ("Purpose", workbook.purpose.text),
        ("Mission", workbook.mission.text),
        ("Vision", workbook.vision.text),
        ("How to update", _owner_guidance()),
    ]
    row = 3
    for label, value in facts:
        writer.text(row, 1, label, "label")
        writer.text(row, 2, value, "wrap")
        row += 1

    row += 1
    writer.text(row, 1, "Objectives by status", "section")
    row += 1
    status_header = row
    writer.header(row, ["Status", "Objectives"])
    status_column = (
        f"{quoted(OBJECTIVES)}!${objective_letter('status')}:${objective_letter('status')}"
    )
    for status in ObjectiveStatus:
        row += 1
        writer.text(row, 1, status.label, "text")
        writer.formula(row, 2, f"=COUNTIF({status_column},A{row})", "total")
    add_table(ws, "StatusCountsTable", 2, len(ObjectiveStatus), first_row=status_header)
    row += 1
    writer.text(row, 1, "All objectives", "label")
    writer.formula(row, 2, f"=SUM(B{status_header + 1}:B{row - 1})", "total")
    status_last = row - 1
    closed = len(workbook.objectives) - len(workbook.active_objectives())
    if closed:
        # Closed objectives are not tracked, so the live Retired count above starts at 0;
        # this line says how many this review closed, so no one reads that 0 as "none".
        row += 1
        writer.text(row, 1, "Closed at this review (not tracked here)", "label")
        writer.value(row, 2, closed, "total")

    row += 2
    writer.text(row, 1, "Alignment and value", "section")
    layout = alignment_layout(workbook)
    alignment = quoted(ALIGNMENT)
    headers = layout.strategic_cells(1)
    supported = layout.strategic_cells(layout.supported_row)
    totals = layout.objective_cells(layout.total_column)
    objectives = quoted(OBJECTIVES)
    amount, progress = objective_letter("value_amount"), objective_letter("progress")
    figures = [
        (
            "Company strategic objectives",
            f"=COUNTA({alignment}!{headers})" if headers else "=0",
            "total",
        ),
        (
            "Supported by an office objective",
            f'=COUNTIF({alignment}!{supported},">0")' if supported else "=0",
            "total",
        ),
        ("Alignment coverage", f'=IF(B{row + 1}=0,"",B{row + 2}/B{row + 1})', "percent"),
        (
            "Office objectives supporting no company objective",
            f"=COUNTIF({alignment}!{totals},0)" if totals else "=0",
            "total",
        ),
        (
            _value_label(workbook),
            f"=SUM({objectives}!${amount}:${amount})",
            "amount",
        ),
        (
            "Average progress",
            f'=IFERROR(AVERAGE({objectives}!${progress}:${progress}),"")',
            "percent",
        ),
    ]
    for label, formula, look in figures:
        row += 1
        writer.text(row, 1, label, "label")
        writer.formula(row, 2, formula, look)

    set_widths(ws, [OVERVIEW_WIDTHS[0], OVERVIEW_WIDTHS[1]])
    for fact_row, (_label, value) in enumerate(facts, start=3):
        fit_row_height(ws, fact_row, [(xml_safe(value), OVERVIEW_WIDTHS[1])])
    ws.freeze_panes = "A2"
    row += 2
    # The charts start a printed page of their own rather than being cut by a page break.
    ws.row_breaks.append(Break(id=row - 1))
    tallest = max(status_counts(workbook).values(), default=0)
    # One row below the break: LibreOffice otherwise prints the chart's top edge on the
    # page before.
    ws.add_chart(status_chart(ws, status_header, status_last, tallest), f"A{row + 1}")
    ws.add_chart(health_chart(build), f"A{row + 19}")
    build.print_setup(ws)


def status_chart(ws: Worksheet, header_row: int, last_row: int, objectives: int) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    chart.title = "Objectives by status"
    chart.add_data(
        Reference(ws, min_col=2, min_row=header_row, max_row=last_row), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    chart.legend = None
    chart.y_axis.title = "Objectives"
    chart.y_axis.scaling.min = 0
    # Counts are whole numbers: round steps (1, 2, 5, 10, 20, 50...), never "0.5" or 17.
    chart.y_axis.majorUnit = round_step(objectives)
    _show_axes(chart)
    return chart


def round_step(largest: int, ticks: int = 5) -> int:
    """A round axis step (1, 2 or 5 times a power of ten) giving about `ticks` steps."""
    step = 1
    while step * ticks < largest:
        for factor in (2, 5 / 2, 2):  # 1 → 2 → 5 → 10 → 20 → 50 ...
            step = int(step * factor)
            if step * ticks >= largest:
                break
    return step


def health_chart(build: TrackerBuild) -> BarChart:
    """This year's and last year's health ratings per complaint (5 = not true of us)."""
    ws = build.book[HEALTH]
    last = len(Complaint) + 1
    chart = BarChart()
    chart.type = "bar"
    # A first review has no last year: no "Last year" series and legend without data.
    earlier = build.workbook.last_year() is not None
    chart.title = (
        "Health check: this year and last year (5 = the complaint does not apply)"
        if earlier
        else "Health check (5 = the complaint does not apply)"
    )
    chart.add_data(
        Reference(ws, min_col=2, max_col=3 if earlier else 2, min_row=1, max_row=last),
        titles_from_data=True,
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 5
    chart.y_axis.majorUnit = 1
    chart.x_axis.scaling.orientation = "maxMin"  # complaints top to bottom, as listed
    _show_axes(chart)
    return chart


def _show_axes(chart: BarChart) -> None:
    # Current Excel hides axes whose `delete` flag is unset.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width = CHART_WIDTH_CM
    chart.height = CHART_HEIGHT_CM


def add_health_sheet_chart(build: TrackerBuild) -> None:
    ws = build.book[HEALTH]
    # Below the table rather than beside it, so the printed page keeps a readable scale.
    ws.add_chart(health_chart(build), f"A{len(Complaint) + 3}")
