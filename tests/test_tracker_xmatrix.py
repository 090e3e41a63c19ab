"""The tracker's X-matrix sheet: its marks are the workbook's alignment strengths and
strategy links, found by the labels a reader sees (not by positions the exporter chose)."""

from __future__ import annotations

import io

import openpyxl
import pytest

from exporters.tracker import tracker_bytes
from planning.model import Objective, StrategicObjective, StrategyItem, new_workbook
from planning.xmatrix import objective_label, priority_label, strategic_label

MARKS = {"strong": "●", "medium": "○", "weak": "△"}


def _sheet(workbook):
    data, _notes = tracker_bytes(workbook)
    return openpyxl.load_workbook(io.BytesIO(data))["X-matrix"]


def _grid(ws):
    """(row labels → row, column labels → column, mark cells) read off the sheet: the
    centre cell says "X-matrix"; labels run along its row and its column."""
    centre = next(
        c for row in ws.iter_rows() for c in row if str(c.value or "").startswith("X-matrix\n")
    )
    columns = {
        ws.cell(centre.row, col).value: col
        for col in range(1, ws.max_column + 1)
        if col != centre.column and ws.cell(centre.row, col).value
    }
    rows = {
        ws.cell(row, centre.column).value: row
        for row in range(1, ws.max_row + 1)
        if row != centre.row and ws.cell(row, centre.column).value
    }
    marks = {
        (c.row, c.column): c.value
        for row in ws.iter_rows()
        for c in row
        if c.value in ("●", "○", "△")
    }
    return centre, rows, columns, marks


@pytest.mark.parametrize("sample", ["first_sample", "later_sample"])
def test_south_west_marks_are_the_alignment_strengths(sample, request) -> None:
    workbook = request.getfixturevalue(sample)
    centre, rows, columns, marks = _grid(_sheet(workbook))
    active = {o.id: o for o in workbook.active_objectives()}
    strategy = {s.id: s for s in workbook.strategy}
    expected = {}
    for link in workbook.alignment:
        objective = active.get(link.objective_id)
        strategic = strategy.get(link.strategic_id)
        if objective and strategic:
            cell = (rows[strategic_label(strategic)], columns[objective_label(objective)])
            expected[cell] = MARKS[link.strength.value]
    south_west = {k: v for k, v in marks.items() if k[0] > centre.row and k[1] < centre.column}
    assert south_west == expected
    assert expected, "the samples have alignment links"


def test_north_west_marks_are_the_strategy_links(later_sample) -> None:
    centre, rows, columns, marks = _grid(_sheet(later_sample))
    active = {o.id: o for o in later_sample.active_objectives()}
    expected = {}
    for item in later_sample.office_strategy:
        row = rows[f"{priority_label(item)} ({item.kind.label.lower()})"]
        for objective_id in item.objective_ids:
            if objective_id in active:
                expected[(row, columns[objective_label(active[objective_id])])] = "●"
    north_west = {k: v for k, v in marks.items() if k[0] < centre.row and k[1] < centre.column}
    assert north_west == expected
    # Each measure column carries the objective's measure and baseline → target as the
    # charter words it (a percentage unit sticks to its figures).
    assert any(str(label).startswith("PO-1: Share of closed") for label in columns)
    assert (
        "PO-1: Share of closed initiatives whose benefits review meets the business case 68% → 80%"
        in columns
    )
    assert {"Amara Okafor", "Jonas Weber", "Ravi Patel"} <= set(columns)


def test_checks_are_listed_under_the_grid(later_sample) -> None:
    ws = _sheet(later_sample)
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Measure of PO-4 (Closed projects with a benefits review) has no owner." in texts
    assert (
        "Objective PF-3 Portfolio dashboard for executives has no mark against any company "
        "strategic objective." in texts
    )


def test_hostile_labels_stay_text_and_empty_workbook_has_the_sheet() -> None:
    wb = new_workbook()
    wb.strategy = [StrategicObjective(code="=CS", title="@risk")]
    objective = Objective(code="=1+1", title="-x", measure="+m", owner="=owner")
    wb.objectives = [objective]
    wb.office_strategy = [StrategyItem(title="=cmd|", objective_ids=[objective.id])]
    ws = _sheet(wb)
    cells = [c for row in ws.iter_rows() for c in row if c.value]
    assert all(c.data_type == "s" for c in cells)
    assert "=1+1 -x" in [c.value for c in cells]
    empty = _sheet(new_workbook())
    assert empty["A1"].value == "X-matrix of the Management Office"
