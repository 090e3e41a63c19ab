"""The Objectives and Alignment sheets of the tracker.

Objectives is one Excel table of this year's active objectives. Owners edit the status
(a drop-down), the quarterly actuals and the comments; latest actual and progress are
formulas, the status colour is conditional formatting and progress a data bar, so they stay
right as owners edit. The last, hidden column holds each objective's stable id, which the
import matches rows by.

Alignment is the matrix of office objectives × company strategic objectives: strength scores
(1 weak, 2 medium, 3 strong, shown as words) with a colour-scale heat map, totals per row and
column as formulas, and orphan objectives and unsupported strategic objectives highlighted.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass

from openpyxl.formatting.rule import CellIsRule, ColorScaleRule, DataBarRule, FormulaRule
from openpyxl.styles import Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from exporters.tracker_cells import (
    GAP_FILL,
    GAP_TEXT,
    LINE_HEIGHT,
    STATUS_FILLS,
    Formula,
    ListColumn,
    TrackerBuild,
    Value,
    estimated_lines,
    fit_row_height,
    set_widths,
    solid,
    write_list,
)
from exporters.tracker_layout import (
    ALIGNMENT,
    OBJECTIVE_COLUMNS,
    OBJECTIVES,
    STATUS_LIST,
    VALUE_CATEGORY_LIST,
    objective_letter,
)
from planning.enums import Direction
from planning.model import Objective, StrategicObjective, Workbook
from planning.tracker_columns import READ_ONLY_KEYS, exported_value
from planning.tracker_columns import strategic_label as contract_label

UNLOCKED = Protection(locked=False)
_LOOK_OF = {
    "baseline": "number",
    "target": "number",
    "due": "date",
    "q1": "number",
    "q2": "number",
    "q3": "number",
    "q4": "number",
    "latest": "number",
    "progress": "percent",
    "value_amount": "amount",
}


def strategic_label(strategic: StrategicObjective) -> str:
    return contract_label(strategic.code, strategic.title)


def objective_label(objective: Objective) -> str:
    return objective.code.strip() or objective.title.strip() or "(no code)"


def _latest_formula() -> Formula:
    q1, q2, q3, q4 = (objective_letter(k) + "{r}" for k in ("q1", "q2", "q3", "q4"))
    return Formula(
        f"=IF(ISNUMBER({q4}),{q4},IF(ISNUMBER({q3}),{q3},"
        f'IF(ISNUMBER({q2}),{q2},IF(ISNUMBER({q1}),{q1},""))))'
    )


def _progress_formula(objective: Objective) -> Formula:
    """planning.progress.progress() as a formula, for the objective's direction; a range's
    upper end has no column of its own, so it is written into the formula."""
    latest, base, target = (objective_letter(k) + "{r}" for k in ("latest", "baseline", "target"))
    known = f"AND(ISNUMBER({latest}),ISNUMBER({target}))"
    share = f"({latest}-{base})/({target}-{base})"
    direction = objective.direction
    if direction is Direction.RANGE:
        if objective.target_max is None:
            return Formula('=""')
        lo, hi = (
            f"MIN({target},{objective.target_max!r})",
            f"MAX({target},{objective.target_max!r})",
        )
        towards = f"({latest}-{base})/(IF({latest}<{lo},{lo},{hi})-{base})"
        return Formula(
            f"=IF({known},IF(AND({latest}>={lo},{latest}<={hi}),1,"
            f"IF(NOT(ISNUMBER({base})),0,IF(AND({base}>={lo},{base}<={hi}),0,"
            f'IF(({base}<{lo})<>({latest}<{lo}),0,{towards})))),"")'
        )
    if direction in (Direction.AT_LEAST, Direction.AT_MOST):
        held, short = (">=", "<") if direction is Direction.AT_LEAST else ("<=", ">")
        past = ">" if short == "<" else "<"
        return Formula(
            f"=IF({known},IF({latest}{held}{target},1,IF(ISNUMBER({base}),"
            f'IF({base}{short}{target},{share},IF({base}{past}{target},0,"")),"")),"")'
        )
    wrong = f"{target}<{base}" if direction is Direction.UP else f"{target}>{base}"
    return Formula(
        f'=IF(AND({known},ISNUMBER({base})),IF(OR({target}={base},{wrong}),"",{share}),"")'
    )


def _objective_row(
    workbook: Workbook,
    objective: Objective,
    latest: Formula,
    names: dict[str, str],
    linked: dict[str, set[str]],
) -> list[Value]:
    supported = linked.get(objective.id, set())
    supports = [strategic_label(s) for s in workbook.strategy if s.id in supported]
    # The contract says what each column holds, so the import compares with the same values.
    values: dict[str, Value] = {
        c.key: exported_value(workbook, objective, c.key, names=names, supported=supports)
        for c in OBJECTIVE_COLUMNS
    }
    values["latest"] = latest
    values["progress"] = _progress_formula(objective)
    return [values[c.key] for c in OBJECTIVE_COLUMNS]


def build_objectives(build: TrackerBuild) -> None:
    workbook = build.workbook
    writer = build.sheet(OBJECTIVES)
    ws = writer.ws
    latest = _latest_formula()
    objectives = workbook.active_objectives()
    names = {c.id: c.name for c in workbook.constituents}
    linked: dict[str, set[str]] = {}
    for link in workbook.alignment:
        linked.setdefault(link.objective_id, set()).add(link.strategic_id)
    rows = [_objective_row(workbook, o, latest, names, linked) for o in objectives]
    columns = [
        ListColumn(c.header, "wrap" if c.wrap else _LOOK_OF.get(c.key, "text"), c.width)
        for c in OBJECTIVE_COLUMNS
    ]
    editable = [i for i, c in enumerate(OBJECTIVE_COLUMNS, start=1) if c.editable]
    write_list(writer, "ObjectivesTable", columns, rows, freeze="C2", editable=editable)
    ws.column_dimensions[objective_letter("row_id")].hidden = True
    last = max(len(rows), 1) + 1
    _unlock_editable(ws, editable, last)

    status = f"{objective_letter('status')}2:{objective_letter('status')}{last}"
    for label, colour in STATUS_FILLS.items():
        ws.conditional_formatting.add(
            status, CellIsRule(operator="equal", formula=[f'"{label}"'], fill=solid(colour))
        )
    progress_range = f"{objective_letter('progress')}2:{objective_letter('progress')}{last}"
    ws.conditional_formatting.add(
        progress_range,
        DataBarRule(start_type="num", start_value=0, end_type="num", end_value=1, color="5B9BD5"),
    )

    status_check = DataValidation(
        type="list",
        formula1=STATUS_LIST,
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="Status",
        error="Choose a status from the list.",
    )
    status_check.add(status)
    category = objective_letter("value_category")
    category_check = DataValidation(
        type="list",
        formula1=VALUE_CATEGORY_LIST,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Value category",
        error="Choose a value category from the list.",
    )
    category_check.add(f"{category}2:{category}{last}")
    number_check = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1E+15",
        formula2="1E+15",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Actual",
        error="Enter the quarter's actual as a number, in the objective's unit.",
    )
    number_check.add(f"{objective_letter('q1')}2:{objective_letter('q4')}{last}")
    amount = objective_letter("value_amount")
    number_check.add(f"{amount}2:{amount}{last}")
    # A soft lock that leaves sorting alone (sheet protection would not): typing in a column
    # that comes from the workbook is refused with a reason. Pasting gets past it; the
    # import reports such a change instead of applying it.
    guard = DataValidation(
        type="custom",
        formula1="FALSE",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="From the workbook",
        error=(
            "This column comes from the workbook: change it there. The import reports a "
            "change here and does not apply it."
        ),
    )
    for key in (*READ_ONLY_KEYS, "row_id"):
        letter = objective_letter(key)
        guard.add(f"{letter}2:{letter}{last}")
    for check in (status_check, category_check, number_check, guard):
        ws.add_data_validation(check)
    # Paper and scale: tracker.finish_printing (one paper size on every sheet; this wide
    # sheet prints across pages with Code and Objective repeated).
    build.print_setup(ws)


def _unlock_editable(ws: Worksheet, editable: list[int], last: int) -> None:
    """Owners' cells are unlocked, so a leader who protects the sheet (Review → Protect
    Sheet, no password needed) leaves exactly them editable. The export does not protect
    it: Excel cannot sort a protected table holding locked cells, and owners sort; the
    import reports a change to any other column instead of applying it."""
    for column in editable:
        for row in range(2, last + 1):
            cell = ws.cell(row, column)
            # The sheet writer shares one style array between cells of a look: copy it,
            # or unlocking one cell would unlock every cell of that look.
            cell._style = copy(cell._style)
            cell.protection = UNLOCKED


@dataclass(frozen=True)
class AlignmentLayout:
    """Where the Alignment sheet puts things, so other sheets' formulas can point there."""

    objectives: int
    strategic: int

    @property
    def last_objective_row(self) -> int:
        return self.objectives + 1

    @property
    def total_row(self) -> int:
        return self.objectives + 2

    @property
    def supported_row(self) -> int:
        return self.objectives + 3

    @property
    def gap_row(self) -> int:
        return self.objectives + 4

    def strategic_column(self, index: int) -> int:
        return 3 + index

    @property
    def total_column(self) -> int:
        return 3 + self.strategic

    @property
    def count_column(self) -> int:
        return 4 + self.strategic

    @property
    def gap_column(self) -> int:
        return 5 + self.strategic

    def strategic_cells(self, row: int) -> str | None:
        """The strategic columns of `row` as a range, None when there are none."""
        if not self.strategic:
            return None
        first = get_column_letter(self.strategic_column(0))
        last = get_column_letter(self.strategic_column(self.strategic - 1))
        return f"{first}{row}:{last}{row}"

    def objective_cells(self, column: int) -> str | None:
        if not self.objectives:
            return None
        letter = get_column_letter(column)
        return f"{letter}2:{letter}{self.last_objective_row}"


