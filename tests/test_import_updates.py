"""Planning the tracker import without any spreadsheet: rows of raw values against the
workbook give changes old → new and problems; applying them changes only those fields."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from exporters.tracker_layout import EDITABLE_KEYS, OBJECTIVE_COLUMNS
from planning.enums import ObjectiveStatus
from planning.fileformat import dumps
from planning.model import Objective, new_workbook
from planning.tracker_updates import (
    EDITABLE_FIELDS,
    TrackerRow,
    apply_updates,
    plan_updates,
    shown,
)


@pytest.fixture
def workbook():
    wb = new_workbook("Org", "FY1")
    wb.objectives = [
        Objective(code="A", title="Alpha", actuals=[1.0, None, None, None], comments="note"),
        Objective(code="B", title="Beta", status=ObjectiveStatus.ON_TRACK),
    ]
    return wb


def _row(objective, number=2, **cells):
    base = {
        "status": objective.status.label,
        "q1": objective.actuals[0],
        "q2": objective.actuals[1],
        "q3": objective.actuals[2],
        "q4": objective.actuals[3],
        "comments": objective.comments or None,
    }
    base.update(cells)
    return TrackerRow(number, objective.id, objective.code, objective.title, base)


def test_editable_fields_match_the_tracker_layout():
    headers = {c.key: c.header for c in OBJECTIVE_COLUMNS}
    assert tuple(EDITABLE_FIELDS) == EDITABLE_KEYS
    assert all(headers[key] == header for key, header in EDITABLE_FIELDS.items())


def test_unchanged_rows_bring_nothing(workbook):
    a, b = workbook.objectives
    plan = plan_updates(workbook, [_row(b, 2), _row(a, 3)])
    assert plan.changes == [] and plan.problems == [] and plan.rows_matched == 2


@pytest.mark.parametrize(
    "raw, expected",
    [
        (5, 5.0),
        (5.25, 5.25),
        ("12", 12.0),
        (" -3.5 ", -3.5),
        ("1e3", 1000.0),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_numbers_accepted(workbook, raw, expected):
    b = workbook.objectives[1]
    plan = plan_updates(workbook, [_row(workbook.objectives[0]), _row(b, 3, q2=raw)])
    assert plan.problems == []
    assert [(c.field, c.new) for c in plan.changes] == (
        [] if expected is None else [("q2", expected)]
    )


@pytest.mark.parametrize(
    "raw, message",
    [
        ("about 40", "not text"),
        (True, "not TRUE/FALSE"),
        (date(2027, 3, 1), "not a date"),
        (float("inf"), "not a finite number"),
        ("12,5", "not text"),
    ],
)
def test_numbers_refused(workbook, raw, message):
    a, b = workbook.objectives
    plan = plan_updates(workbook, [_row(a), _row(b, 3, q3=raw, comments="kept")])
    [problem] = plan.problems
    assert (problem.row, problem.column, problem.code) == (3, "Q3 actual", "B")
    assert message in problem.message and problem.value == shown(raw)
    # The row's other cells still count.
    assert [(c.field, c.new) for c in plan.changes] == [("comments", "kept")]


def test_status_by_label_or_value_any_case(workbook):
    a, b = workbook.objectives
    plan = plan_updates(workbook, [_row(a, status="at RISK"), _row(b, 3, status="off_track")])
    assert [(c.code, c.old, c.new) for c in plan.changes] == [
        ("A", ObjectiveStatus.NOT_STARTED, ObjectiveStatus.AT_RISK),
        ("B", ObjectiveStatus.ON_TRACK, ObjectiveStatus.OFF_TRACK),
    ]
    plan = plan_updates(workbook, [_row(a, status=None), _row(b, 3, status=3)])
    assert [(p.row, p.column, p.value) for p in plan.problems] == [
        (2, "Status", "(empty)"),
        (3, "Status", "3"),
    ]


def test_blank_rows_are_ignored_and_missing_rows_reported(workbook):
    a, b = workbook.objectives
    blank = TrackerRow(9, "", None, "  ", {"status": None, "comments": ""})
    plan = plan_updates(workbook, [_row(a), blank])
    assert [p.describe() for p in plan.problems] == [
        'B "Beta" is missing from the tracker (row deleted?); its values are left as they are'
    ]
    b.status = ObjectiveStatus.RETIRED  # an inactive objective is not expected in the tracker
    assert plan_updates(workbook, [_row(a)]).problems == []


def test_comments_compare_with_what_the_export_wrote(workbook):
    a, b = workbook.objectives
    a.comments = "bell\x07"
    row = _row(a, comments="bell\ufffd")
    plan = plan_updates(
        workbook, [row, _row(b, 3)], as_exported=lambda text: text.replace("\x07", "\ufffd")
    )
    assert plan.changes == []
    plan = plan_updates(workbook, [_row(a, comments=None), _row(b, 3, comments=42.0)])
    assert [(c.code, c.old, c.new) for c in plan.changes] == [
        ("A", "bell\x07", ""),
        ("B", "", "42"),
    ]


def test_apply_changes_only_the_planned_fields(workbook):
    a, b = workbook.objectives
    before = workbook.model_copy(deep=True)
    plan = plan_updates(
        workbook,
        [
            _row(a, q1=None, q4="7", status="Achieved"),
            replace(_row(b, 3, comments="new"), title="Renamed"),
        ],
    )
    assert [c.describe() for c in plan.changes] == [
        "A Status: Not started → Achieved",
        "A Q1 actual: 1 → (empty)",
        "A Q4 actual: (empty) → 7",
        'B Comments: (empty) → "new"',
    ]
    assert [p.describe() for p in plan.problems] == [
        'row 3 (B), Objective: changed in the tracker from "Beta"; not imported (change it in '
        'the workbook) (found "Renamed")'
    ]
    assert apply_updates(workbook, plan) == 4
    before.objectives[0].status = ObjectiveStatus.ACHIEVED
    before.objectives[0].actuals = [None, None, None, 7.0]
    before.objectives[1].comments = "new"
    assert dumps(workbook) == dumps(before)
    assert plan.summary() == "2 objectives matched, 4 changes, 1 problem."


def test_apply_is_all_or_nothing(workbook):
    """Issue 16 item 8: one change that cannot be applied leaves every objective as it was."""
    from planning.tracker_updates import FieldChange, ImportPlan, ImportRefused

    a, b = workbook.objectives
    before = dumps(workbook)
    plan = ImportPlan(
        [
            FieldChange(a.id, "A", "q2", None, 5.0, 2),
            FieldChange(b.id, "B", "q1", None, float("inf"), 3),
        ],
        [],
        2,
    )
    with pytest.raises(ImportRefused, match="nothing is imported"):
        apply_updates(workbook, plan)
    assert dumps(workbook) == before


def test_a_row_id_naming_another_code_and_title_is_not_an_update(workbook):
    a, b = workbook.objectives
    swapped = replace(_row(b, 2, status="Achieved"), code="A", title="Alpha")
    plan = plan_updates(workbook, [swapped, replace(_row(a, 3), code="B", title="Beta")])
    assert plan.changes == []
    assert [p.describe() for p in plan.problems] == [
        f'row 2, Row id: this Row id belongs to B "Beta", but the row shows "A" "Alpha" (Row '
        f'ids swapped or edited?); the row is not imported (found "{b.id}")',
        f'row 3, Row id: this Row id belongs to A "Alpha", but the row shows "B" "Beta" (Row '
        f'ids swapped or edited?); the row is not imported (found "{a.id}")',
    ]
    # One of the two changed (a renamed title) is a problem of that column only.
    plan = plan_updates(workbook, [replace(_row(b, 2, status="Achieved"), title="Renamed")])
    assert [c.describe() for c in plan.changes] == ["B Status: On track → Achieved"]


def test_a_row_of_a_closed_objective_changes_nothing(workbook):
    a, b = workbook.objectives
    b.status = ObjectiveStatus.RETIRED
    untouched = plan_updates(workbook, [_row(a), _row(b, 3)])
    assert (untouched.changes, untouched.problems) == ([], [])
    plan = plan_updates(workbook, [_row(a), _row(b, 3, status="Off track", q1=4)])
    assert plan.changes == []
    assert [p.describe() for p in plan.problems] == [
        f'row 3 (B), Row id: B "Beta" is closed (retired) and was not in the exported '
        f'tracker; the row is not imported (found "{b.id}")'
    ]


@pytest.mark.parametrize(
    "stored, read_back",
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("lit _x005F_x0041_", "lit _x0041_"),
        ("_x0041_", "A"),
        ("_x000D_", "\n"),
    ],
)
def test_spreadsheet_line_endings_and_escapes_are_not_changes(workbook, stored, read_back):
    a, b = workbook.objectives
    a.comments = stored
    plan = plan_updates(workbook, [_row(a, comments=read_back), _row(b, 3)])
    assert (plan.changes, plan.problems) == ([], [])
    # A real edit still is one.
    [change] = plan_updates(workbook, [_row(a, comments=read_back + "!"), _row(b, 3)]).changes
    assert change.new == read_back + "!"
