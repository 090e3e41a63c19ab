"""The tracker round trip from the command line: export → owners edit with openpyxl →
dry run lists exactly the changes and problems and leaves the workbook byte-identical →
import applies the valid ones → the workbook reopens with them and nothing else changed.
Refused files: another workbook or year, not an xlsx, damaged, zip bomb, oversized."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

import main
from exporters import tracker_import
from exporters.tracker import write_tracker
from exporters.tracker_import import TrackerError, prepare_import
from exporters.tracker_layout import objective_column
from planning.enums import ObjectiveStatus
from planning.fileformat import dumps, load_workbook, save_workbook

ID = objective_column("row_id")


@pytest.fixture
def exported(later_sample, tmp_path) -> tuple[Path, Path]:
    workbook_path = tmp_path / "northwind.pmowb"
    save_workbook(later_sample, workbook_path)
    tracker_path = tmp_path / "tracker.xlsx"
    write_tracker(later_sample, tracker_path)
    return workbook_path, tracker_path


def _row_of(ws, objective_id: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, ID).value == objective_id)


def _owner_edits(tracker_path: Path, workbook) -> None:
    """What owners do: statuses, actuals, a comment, the table re-sorted, one text in a
    number column, one unknown status, one deleted row."""
    book = openpyxl.load_workbook(tracker_path)
    ws = book["Objectives"]
    active = workbook.active_objectives()
    # Re-sort: reverse the data rows (values only, as Excel's sort moves them).
    last = len(active) + 1
    rows = [[ws.cell(r, c).value for c in range(1, ws.max_column + 1)] for r in range(2, last + 1)]
    for r, values in enumerate(reversed(rows), start=2):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c).value = value
    po1, po4, pf1, pf2, pf3 = (o.id for o in active)
    ws.cell(_row_of(ws, po1), objective_column("status")).value = "At risk"
    ws.cell(_row_of(ws, po1), objective_column("q2")).value = 72
    ws.cell(_row_of(ws, pf1), objective_column("q2")).value = 55.5
    ws.cell(_row_of(ws, pf1), objective_column("q1")).value = None
    ws.cell(_row_of(ws, po4), objective_column("comments")).value = "Waiting for Q1 data"
    ws.cell(_row_of(ws, po4), objective_column("q3")).value = "about 40"
    ws.cell(_row_of(ws, pf2), objective_column("status")).value = "Stalled"
    ws.cell(_row_of(ws, pf2), objective_column("q1")).value = 2
    ws.delete_rows(_row_of(ws, pf3))
    book.save(tracker_path)


EXPECTED_CHANGES = [
    "PO-1 Status: On track → At risk",
    "PO-1 Q2 actual: (empty) → 72",
    'PO-4 Comments: (empty) → "Waiting for Q1 data"',
    "PF-1 Q1 actual: 40 → (empty)",
    "PF-1 Q2 actual: (empty) → 55.5",
    "PF-2 Q1 actual: (empty) → 2",
]


def test_dry_run_lists_changes_and_problems_and_changes_nothing(exported, later_sample, capsys):
    workbook_path, tracker_path = exported
    _owner_edits(tracker_path, later_sample)
    before = workbook_path.read_bytes()
    assert main.main(["import-tracker", str(workbook_path), str(tracker_path), "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "4 objectives matched, 6 changes, 3 problems."
    changes = out[out.index("Changes:") + 1 : out.index("Problems (not imported):")]
    assert [line.strip() for line in changes] == EXPECTED_CHANGES
    problems = [line.strip() for line in out[out.index("Problems (not imported):") + 1 : -1]]
    assert len(problems) == 3
    text_in_number, unknown_status = sorted(problems[:2], key=lambda p: "Status" in p)
    assert text_in_number.startswith("row ")
    assert text_in_number.endswith(
        '(PO-4), Q3 actual: a number is expected, not text; skipped (found "about 40")'
    )
    assert "(PF-2), Status: not a known status" in unknown_status
    assert unknown_status.endswith('(found "Stalled")')
    assert problems[2].startswith('PF-3 "Portfolio dashboard for executives" is missing')
    assert out[-1] == "Dry run: the workbook is unchanged."
    assert workbook_path.read_bytes() == before


def test_import_applies_valid_changes_and_nothing_else(exported, later_sample, capsys):
    workbook_path, tracker_path = exported
    _owner_edits(tracker_path, later_sample)
    assert main.main(["import-tracker", str(workbook_path), str(tracker_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Applied 6 changes to northwind.pmowb."
    after = load_workbook(workbook_path)
    expected = later_sample.model_copy(deep=True)
    po1, po4, pf1, pf2, _pf3 = expected.active_objectives()
    po1.status = ObjectiveStatus.AT_RISK
    po1.actuals = [70.0, 72.0, None, None]
    po4.comments = "Waiting for Q1 data"
    pf1.actuals = [None, 55.5, None, None]
    pf2.actuals = [2.0, None, None, None]
    assert dumps(after) == dumps(expected)
    # Importing the same tracker again finds nothing new.
    assert main.main(["import-tracker", str(workbook_path), str(tracker_path)]) == 0
    assert "Nothing to import" in capsys.readouterr().out


def test_changed_code_is_reported_not_applied(exported, later_sample):
    _workbook_path, tracker_path = exported
    book = openpyxl.load_workbook(tracker_path)
    ws = book["Objectives"]
    ws.cell(2, objective_column("code")).value = "PO-99"
    book.save(tracker_path)
    plan = prepare_import(later_sample, tracker_path)
    assert plan.changes == []
    [problem] = plan.problems
    assert problem.describe() == (
        'row 2 (PO-1), Code: changed in the tracker from "PO-1"; not '
        'imported (change it in the workbook) (found "PO-99")'
    )


def test_duplicate_unknown_and_added_rows(exported, later_sample):
    _workbook_path, tracker_path = exported
    book = openpyxl.load_workbook(tracker_path)
    ws = book["Objectives"]
    first = later_sample.active_objectives()[0]
    ws.cell(3, ID).value = first.id  # row 2 already has it: a copied id
    ws.cell(7, objective_column("code")).value = "NEW-1"  # added below the table
    ws.cell(7, objective_column("status")).value = "On track"
    ws.cell(8, ID).value = "not-an-id-of-ours"
    ws.cell(8, objective_column("status")).value = "Achieved"
    book.save(tracker_path)
    plan = prepare_import(later_sample, tracker_path)
    described = [p.describe() for p in plan.problems]
    assert described[0].startswith("row 2, Row id: the Row id appears on 2 rows")
    assert described[1].startswith("row 3, Row id: the Row id appears on 2 rows")
    assert described[2].startswith("row 7, Row id: a row without a Row id")
    assert described[2].endswith('(found "NEW-1")')
    assert described[3] == (
        "row 8, Row id: no objective of this workbook has this Row id; the "
        'row is not imported (found "not-an-id-of-ours")'
    )
    # Row 3's own objective lost its id to the copy: it counts as deleted. The duplicated
    # objective is not also reported missing.
    assert described[4].startswith('PO-4 "Benefits tracked after go-live" is missing')
    assert len(described) == 5
    assert plan.changes == []


def test_tracker_of_another_workbook_is_refused(
    exported, first_sample, later_sample, tmp_path, capsys
):
    _workbook_path, tracker_path = exported
    other = tmp_path / "first.pmowb"
    save_workbook(first_sample, other)
    before = other.read_bytes()
    assert main.main(["import-tracker", str(other), str(tracker_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "exported from another workbook" in err[0]
    assert other.read_bytes() == before
    later_sample.setup.fiscal_year.label = "FY2028"
    with pytest.raises(
        TrackerError, match="tracker of fiscal year FY2027, but this workbook is FY2028"
    ):
        prepare_import(later_sample, tracker_path)


def test_identity_survives_without_the_lists_sheet_values(exported, later_sample):
    """An owner who unhides and clears the Lists sheet: the document properties still say
    which workbook the tracker belongs to."""
    _workbook_path, tracker_path = exported
    book = openpyxl.load_workbook(tracker_path)
    for row in range(1, 7):
        book["Lists"].cell(row, 5).value = None
    book.save(tracker_path)
    assert prepare_import(later_sample, tracker_path).problems == []


@pytest.mark.parametrize(
    "content, message",
    [
        (b"name,status\nPO-1,On track\n", "is not an Excel .xlsx file"),
        (b"", "is not an Excel .xlsx file"),
        (b"PK\x03\x04 truncated zip", "is damaged"),
    ],
)
def test_not_an_xlsx_is_refused(later_sample, tmp_path, content, message, capsys):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(content)
    with pytest.raises(TrackerError, match=message):
        prepare_import(later_sample, path)


def test_damaged_xlsx_is_refused(exported, later_sample, tmp_path):
    _workbook_path, tracker_path = exported
    source = zipfile.ZipFile(tracker_path)
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(TrackerError, match="damaged or not an Excel workbook"):
        prepare_import(later_sample, damaged)
    docx_like = tmp_path / "charter.xlsx"
    with zipfile.ZipFile(docx_like, "w") as target:
        target.writestr("[Content_Types].xml", "<Types/>")
        target.writestr("word/document.xml", "<document/>")
    with pytest.raises(TrackerError, match=r"not an Excel \.xlsx file"):
        prepare_import(later_sample, docx_like)


def test_a_workbook_that_is_not_a_tracker_is_refused(later_sample, tmp_path):
    path = tmp_path / "budget.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Budget"
    book.save(path)
    with pytest.raises(TrackerError, match="not a tracker exported by PMO Workbook"):
        prepare_import(later_sample, path)


def test_zip_bomb_is_refused_before_unpacking(exported, later_sample, tmp_path, monkeypatch):
    _workbook_path, tracker_path = exported
    bomb = tmp_path / "bomb.xlsx"
    with (
        zipfile.ZipFile(tracker_path) as source,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, source.read(item))
        target.writestr("xl/media/padding.bin", b"\0" * (20 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024

    def never(*args, **kwargs):
        raise AssertionError("openpyxl must not see a zip bomb")

    monkeypatch.setattr("openpyxl.load_workbook", never)
    with pytest.raises(TrackerError, match="zip bomb"):
        prepare_import(later_sample, bomb)


def test_oversized_file_is_refused(exported, later_sample, monkeypatch):
    _workbook_path, tracker_path = exported
    monkeypatch.setattr(tracker_import, "MAX_TRACKER_BYTES", 1000)
    with pytest.raises(TrackerError, match="too large to be a tracker"):
        prepare_import(later_sample, tracker_path)


def test_reading_refuses_without_defusedxml(exported, later_sample, monkeypatch):
    _workbook_path, tracker_path = exported
    monkeypatch.setattr("openpyxl.xml.DEFUSEDXML", False)
    with pytest.raises(TrackerError, match="defusedxml"):
        prepare_import(later_sample, tracker_path)


def test_entity_declarations_are_refused(exported, later_sample, tmp_path):
    """A billion-laughs worksheet: defusedxml refuses entity declarations, so the file is
    refused as damaged instead of being expanded in memory."""
    _workbook_path, tracker_path = exported
    hostile = tmp_path / "laughs.xlsx"
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    with zipfile.ZipFile(tracker_path) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = laughs + data[data.index(b"<worksheet") :]
            target.writestr(item, data)
    with pytest.raises(TrackerError, match="contains XML entity declarations or a DTD"):
        prepare_import(later_sample, hostile)


def test_missing_tracker_file(later_sample, tmp_path):
    with pytest.raises(TrackerError, match="does not exist"):
        prepare_import(later_sample, tmp_path / "nowhere.xlsx")
    with pytest.raises(TrackerError, match="is a folder"):
        prepare_import(later_sample, tmp_path)


def test_hostile_comment_round_trips_without_spurious_change(later_sample, tmp_path):
    objective = later_sample.active_objectives()[0]
    objective.comments = "=cmd|' /C calc'!A0 and _x0041_ and \x07 bell"
    later_sample.active_objectives()[1].comments = "long " * 8000
    tracker_path = tmp_path / "t.xlsx"
    write_tracker(later_sample, tracker_path)
    plan = prepare_import(later_sample, tracker_path)
    assert plan.changes == [] and plan.problems == []
    book = openpyxl.load_workbook(tracker_path)
    row = _row_of(book["Objectives"], objective.id)
    cell = book["Objectives"].cell(row, objective_column("comments"))
    cell.value = "=1+1 safe"
    cell.data_type = "s"  # typed after an apostrophe: text, not a formula
    book.save(tracker_path)
    [change] = prepare_import(later_sample, tracker_path).changes
    assert change.new == "=1+1 safe"
