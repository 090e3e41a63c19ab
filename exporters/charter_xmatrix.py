"""The charter's X-matrix page (Hoshin kanri), an appendix built from `planning.xmatrix`.

The grid keeps the X's arrangement on a portrait page: the office strategy's priorities
above the centre row, the company strategic objectives below it; the office objectives to
the left of the centre column, their measures and owners to the right. Column heads are the
objectives' codes (a key follows the grid with the full texts), so the columns stay narrow.
A matrix too wide for a page (more than `PAGE_OBJECTIVES` objectives) is summarised here and
left whole to the tracker's X-matrix sheet. The checks close the page.
"""

from __future__ import annotations

from exporters import charter_styles as cs
from exporters import charter_words as words
from exporters.charter_writer import Cell, CellLike, CharterWriter, Run
from planning.model import Workbook
from planning.xmatrix import (
    XMatrix,
    build_xmatrix,
    objective_label,
    owner_initials,
    priority_label,
    strategic_label,
    xmatrix_checks,
)

PAGE_OBJECTIVES = 10
PAGE_ROWS = 24
CENTRE_FILL = cs.ACCENT_HEX
SIDE_FILLS = {
    "west": "DDEBF7",
    "north": "E2EFDA",
    "east": "FFF2CC",
    "far_east": "FCE4D6",
    "south": "EDE7F6",
}
_BULLET_INDENT = '<w:ind w:left="357" w:hanging="357"/>'


def xmatrix_appendix(writer: CharterWriter, workbook: Workbook) -> None:
    """The X-matrix on a page of its own, before the other appendices."""
    matrix = build_xmatrix(workbook)
    writer.page_break()
    _page(writer, matrix)
    writer.page_break()


def _page(writer: CharterWriter, matrix: XMatrix) -> None:
    writer.heading(1, "Appendix: the X-matrix")
    if matrix.is_empty():
        writer.paragraph(
            "The X-matrix links the company's strategy, the office's objectives, its "
            "priorities and their measures; it fills in as the review records them."
        )
        return
    writer.paragraph(
        "North: the office strategy's priorities. West (blue): the office objectives. East: "
        "their measures (yellow, headed by the objective's code) and the measures' owners "
        "(orange, by initials). South: the company strategic objectives. ● strong, ○ medium, "
        "△ weak. The key below the grid gives each in full."
    )
    rows = len(matrix.priorities) + len(matrix.strategic)
    if len(matrix.objectives) <= PAGE_OBJECTIVES and rows <= PAGE_ROWS:
        _grid(writer, matrix)
        _key(writer, matrix)
    else:
        writer.paragraph(
            f"The X-matrix has {words.plural(len(matrix.objectives), 'office objective')}, "
            f"{words.plural(len(matrix.priorities), 'priority', 'priorities')}, "
            f"{words.plural(len(matrix.measures), 'measure')} and "
            f"{words.plural(len(matrix.strategic), 'company strategic objective')}: too many "
            "for a page. The tracker's X-matrix sheet holds it whole."
        )
    _checks(writer, matrix)


def _short(code: str, fallback: str) -> str:
    code = code.strip()
    return code if code and len(code) <= 10 else fallback


def _grid(writer: CharterWriter, matrix: XMatrix) -> None:
    heads = [_short(o.code, f"O{i + 1}") for i, o in enumerate(matrix.objectives)]
    measure_heads = [_short(m.code, f"M{i + 1}") for i, m in enumerate(matrix.measures)]
    owners = list(matrix.owners)
    columns = [(h, 0.75) for h in heads] + [("", 1.9)]
    columns += [(h, 0.75) for h in measure_heads] + [(o, 0.5) for o in owners]
    column_of = {o.id: i for i, o in enumerate(matrix.objectives)}
    centre = len(heads)
    measure_at = {m.objective_id: centre + 1 + i for i, m in enumerate(matrix.measures)}
    owner_at = {o: centre + 1 + len(matrix.measures) + i for i, o in enumerate(owners)}

    def blank() -> list[CellLike]:
        return [""] * len(columns)

    table: list[list[CellLike]] = []
    for item in matrix.priorities:
        row = blank()
        row[centre] = Cell([priority_label(item)], fill=SIDE_FILLS["north"])
        for (item_id, objective_id), mark in matrix.priority_objective.items():
            if item_id == item.id:
                row[column_of[objective_id]] = Cell([mark.value], center=True)
        for (item_id, objective_id), mark in matrix.priority_measure.items():
            if item_id == item.id:
                row[measure_at[objective_id]] = Cell([mark.value], center=True)
        for (item_id, owner), mark in matrix.priority_owner.items():
            if item_id == item.id:
                row[owner_at[owner]] = Cell([mark.value], center=True)
        table.append(row)
    middle: list[CellLike] = [Cell([Run(h, bold=True)], fill=SIDE_FILLS["west"]) for h in heads]
    middle.append(Cell([Run("X-matrix", bold=True, color="FFFFFF")], fill=CENTRE_FILL, center=True))
    middle += [Cell([Run(h, bold=True)], fill=SIDE_FILLS["east"]) for h in measure_heads]
    middle += [
        Cell([Run(owner_initials(o), bold=True)], fill=SIDE_FILLS["far_east"]) for o in owners
    ]
    table.append(middle)
    for strategic in matrix.strategic:
        row = blank()
        row[centre] = Cell([strategic_label(strategic)], fill=SIDE_FILLS["south"])
        for (strategic_id, objective_id), mark in matrix.strategic_objective.items():
            if strategic_id == strategic.id:
                row[column_of[objective_id]] = Cell([mark.value], center=True)
        table.append(row)
    writer.table(columns, table, header=False)


def _key(writer: CharterWriter, matrix: XMatrix) -> None:
    rows: list[list[CellLike]] = []
    for i, objective in enumerate(matrix.objectives):
        measure = next((m for m in matrix.measures if m.objective_id == objective.id), None)
        rows.append(
            [
                _short(objective.code, f"O{i + 1}"),
                objective_label(objective),
                f"{measure.measure}: {measure.target_text}" if measure else "no measure",
                objective.owner.strip() or words.DASH,
            ]
        )
    writer.table([("Code", 0.9), ("Objective", 3.0), ("Measure", 3.0), ("Owner", 1.3)], rows)


def _checks(writer: CharterWriter, matrix: XMatrix) -> None:
    checks = xmatrix_checks(matrix)
    writer.heading(2, "X-matrix checks")
    if not checks:
        writer.paragraph(
            "Every office objective supports the company's strategy, every priority serves an "
            "objective with a measure, and every measure has an owner."
        )
        return
    for check in checks:
        writer.paragraph("•\t", check.message, extra_ppr=_BULLET_INDENT)
