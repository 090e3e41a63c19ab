"""The tracker's column contract (planning.tracker_columns) is the one definition the export,
the import and docs/TRACKER.md agree on; every column an owner may edit is imported, every
other one is reported when changed; a tracker made before this contract (format 1, the
fixture made by the exporter of the time) still imports."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

import main
from exporters.tracker import tracker_bytes, write_tracker
from exporters.tracker_import import prepare_import, read_tracker
from exporters.tracker_layout import OBJECTIVE_COLUMNS as LAYOUT
from exporters.tracker_layout import objective_column
from planning.enums import ValueCategory
from planning.fileformat import load_workbook, save_workbook
from planning.tracker_columns import (
    EDITABLE_KEYS,
    OBJECTIVE_COLUMNS,
    READ_ONLY_KEYS,
    column_table,
    exported_value,
)
from planning.tracker_updates import shown

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
V1_TRACKER = FIXTURES / "tracker-v1.xlsx"
V1_WORKBOOK = FIXTURES / "tracker-v1-workbook.pmowb"


def test_export_writes_the_contract_columns_in_order(later_sample):
    data, _notes = tracker_bytes(later_sample, today=date(2027, 1, 1))
    ws = openpyxl.load_workbook(io.BytesIO(data))["Objectives"]
    headers = [ws.cell(1, c).value for c in range(1, ws.max_column + 1)]
    assert headers == [c.header for c in OBJECTIVE_COLUMNS]
    assert [(c.key, c.header, c.editable) for c in LAYOUT] == [
        (c.key, c.header, c.editable) for c in OBJECTIVE_COLUMNS
    ]
    # Typing in a column from the workbook is refused (sorting still works); owners' columns
    # take input.
    guarded = set()
    for check in ws.data_validations.dataValidation:
        if check.type == "custom" and check.formula1 == "FALSE":
            assert check.showErrorMessage and "comes from the workbook" in check.error
            guarded |= {c for r in check.sqref.ranges for c in (r.min_col, r.max_col)}
    assert guarded == {objective_column(k) for k in (*READ_ONLY_KEYS, "row_id")}
    # Owners' cells are unlocked (ready for a leader who protects the sheet), others locked.
    for key in (c.key for c in OBJECTIVE_COLUMNS):
        locked = ws.cell(2, objective_column(key)).protection.locked
        assert locked is (key not in EDITABLE_KEYS), key


def test_export_writes_exported_value_and_import_reads_every_column(later_sample, tmp_path):
    """Export and import agree on every column: what the export writes in each column of
    an objective's row is what the contract says, and the import reads every column but
    the key ones into the row it plans from."""
    path = tmp_path / "t.xlsx"
    write_tracker(later_sample, path)
    [row, *_] = read_tracker(path).rows
    objective = later_sample.objective(row.row_id)
    assert set(row.cells) == {c.key for c in OBJECTIVE_COLUMNS} - {"row_id", "code", "title"}
    for key in (*READ_ONLY_KEYS, *EDITABLE_KEYS):
        if key in ("code", "title"):
            continue
        written = row.cells[key]
        expected = exported_value(later_sample, objective, key)
        if hasattr(written, "date"):
            written = written.date()
        assert (written or None) == (expected or None), key


def test_docs_column_table_is_the_contract():
    docs = (ROOT / "docs" / "TRACKER.md").read_text(encoding="utf-8")
    assert column_table() in docs, (
        "docs/TRACKER.md's column table differs from planning.tracker_columns; paste "
        "`python -c 'from planning.tracker_columns import column_table; "
        "print(column_table())'` into it"
    )


def _edit(path: Path, objective_id: str, **values) -> None:
    book = openpyxl.load_workbook(path)
    ws = book["Objectives"]
    row = next(
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(r, objective_column("row_id")).value == objective_id
    )
    for key, value in values.items():
        ws.cell(row, objective_column(key)).value = value
    book.save(path)


def test_value_category_and_amount_are_imported(later_sample, tmp_path, capsys):
    """Issue 11 item 6: Value category had a drop-down and was silently not imported."""
    workbook_path = tmp_path / "wb.pmowb"
    save_workbook(later_sample, workbook_path)
    path = tmp_path / "t.xlsx"
    write_tracker(later_sample, path)
    target = later_sample.active_objectives()[2]
    _edit(path, target.id, value_category="Risk reduced", value_amount=125000)
    assert main.main(["import-tracker", str(workbook_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{target.code} Value category: {shown(target.value_category)} → Risk reduced" in out
    assert f"{target.code} Value amount: {shown(target.value_amount)} → 125000" in out
    changed = load_workbook(workbook_path).objective(target.id)
    assert changed.value_category is ValueCategory.RISK_REDUCED
    assert changed.value_amount == 125000.0


@pytest.mark.parametrize(
    "key, value, column",
    [
        ("target", 999, "Target"),
        ("baseline", "n/a", "Baseline"),
        ("due", date(2031, 1, 1), "Due date"),
        ("owner", "Someone else", "Owner"),
        ("measure", "Another measure", "Measure"),
        ("unit", "kg", "Unit"),
        ("supports", "CS-9", "Supports"),
        ("constituents", "Nobody", "Constituents"),
    ],
)
def test_a_changed_read_only_column_is_reported_not_applied(
    later_sample, tmp_path, key, value, column
):
    """Issue 11 item 6: changing Target was silently ignored."""
    path = tmp_path / "t.xlsx"
    write_tracker(later_sample, path)
    objective = later_sample.active_objectives()[0]
    _edit(path, objective.id, **{key: value})
    plan = prepare_import(later_sample, path)
    assert plan.changes == []
    [problem] = plan.problems
    assert (problem.row, problem.column, problem.code) == (2, column, objective.code)
    assert problem.message.startswith("changed in the tracker from ")
    assert problem.message.endswith("not imported (change it in the workbook)")


def test_a_tracker_made_before_the_contract_imports_unchanged():
    """The format-1 tracker made by the exporter owners hold today: untouched, it brings
    nothing."""
    workbook = load_workbook(V1_WORKBOOK)
    plan = prepare_import(workbook, V1_TRACKER)
    assert plan.rows_matched == len(workbook.active_objectives())
    assert (plan.changes, plan.problems) == ([], [])


def test_an_edited_format_1_tracker_imports_its_edits(tmp_path):
    workbook = load_workbook(V1_WORKBOOK)
    path = tmp_path / "v1.xlsx"
    shutil.copyfile(V1_TRACKER, path)
    first = workbook.active_objectives()[0]
    _edit(path, first.id, status="Achieved", q3=81, value_category="Cost avoided")
    plan = prepare_import(workbook, path)
    assert [c.describe() for c in plan.changes] == [
        f"{first.code} Status: On track → Achieved",
        f"{first.code} Q3 actual: (empty) → 81",
        f"{first.code} Value category: {shown(first.value_category)} → Cost avoided",
    ]
    assert plan.problems == []


def test_a_column_an_older_tracker_lacks_is_simply_not_read(tmp_path):
    workbook = load_workbook(V1_WORKBOOK)
    path = tmp_path / "v1.xlsx"
    shutil.copyfile(V1_TRACKER, path)
    first = workbook.active_objectives()[0]
    _edit(path, first.id, q2=64)
    book = openpyxl.load_workbook(path)
    ws = book["Objectives"]
    for key in ("value_amount", "value_category", "target"):  # right to left
        ws.delete_cols(objective_column(key))
    book.save(path)
    plan = prepare_import(workbook, path)
    assert [c.describe() for c in plan.changes] == [
        f"{first.code} Q2 actual: {shown(first.actuals[1])} → 64"
    ]
    assert plan.problems == []


def test_overview_tells_owners_what_the_import_does_with_their_edits(later_sample):
    """The guidance matches the import: owners' columns are imported, a change to any other
    column is reported and not applied (not silently replaced at the next export)."""
    data, _notes = tracker_bytes(later_sample, today=date(2027, 1, 1))
    ws = openpyxl.load_workbook(io.BytesIO(data))["Overview"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    guidance = next(t for t in texts if t.startswith("Objective owners update"))
    editable = [c.header for c in OBJECTIVE_COLUMNS if c.key in EDITABLE_KEYS]
    assert all(header in guidance for header in editable)
    assert "replaced at the next export" not in guidance
    assert "the import reports a change to any other column and does not apply it" in guidance
