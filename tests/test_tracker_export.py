"""The Excel tracker read back with openpyxl and, independently, python-calamine, compared
with the workbook it was made from; the command line and the atomic write."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import openpyxl
import pytest
from python_calamine import CalamineWorkbook, SheetVisibleEnum

import main
from exporters.text import unescape_ooxml
from exporters.tracker import tracker_bytes, write_tracker
from exporters.tracker_layout import (
    OBJECTIVE_COLUMNS,
    SHEET_ORDER,
    objective_column,
)
from planning.alignment import alignment_gaps
from planning.errors import SaveError
from planning.fileformat import save_workbook


@pytest.fixture(scope="module")
def later_tracker() -> tuple[object, bytes]:
    from conftest import LATER_SAMPLE

    from planning.fileformat import load_workbook

    workbook = load_workbook(LATER_SAMPLE)
    data, notes = tracker_bytes(workbook, today=date(2027, 1, 15))
    assert notes == []
    return workbook, data


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _rows(ws) -> list[dict[str, object]]:
    headers = [c.value for c in ws[1]]
    return [
        dict(zip(headers, row, strict=False))
        for row in ws.iter_rows(min_row=2, values_only=True)
        if any(row)
    ]


def test_sheets_in_order_with_lists_hidden(later_tracker):
    _workbook, data = later_tracker
    book = _book(data)
    assert tuple(book.sheetnames) == SHEET_ORDER
    assert "History" not in book.sheetnames  # a name Excel reserves
    assert book["Lists"].sheet_state == "hidden"
    assert all(book[name].sheet_state == "visible" for name in SHEET_ORDER[:-1])
    calamine = CalamineWorkbook.from_filelike(io.BytesIO(data))
    hidden = [m.name for m in calamine.sheets_metadata if m.visible != SheetVisibleEnum.Visible]
    assert hidden == ["Lists"]


def test_objectives_table_holds_each_active_objective(later_tracker):
    workbook, data = later_tracker
    ws = _book(data)["Objectives"]
    rows = {row["Row id"]: row for row in _rows(ws)}
    active = workbook.active_objectives()
    assert list(rows) == [o.id for o in active]
    assert all(o.id not in rows for o in workbook.objectives if not o.is_active())
    codes = {s.id: s.code for s in workbook.strategy}
    for objective in active:
        row = rows[objective.id]
        assert (row["Code"] or "") == objective.code
        assert (row["Objective"] or "") == objective.title
        assert (row["Measure"] or "") == objective.measure
        assert (row["Comments"] or "") == objective.comments
        assert row["Baseline"] == objective.baseline
        assert row["Target"] == objective.target
        assert row["Due date"] == (
            datetime.combine(objective.due, datetime.min.time()) if objective.due else None
        )
        assert row["Status"] == objective.status.label
        assert [row[f"Q{q} actual"] for q in range(1, 5)] == objective.actuals
        assert (row["Owner"] or "") == objective.owner
        supports = {codes[link.strategic_id] for link in workbook.links_of_objective(objective.id)}
        assert set(filter(None, (row["Supports"] or "").split(", "))) == supports
        names = [workbook.constituent(c).name for c in objective.constituent_ids]
        assert (row["Constituents"] or "") == "; ".join(names)
        assert str(row["Latest actual"]).startswith("=IF(ISNUMBER(")
        assert str(row["Progress"]).startswith("=IF(AND(")
    assert ws.column_dimensions[ws.cell(1, objective_column("row_id")).column_letter].hidden
    assert ws.cell(2, objective_column("due")).number_format == "yyyy-mm-dd"
    assert ws.freeze_panes == "C2"


def test_calamine_reads_the_same_tables(later_tracker):
    workbook, data = later_tracker
    calamine = CalamineWorkbook.from_filelike(io.BytesIO(data), load_tables=True)
    assert set(calamine.table_names) >= {
        "ObjectivesTable",
        "StrategyTable",
        "ConstituentsTable",
        "OfficeStrategyTable",
        "NotDoingTable",
        "CommunicationTable",
        "HealthTable",
        "EarlierYearsTable",
        "EarlierResultsTable",
        "StatusCountsTable",
    }
    table = calamine.get_table_by_name("ObjectivesTable")
    assert table.sheet == "Objectives"
    assert table.columns == [c.header for c in OBJECTIVE_COLUMNS]
    rows = table.to_python()
    by_id = {row[-1]: row for row in rows}
    for objective in workbook.active_objectives():
        row = by_id[objective.id]
        assert row[0] == objective.code
        assert row[1] == objective.title
        assert row[objective_column("status") - 1] == objective.status.label
        assert row[objective_column("due") - 1] == (objective.due or "")
        actuals = row[objective_column("q1") - 1 : objective_column("q4")]
        assert [a if a != "" else None for a in actuals] == objective.actuals
    strategy = calamine.get_table_by_name("StrategyTable").to_python()
    assert [(r[0], r[1], r[3]) for r in strategy] == [
        (s.code, s.title, s.owner) for s in workbook.strategy
    ]
    communication = calamine.get_table_by_name("CommunicationTable").to_python()
    assert [r[0] for r in communication] == [c.audience for c in workbook.communication]
    not_doing = calamine.get_table_by_name("NotDoingTable").to_python()
    assert [r[0] for r in not_doing] == [n.item for n in workbook.not_doing]
    constituents = calamine.get_table_by_name("ConstituentsTable").to_python()
    assert [r[0] for r in constituents] == [c.name for c in workbook.constituents]
    earlier = calamine.get_table_by_name("EarlierResultsTable").to_python()
    last = workbook.last_year()
    assert [(r[0], r[1], r[7]) for r in earlier] == [
        (last.fiscal_year.label, o.code, o.result if o.result is not None else "")
        for o in last.objectives
    ]
    years = calamine.get_table_by_name("EarlierYearsTable").to_python()
    assert years[0][3] == last.mission.text


def test_other_sheets_with_openpyxl(later_tracker):
    workbook, data = later_tracker
    book = _book(data)
    office = _rows(book["Office strategy"])
    kinds = [row["Kind"] for row in office]
    order = ["Service", "Process", "People", "Tool"]
    assert kinds == sorted(kinds, key=order.index)
    assert {row["Item"] for row in office} == {s.title for s in workbook.office_strategy}
    health = _rows(book["Health check"])
    assert [row["Complaint"] for row in health] == [r.complaint.label for r in workbook.health]
    assert [row["This year"] for row in health] == [r.score for r in workbook.health]
    last = {r.complaint: r.score for r in workbook.last_year().health}
    assert [row["Last year"] for row in health] == [last[r.complaint] for r in workbook.health]
    alignment = book["Alignment"]
    gaps = alignment_gaps(workbook)
    strategic_headers = [alignment.cell(1, c).value for c in range(3, 3 + len(workbook.strategy))]
    assert [h.split("\n")[0] for h in strategic_headers] == [s.code for s in workbook.strategy]
    assert gaps.orphan_objectives, "the sample has an orphan objective to highlight"
    orphan_row = 2 + workbook.active_objectives().index(gaps.orphan_objectives[0])
    assert alignment.cell(orphan_row, 1).value == gaps.orphan_objectives[0].code
    assert all(
        alignment.cell(orphan_row, c).value is None for c in range(3, 3 + len(workbook.strategy))
    )
    strong = next(
        link
        for link in workbook.alignment
        if link.strength.score == 3 and workbook.objective(link.objective_id).is_active()
    )
    row = 2 + [o.id for o in workbook.active_objectives()].index(strong.objective_id)
    column = 3 + [s.id for s in workbook.strategy].index(strong.strategic_id)
    assert alignment.cell(row, column).value == 3
    assert alignment.cell(row, column).number_format.startswith('[=3]"Strong"')


def test_overview_names_the_office_in_full(later_tracker):
    workbook, data = later_tracker
    ws = _book(data)["Overview"]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, ws.max_row + 1)}
    assert ws["A1"].value.startswith(workbook.office_title())
    assert values["Office"] == workbook.office_title()
    assert values["Office kind"] == "Portfolio Management Office"
    assert values["Mission"] == workbook.mission.text
    assert values["Purpose"] == workbook.purpose.text
    assert values["Organisation"] == "Northwind Freight"
    assert len(ws._charts) == 2
    assert len(_book(data)["Health check"]._charts) == 1


def test_generated_text_never_uses_the_bare_acronym(later_tracker):
    workbook, data = later_tracker
    user_text = set()
    for value in _all_strings(workbook.model_dump()):
        user_text.add(value)
    book = _book(data)
    offenders = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                text = cell.value
                if (
                    isinstance(text, str)
                    and not text.startswith("=")
                    and re.search(r"\bPMO\b", text)
                    and unescape_ooxml(text) not in user_text
                ):
                    offenders.append(f"{ws.title}!{cell.coordinate}: {text}")
        header = ws.oddHeader.left.text or ""
        assert "PMO" not in header + (ws.oddFooter.left.text or "")
    assert offenders == []
    assert "Portfolio Management Office" in book.properties.title
    assert "PMO" not in book.properties.title + book.properties.subject


def _all_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_strings(item)


def test_identity_on_lists_sheet_and_in_properties(later_tracker):
    workbook, data = later_tracker
    book = _book(data)
    lists = book["Lists"]
    identity = {lists.cell(r, 4).value: lists.cell(r, 5).value for r in range(1, 7)}
    assert identity["Workbook id"] == workbook.id
    assert identity["Fiscal year"] == "FY2027"
    assert identity["Tracker format"] == "pmo-workbook-tracker"
    assert identity["Exported on"] == "2027-01-15"
    properties = {p.name: p.value for p in book.custom_doc_props.props}
    assert properties["PMO Workbook id"] == workbook.id
    assert properties["PMO Workbook fiscal year"] == "FY2027"
    assert book.properties.creator == workbook.setup.facilitator
    assert book.properties.creator != "openpyxl"
    statuses = [lists.cell(r, 1).value for r in range(2, 8)]
    assert statuses == ["Not started", "On track", "At risk", "Off track", "Achieved", "Retired"]


def test_every_sheet_has_frozen_header_filters_and_print_setup(later_tracker):
    _workbook, data = later_tracker
    book = _book(data)
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.freeze_panes, ws.title
        assert ws.tables or ws.auto_filter.ref, ws.title
        assert ws.page_setup.orientation == "landscape", ws.title
        if ws.sheet_properties.pageSetUpPr.fitToPage:
            assert ws.page_setup.fitToWidth == 1, ws.title
        else:
            # Too wide to read at one page wide: a legible scale, across pages, with its
            # first columns repeated.
            assert int(ws.page_setup.scale) >= 60, ws.title
            assert ws.print_title_cols == "$A:$B", ws.title
        assert ws.print_title_rows, ws.title
        assert ws.oddHeader.left.text == "Northwind Freight", ws.title
        assert "&P" in ws.oddFooter.right.text, ws.title
        for letter, dimension in ws.column_dimensions.items():
            if not dimension.hidden and ws[f"{letter}1"].value:
                assert dimension.width >= 8, (ws.title, letter)


def test_first_sample_without_history_exports(first_sample, tmp_path):
    notes = write_tracker(first_sample, tmp_path / "first.xlsx")
    assert notes == []
    book = openpyxl.load_workbook(tmp_path / "first.xlsx")
    assert book["Earlier years"].tables["EarlierYearsTable"].ref == "A1:E2"
    health = _rows(book["Health check"])
    assert all(row["Last year"] is None for row in health)


def test_empty_workbook_exports(tmp_path):
    from planning.model import new_workbook

    write_tracker(new_workbook(), tmp_path / "empty.xlsx")
    book = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert book["Overview"]["A1"].value.startswith("Management Office")
    assert book["Objectives"].tables["ObjectivesTable"].ref == "A1:U2"


def test_unwritable_destination_raises_save_error_and_keeps_old_file(
    later_sample, tmp_path, monkeypatch
):
    with pytest.raises(SaveError, match="does not exist"):
        write_tracker(later_sample, tmp_path / "missing" / "t.xlsx")
    with pytest.raises(SaveError, match="folder"):
        write_tracker(later_sample, tmp_path)
    target = tmp_path / "t.xlsx"
    target.write_bytes(b"previous tracker")

    def held_open(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # What Windows does when Excel holds the file open.
    monkeypatch.setattr("planning.atomic.os.replace", held_open)
    with pytest.raises(SaveError, match="open in another program"):
        write_tracker(later_sample, target)
    assert target.read_bytes() == b"previous tracker"
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]


def test_failure_while_building_leaves_destination_untouched(later_sample, tmp_path, monkeypatch):
    target = tmp_path / "t.xlsx"
    target.write_bytes(b"previous tracker")

    def broken(self, *args, **kwargs):
        raise OSError("disk vanished")

    # The tracker is written through openpyxl's ExcelWriter (with our own app properties).
    monkeypatch.setattr("openpyxl.writer.excel.ExcelWriter.save", broken)
    with pytest.raises(OSError):
        write_tracker(later_sample, target)
    assert target.read_bytes() == b"previous tracker"


def test_command_line_export(later_sample, tmp_path, capsys):
    source = tmp_path / "w.pmowb"
    save_workbook(later_sample, source)
    out = tmp_path / "tracker.xlsx"
    assert main.main(["export", str(source), "--xlsx", str(out)]) == 0
    assert openpyxl.load_workbook(out)["Objectives"]["A2"].value == "PO-1"
    assert main.main(["export", str(source), "--xlsx", str(tmp_path / "no" / "t.xlsx")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "does not exist" in err[0]
    (tmp_path / "bad.pmowb").write_text("not a workbook")
    assert main.main(["export", str(tmp_path / "bad.pmowb"), "--xlsx", str(out)]) == 2


def test_alignment_header_row_fits_long_strategic_titles(later_sample):
    """A long company objective title wraps in its narrow column: the header row grows so
    Excel and LibreOffice show it whole, up to a cap that keeps the matrix on the page."""
    title = (
        "Grow recurring revenue from existing enterprise customers in every region while "
        "keeping churn under five percent"
    )
    later_sample.strategy[0].title = title
    later_sample.strategy[1].title = "word " * 400
    data, _notes = tracker_bytes(later_sample, today=date(2027, 1, 15))
    alignment = _book(data)["Alignment"]
    assert title in alignment.cell(1, 3).value
    width = alignment.column_dimensions["C"].width
    # Even at a generous 1.5 characters per width unit the title needs this many lines,
    # plus one for the code above it, at 15 points a line.
    lines = 1 + -(-len(title) // int(width * 1.5))
    height = alignment.row_dimensions[1].height
    assert height >= lines * 15
    assert height <= 16 * 15  # an essay of a title is cut rather than fill the page
