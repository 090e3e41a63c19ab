"""The tracker's progress formula gives planning.progress's answer for every direction,
recalculated by LibreOffice ("cycle time 30 → 20 days" is 50 % done at 25)."""

from __future__ import annotations

import warnings

import openpyxl
import pytest
from clean_workbook import clean_workbook
from conftest import convert_with_libreoffice

from exporters.tracker import write_tracker
from exporters.tracker_layout import objective_column
from planning.enums import Direction
from planning.model import Objective
from planning.progress import progress

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

CASES = [
    (Direction.DOWN, 30, 20, None, 25),
    (Direction.DOWN, 30, 20, None, 32),
    (Direction.UP, 30, 20, None, 25),
    (Direction.UP, 58, 75, None, 66.5),
    (Direction.AT_LEAST, 80, 95, None, 96),
    (Direction.AT_LEAST, 80, 95, None, 87.5),
    (Direction.AT_LEAST, 99, 95, None, 90),
    (Direction.AT_MOST, 10, 5, None, 7.5),
    (Direction.AT_MOST, 10, 5, None, 4),
    (Direction.RANGE, 10, 20, 30, 15),
    (Direction.RANGE, 40, 30, 20, 35),
    (Direction.RANGE, 25, 20, 30, 35),
    (Direction.RANGE, 10, 20, 30, 25),
    (Direction.RANGE, 10, 20, None, 25),
]


def test_progress_formula_matches_planning_for_every_direction(soffice, tmp_path) -> None:
    workbook = clean_workbook()
    template = workbook.objectives[0]
    workbook.objectives = [
        template.model_copy(
            update={
                "id": f"case-{index}",
                "code": f"D-{index}",
                "direction": direction,
                "baseline": baseline,
                "target": target,
                "target_max": top,
                "actuals": [None, value, None, None],
            }
        )
        for index, (direction, baseline, target, top, value) in enumerate(CASES)
    ]
    source = tmp_path / "tracker.xlsx"
    write_tracker(workbook, source)
    converted = convert_with_libreoffice(soffice, source, "xlsx", tmp_path / "out")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        ws = openpyxl.load_workbook(converted, data_only=True)["Objectives"]
    rows = {ws.cell(r, objective_column("row_id")).value: r for r in range(2, ws.max_row + 1)}
    for objective in workbook.objectives:
        shown = ws.cell(rows[objective.id], objective_column("progress")).value
        expected = progress(objective, objective.latest_actual())
        assert isinstance(objective, Objective)
        if expected is None:
            assert shown in (None, ""), objective.code
        else:
            assert shown == pytest.approx(expected), objective.code
    down = rows["case-0"]
    assert ws.cell(down, objective_column("progress")).value == pytest.approx(0.5)
