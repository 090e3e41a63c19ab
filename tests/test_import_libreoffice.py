"""A tracker saved by LibreOffice imports too: converted with LibreOffice headless (shared
strings, integers, LibreOffice's own table and validation markup), unchanged it brings no
change and no problem; edited, it brings exactly the edits.

Issue 16 item 10: LibreOffice turns CR into LF and unwraps one level of `_x005F_` escaping
when it re-saves; an untouched tracker reported those as changes. The texts below carry
both, in an editable column (Comments) and in compared ones (Objective, Measure)."""

from __future__ import annotations

import warnings

import openpyxl
import pytest
from conftest import convert_with_libreoffice

from exporters.tracker import write_tracker
from exporters.tracker_import import prepare_import
from exporters.tracker_layout import objective_column
from planning.enums import ObjectiveStatus
from planning.tracker_updates import apply_updates

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


@pytest.fixture(scope="module")
def saved_by_libreoffice(soffice, tmp_path_factory):
    from conftest import LATER_SAMPLE

    from planning.fileformat import load_workbook

    workbook = load_workbook(LATER_SAMPLE)
    active = workbook.active_objectives()
    active[0].comments = "Benefits _x0041_ review & sign-off"
    active[1].comments = "Windows line\r\nold Mac line\rUnix line\nend"
    active[3].comments = "literal _x005F_x0041_ and _x005f_ and _x000D_ stay"
    active[3].title = "A title typed\r\non two lines"
    active[4].measure = "_x005F_x0041_ in a measure"
    folder = tmp_path_factory.mktemp("lo_import")
    source = folder / "export" / "tracker.xlsx"
    source.parent.mkdir()
    write_tracker(workbook, source)
    return workbook, convert_with_libreoffice(soffice, source, "xlsx", folder / "lo")


def test_unchanged_libreoffice_tracker_brings_nothing(saved_by_libreoffice):
    workbook, converted = saved_by_libreoffice
    plan = prepare_import(workbook, converted)
    assert plan.rows_matched == len(workbook.active_objectives())
    assert plan.changes == []
    assert plan.problems == []


def test_edited_libreoffice_tracker_imports(saved_by_libreoffice, tmp_path):
    workbook, converted = saved_by_libreoffice
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # LibreOffice's extensions
        book = openpyxl.load_workbook(converted)
    ws = book["Objectives"]
    target = workbook.active_objectives()[2]
    row = next(
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(r, objective_column("row_id")).value == target.id
    )
    ws.cell(row, objective_column("status")).value = "Achieved"
    ws.cell(row, objective_column("q2")).value = 88
    ws.cell(row, objective_column("comments")).value = "Done early"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    plan = prepare_import(workbook, edited)
    assert [c.describe() for c in plan.changes] == [
        f"{target.code} Status: On track → Achieved",
        f"{target.code} Q2 actual: (empty) → 88",
        f'{target.code} Comments: (empty) → "Done early"',
    ]
    assert plan.problems == []
    updated = workbook.model_copy(deep=True)
    assert apply_updates(updated, plan) == 3
    changed = updated.objective(target.id)
    assert changed.status is ObjectiveStatus.ACHIEVED
    assert changed.actuals[:2] == [40.0, 88.0]
    assert changed.comments == "Done early"
