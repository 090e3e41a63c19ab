"""The tracker's X-matrix sheet (Hoshin kanri), laid out on a grid around a centre cell:

- north: the office strategy items (priorities), one row each above the centre row;
- west: the office's active objectives, one column each left of the centre column;
- east: the objectives' measures (baseline → target), then the measures' owners (far east);
- south: the company strategic objectives, one row each below the centre row.

The centre row holds the column labels (rotated), the centre column the row labels. The
corner cells carry the marks of `planning.xmatrix` (● strong, ○ medium, △ weak): strategic ×
objective in the south-west, priority × objective in the north-west, priority × measure in
the north-east, priority × owner in the far east. The checks follow below the grid.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from exporters.tracker_cells import FONT_NAME, GAP_FILL, SheetWriter, TrackerBuild, solid
from exporters.tracker_layout import XMATRIX
from planning.xmatrix import (
    Mark,
    XMatrix,
    build_xmatrix,
    objective_label,
    priority_label,
    strategic_label,
    xmatrix_checks,
)

TITLE_ROW = 1
LEGEND_ROW = 2
FIRST_ROW = 4
"""The first priority row (or the centre row when there are no priorities)."""

_ROTATED = Alignment(text_rotation=90, vertical="bottom", horizontal="center", wrap_text=True)
_CENTRED = Alignment(horizontal="center", vertical="center")
_MARK_FONT = Font(name=FONT_NAME, bold=True, size=12, color="1F4E79")
_CENTRE_FILL = solid("1F4E79")
_SIDE_FILLS = {
    "west": "DDEBF7",
    "north": "E2EFDA",
    "east": "FFF2CC",
    "far_east": "FCE4D6",
    "south": "EDE7F6",
}


class XMatrixGrid:
    """Where each list of the X-matrix sits on the sheet."""

    def __init__(self, matrix: XMatrix) -> None:
        self.matrix = matrix
        self.centre_column = len(matrix.objectives) + 1
        self.centre_row = FIRST_ROW + len(matrix.priorities)

    def objective_column(self, index: int) -> int:
        return index + 1

    def measure_column(self, index: int) -> int:
        return self.centre_column + 1 + index

    def owner_column(self, index: int) -> int:
        return self.centre_column + 1 + len(self.matrix.measures) + index

    def priority_row(self, index: int) -> int:
        return FIRST_ROW + index

    def strategic_row(self, index: int) -> int:
        return self.centre_row + 1 + index

    @property
    def last_column(self) -> int:
        return self.owner_column(len(self.matrix.owners)) - 1

    @property
    def last_row(self) -> int:
        return self.strategic_row(len(self.matrix.strategic)) - 1


def build_xmatrix_sheet(build: TrackerBuild) -> None:
    matrix = build_xmatrix(build.workbook)
    grid = XMatrixGrid(matrix)
    writer = build.sheet(XMATRIX)
    ws = writer.ws
    office = build.workbook.office_title()
    writer.text(TITLE_ROW, 1, f"X-matrix of the {office}", "title")
    writer.text(
        LEGEND_ROW,
        1,
        "North: office strategy (priorities) · West: office objectives · East: measures, "
        "baseline → target, and their owners · South: company strategic objectives. "
        "● strong, ○ medium, △ weak.",
    )
    centre = grid.centre_column
    writer.text(grid.centre_row, centre, "X-matrix\n↑ priorities  ↓ company strategy", None)
    cell = ws.cell(grid.centre_row, centre)
    cell.fill, cell.font = _CENTRE_FILL, Font(name=FONT_NAME, bold=True, color="FFFFFF")
    cell.alignment = Alignment(wrap_text=True, vertical="center")

    side_labels: list[tuple[int, int, str, str]] = []
    for i, objective in enumerate(matrix.objectives):
        side_labels.append(
            (grid.centre_row, grid.objective_column(i), objective_label(objective), "west")
        )
    for i, measure in enumerate(matrix.measures):
        label = f"{measure.code}: {measure.measure} {measure.target_text}".strip(": ")
        side_labels.append((grid.centre_row, grid.measure_column(i), label, "east"))
    for i, owner in enumerate(matrix.owners):
        side_labels.append((grid.centre_row, grid.owner_column(i), owner, "far_east"))
    for row, column, label, side in side_labels:
        _label(writer, row, column, label, side, rotated=True)
    for i, item in enumerate(matrix.priorities):
        label = f"{priority_label(item)} ({item.kind.label.lower()})"
        _label(writer, grid.priority_row(i), centre, label, "north")
    for i, strategic in enumerate(matrix.strategic):
        _label(writer, grid.strategic_row(i), centre, strategic_label(strategic), "south")

    marks: list[tuple[int, int, Mark]] = []
    objective_col = {o.id: grid.objective_column(i) for i, o in enumerate(matrix.objectives)}
    measure_col = {m.objective_id: grid.measure_column(i) for i, m in enumerate(matrix.measures)}
    owner_col = {owner: grid.owner_column(i) for i, owner in enumerate(matrix.owners)}
    priority_row = {p.id: grid.priority_row(i) for i, p in enumerate(matrix.priorities)}
    strategic_row = {s.id: grid.strategic_row(i) for i, s in enumerate(matrix.strategic)}
    for (strategic_id, objective_id), mark in matrix.strategic_objective.items():
        marks.append((strategic_row[strategic_id], objective_col[objective_id], mark))
    for (item_id, objective_id), mark in matrix.priority_objective.items():
        marks.append((priority_row[item_id], objective_col[objective_id], mark))
    for (item_id, objective_id), mark in matrix.priority_measure.items():
        marks.append((priority_row[item_id], measure_col[objective_id], mark))
    for (item_id, owner), mark in matrix.priority_owner.items():
        marks.append((priority_row[item_id], owner_col[owner], mark))
    for row, column, mark in marks:
        # Unstyled first: each mark cell gets its own style (shared looks are never changed).
        writer.text(row, column, mark.value, None)
        cell = ws.cell(row, column)
        cell.font, cell.alignment = _MARK_FONT, _CENTRED

    _checks(writer, grid)
    ws.column_dimensions[get_column_letter(centre)].width = 46
    for column in range(1, grid.last_column + 1):
        if column != centre:
            ws.column_dimensions[get_column_letter(column)].width = 8
    ws.row_dimensions[grid.centre_row].height = 190
    # Title and legend stay in view; the filter's header is the centre row, so a reader can
    # filter the company strategy rows by an objective's column ("what does it support?").
    ws.freeze_panes = f"A{FIRST_ROW}"
    last_row = max(grid.last_row, grid.centre_row + 1)
    ws.auto_filter.ref = f"A{grid.centre_row}:{get_column_letter(grid.last_column)}{last_row}"
    build.print_setup(ws, header_rows=f"{TITLE_ROW}:{LEGEND_ROW}")


def _label(
    writer: SheetWriter, row: int, column: int, text: str, side: str, *, rotated: bool = False
) -> None:
    writer.text(row, column, text or "–", None)
    cell = writer.ws.cell(row, column)
    cell.fill = solid(_SIDE_FILLS[side])
    cell.alignment = _ROTATED if rotated else Alignment(wrap_text=True, vertical="top")


def _checks(writer: SheetWriter, grid: XMatrixGrid) -> None:
    ws = writer.ws
    row = grid.last_row + 2
    column = grid.centre_column
    checks = xmatrix_checks(grid.matrix)
    writer.text(row, column, "Checks", "section")
    if not checks:
        writer.text(row + 1, column, "Every objective, priority and measure is linked.")
    for offset, check in enumerate(checks, start=1):
        writer.text(row + offset, column, check.message, None)
        cell = ws.cell(row + offset, column)
        # Not wrapped: the message runs on over the empty cells to its right.
        cell.fill, cell.alignment = solid(GAP_FILL), Alignment(vertical="top")
