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
from exporters.tracker_cells import (
    SheetWriter,
    TrackerBuild,
    add_table,
    fit_row_height,
    set_widths,
)
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
from planning.enums import Complaint, ObjectiveStatus, ValueCategory
from planning.model import Workbook
from planning.totals import status_counts, value_unit

CHART_WIDTH_CM = 17.0
CHART_HEIGHT_CM = 8.0
# Labels, figures, and room for the office's statements: a statement spans the figures'
# column and the next, so the figures sit beside their labels rather than far right.
OVERVIEW_WIDTHS = (46.0, 14.0, 76.0)
STATEMENT_WIDTH = OVERVIEW_WIDTHS[1] + OVERVIEW_WIDTHS[2]


def _owner_guidance() -> str:
    editable = [c.header for c in OBJECTIVE_COLUMNS if c.key in EDITABLE_KEYS]
    return (
        f"Objective owners update {', '.join(editable[:-1])} and {editable[-1]} on the "
        f"{OBJECTIVES} sheet (the yellow headers); the leader imports those columns. "
        "Everything else comes from the workbook: the import reports a change to any other "
        "column and does not apply it. Do not delete rows or change the hidden Row id "
        "column: the leader imports your updates by it."
    )


def _value(writer: SheetWriter, workbook: Workbook, row: int) -> int:
    """The value the objectives claim per category and in all, in the workbook's currency
    (live SUMIF formulas: owners may change an objective's category); returns the last row."""
    unit = value_unit(workbook) or "no currency set"
    writer.text(row, 1, f"Value claimed ({unit})", "section")
    objectives = quoted(OBJECTIVES)
    category = (
        f"{objectives}!${objective_letter('value_category')}:${objective_letter('value_category')}"
    )
    amount = f"{objectives}!${objective_letter('value_amount')}:${objective_letter('value_amount')}"
    for value_category in ValueCategory:
        row += 1
        writer.text(row, 1, value_category.label, "text")
        writer.formula(row, 2, f'=SUMIF({category},"{value_category.label}",{amount})', "amount")
    row += 1
    writer.text(row, 1, "All categories added", "label")
    writer.formula(row, 2, f"=SUM({amount})", "amount")
    return row


CHART_ROWS = 18  # rows one chart takes, with a little space under it


def build_overview(build: TrackerBuild) -> None:
    """Printed pages each starting at a page break: the live counts and figures (short, so
    always one page), the charts, and what the office is (its statements, which may be
    long: at the end they flow onto further pages rather than push a lone line of the
    counts onto a page of its own)."""
    workbook = build.workbook
    writer = build.sheet(OVERVIEW)
    ws = writer.ws
    fiscal_year = workbook.setup.fiscal_year.label
    title = f"{workbook.office_title()} — objectives tracker {fiscal_year}".strip()
    writer.text(1, 1, title, "title")
    status_header, status_last, row = _status_counts(writer, workbook, 3)
    row = _figures(writer, workbook, row + 2)
    row = _value(writer, workbook, row + 2)
    set_widths(ws, OVERVIEW_WIDTHS)
    ws.freeze_panes = "A2"
    charts = row + 2
    ws.row_breaks.append(Break(id=charts - 1))
    tallest = max(status_counts(workbook).values(), default=0)
    # One row below the break: LibreOffice otherwise prints a chart's top edge on the page
    # before.
    ws.add_chart(status_chart(ws, status_header, status_last, tallest), f"A{charts + 1}")
    ws.add_chart(health_chart(build), f"A{charts + 1 + CHART_ROWS}")
    about = charts + 1 + 2 * CHART_ROWS + 1
    ws.row_breaks.append(Break(id=about - 1))
    _facts(writer, workbook, about)
    build.print_setup(ws)


def _facts(writer: SheetWriter, workbook: Workbook, row: int) -> None:
    setup = workbook.setup
    writer.text(row, 1, "The office", "section")
    facts = [
        ("Organisation", setup.organisation),
        ("Fiscal year", setup.fiscal_year.label),
        ("Office", workbook.office_title()),
        ("Office kind", workbook.office.kind.full_term if workbook.office.kind else "Not set"),
        ("Scope", workbook.office.scope),
        ("Focus question", workbook.office.focus_question),
        ("Purpose", workbook.purpose.text),
        ("Mission", workbook.mission.text),
        ("Vision", workbook.vision.text),
        ("How to update", _owner_guidance()),
    ]
    for label, value in facts:
        row += 1
        writer.text(row, 1, label, "label")
        writer.text(row, 2, value, "wrap")
        writer.ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        fit_row_height(writer.ws, row, [(xml_safe(value), STATEMENT_WIDTH)])


def _status_counts(writer: SheetWriter, workbook: Workbook, row: int) -> tuple[int, int, int]:
    """Live counts by status; returns the header row, the last status row and the last row."""
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
    add_table(writer.ws, "StatusCountsTable", 2, len(ObjectiveStatus), first_row=status_header)
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
    return status_header, status_last, row


def _figures(writer: SheetWriter, workbook: Workbook, row: int) -> int:
    """Alignment and progress figures, as formulas over the other sheets; returns the last
    row."""
    writer.text(row, 1, "Alignment and progress", "section")
    layout = alignment_layout(workbook)
    alignment = quoted(ALIGNMENT)
    headers = layout.strategic_cells(1)
    supported = layout.strategic_cells(layout.supported_row)
    totals = layout.objective_cells(layout.total_column)
    objectives = quoted(OBJECTIVES)
    progress = objective_letter("progress")
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
            "Average progress",
            f'=IFERROR(AVERAGE({objectives}!${progress}:${progress}),"")',
            "percent",
        ),
    ]
    for label, formula, look in figures:
        row += 1
        writer.text(row, 1, label, "label")
        writer.formula(row, 2, formula, look)
    return row


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