# Lines of a strategic objective's title the Alignment header shows; a longer title is cut.
_MAX_HEADER_LINES = 16


def alignment_layout(workbook: Workbook) -> AlignmentLayout:
    return AlignmentLayout(len(workbook.active_objectives()), len(workbook.strategy))


def build_alignment(build: TrackerBuild) -> None:
    workbook = build.workbook
    layout = alignment_layout(workbook)
    writer = build.sheet(ALIGNMENT)
    ws = writer.ws
    strategy = workbook.strategy
    headers = ["Code", "Objective"]
    headers += [
        f"{strategic_label(s)}\n{s.title}"
        if s.code.strip() and s.title.strip()
        else strategic_label(s)
        for s in strategy
    ]
    headers += ["Total strength", "Company objectives supported", "Gap"]
    writer.header(1, ["Code", "Objective"])
    for column, text in enumerate(headers[2:], start=3):
        writer.text(1, column, text, "header")
    scores = {
        (link.objective_id, link.strategic_id): link.strength.score for link in workbook.alignment
    }
    for row, objective in enumerate(workbook.active_objectives(), start=2):
        writer.text(row, 1, objective.code, "label")
        writer.text(row, 2, objective.title, "wrap")
        for index, strategic in enumerate(strategy):
            score = scores.get((objective.id, strategic.id))
            if score is not None:  # an empty cell stays unwritten: 500 × 40 adds up
                writer.value(row, layout.strategic_column(index), score, "strength")
        cells = layout.strategic_cells(row)
        writer.formula(row, layout.total_column, f"=SUM({cells})" if cells else "=0", "total")
        writer.formula(row, layout.count_column, f"=COUNT({cells})" if cells else "=0", "total")
        count = f"{get_column_letter(layout.count_column)}{row}"
        writer.formula(
            row,
            layout.gap_column,
            f'=IF({count}=0,"Orphan: supports no company objective","")',
            "wrap",
        )

    labels = {
        layout.total_row: "Total strength",
        layout.supported_row: "Office objectives supporting",
        layout.gap_row: "Gap",
    }
    for row, label in labels.items():
        writer.text(row, 2, label, "label")
    for index in range(len(strategy)):
        column = layout.strategic_column(index)
        cells = layout.objective_cells(column)
        writer.formula(layout.total_row, column, f"=SUM({cells})" if cells else "=0", "total")
        writer.formula(layout.supported_row, column, f"=COUNT({cells})" if cells else "=0", "total")
        supported = f"{get_column_letter(column)}{layout.supported_row}"
        writer.formula(layout.gap_row, column, f'=IF({supported}=0,"Unsupported","")', "wrap")

    last_column = get_column_letter(layout.gap_column)
    ws.auto_filter.ref = f"A1:{last_column}{max(layout.last_objective_row, 2)}"
    ws.freeze_panes = "C2"
    widths = [10, 40, *([14] * len(strategy)), 11, 15, 22]
    set_widths(ws, widths)
    # A company objective's title wraps in its narrow column: the row grows to show it
    # (less the filter button's room), from the old fixed four lines up to a cap that
    # keeps the matrix itself on the first printed page.
    header_lines = max(estimated_lines(h, w - 3) for h, w in zip(headers, widths, strict=True))
    ws.row_dimensions[1].height = min(max(header_lines, 4), _MAX_HEADER_LINES) * LINE_HEIGHT
    for row, objective in enumerate(workbook.active_objectives(), start=2):
        fit_row_height(ws, row, [(objective.title, 40)])
    _highlight_gaps(build, layout)
    build.print_setup(ws)


def _highlight_gaps(build: TrackerBuild, layout: AlignmentLayout) -> None:
    ws = build.book[ALIGNMENT]
    if layout.strategic and layout.objectives:
        first = get_column_letter(layout.strategic_column(0))
        last = get_column_letter(layout.strategic_column(layout.strategic - 1))
        ws.conditional_formatting.add(
            f"{first}2:{last}{layout.last_objective_row}",
            ColorScaleRule(
                start_type="num",
                start_value=1,
                start_color="DDEBF7",
                mid_type="num",
                mid_value=2,
                mid_color="9BC2E6",
                end_type="num",
                end_value=3,
                end_color="2F75B5",
            ),
        )
        # A strategic objective no office objective supports: its header turns red.
        ws.conditional_formatting.add(
            f"{first}1:{last}1",
            FormulaRule(
                formula=[f"{first}${layout.supported_row}=0"],
                fill=solid(GAP_FILL),
                font=Font(color=GAP_TEXT, bold=True),
            ),
        )
    if layout.objectives:
        count = get_column_letter(layout.count_column)
        ws.conditional_formatting.add(
            f"A2:B{layout.last_objective_row}",
            FormulaRule(formula=[f"${count}2=0"], fill=solid(GAP_FILL)),
        )
