"""Hostile user text in the tracker: formula and error-code lookalikes, `_xHHHH_` sequences,
control characters, U+FFFE, lone surrogates and 40,000-character fields all export and read
back exactly, or with a visible replacement or truncation that the notes report."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from exporters.text import EXCEL_CELL_LIMIT, unescape_ooxml, utf16_length, xml_safe
from exporters.tracker import tracker_bytes
from exporters.tracker_layout import objective_column
from planning.model import Objective, new_workbook

LONG = "word " * 8000  # 40,000 characters
HOSTILE = {
    "title": '=HYPERLINK("http://evil.example","click")',
    "measure": "+1+2",
    "owner": "-2",
    "comments": "@SUM(A1:A9)",
    "unit": "#N/A",
    "code": "#REF!",
    "constituent": "_x0041_ and _x000D_ stay literal",
    "not_doing": "a\x00b\x07c\x1bd",
    "communication": "noncharacter \ufffe and \uffff here",
    "surrogate": "lone \ud800 surrogate",
    "tab": "\tleading tab",
    "emoji": "targets 🎯 met",
}


@pytest.fixture(scope="module")
def hostile():
    from conftest import LATER_SAMPLE

    from planning.fileformat import load_workbook

    workbook = load_workbook(LATER_SAMPLE)
    objective = workbook.active_objectives()[0]
    objective.title = HOSTILE["title"]
    objective.measure = HOSTILE["measure"]
    objective.owner = HOSTILE["owner"]
    objective.comments = HOSTILE["comments"]
    objective.unit = HOSTILE["unit"]
    objective.code = HOSTILE["code"]
    workbook.constituents[0].name = HOSTILE["constituent"]
    workbook.not_doing[0].item = HOSTILE["not_doing"]
    workbook.communication[0].message = HOSTILE["communication"]
    workbook.vision.text = HOSTILE["surrogate"]
    workbook.purpose.text = HOSTILE["tab"]
    workbook.strategy[0].title = HOSTILE["emoji"]
    workbook.mission.text = LONG
    workbook.setup.organisation = "Smith & Sons =Freight"
    data, notes = tracker_bytes(workbook, today=date(2027, 1, 1))
    return workbook, objective, data, notes


def _expected(text: str) -> str:
    return xml_safe(text)


def test_hostile_objective_cells_stay_text(hostile):
    _workbook, objective, data, _notes = hostile
    ws = openpyxl.load_workbook(io.BytesIO(data))["Objectives"]
    row = next(
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(r, objective_column("row_id")).value == objective.id
    )
    for key in ("title", "measure", "owner", "comments", "unit", "code"):
        cell = ws.cell(row, objective_column(key))
        assert cell.data_type == "s", key
        assert cell.value == HOSTILE[key], key
        assert cell.quotePrefix, key


def test_hostile_text_reads_back_with_both_readers(hostile):
    _workbook, _objective, data, _notes = hostile
    book = openpyxl.load_workbook(io.BytesIO(data))
    calamine = CalamineWorkbook.from_filelike(io.BytesIO(data))

    def both(sheet: str, row: int, column: int) -> tuple[str, str]:
        ours = unescape_ooxml(book[sheet].cell(row, column).value)
        theirs = calamine.get_sheet_by_name(sheet).to_python()[row - 1][column - 1]
        return ours, theirs

    checks = [
        ("Constituents", 2, 1, HOSTILE["constituent"]),
        ("Not doing", 2, 1, HOSTILE["not_doing"]),
        ("Communication plan", 2, 2, HOSTILE["communication"]),
        ("Company strategy", 2, 2, HOSTILE["emoji"]),
    ]
    overview = {
        book["Overview"].cell(r, 1).value: r for r in range(1, book["Overview"].max_row + 1)
    }
    checks += [
        ("Overview", overview["Vision"], 2, HOSTILE["surrogate"]),
        ("Overview", overview["Purpose"], 2, HOSTILE["tab"]),
    ]
    for sheet, row, column, original in checks:
        ours, theirs = both(sheet, row, column)
        assert ours == _expected(original), (sheet, original)
        assert theirs == _expected(original), (sheet, original)
    assert _expected(HOSTILE["not_doing"]) == "a\ufffdb\ufffdc\ufffdd"
    assert book["Overview"].cell(overview["Purpose"], 2).quotePrefix


def test_long_text_is_cut_visibly_and_reported(hostile):
    _workbook, _objective, data, notes = hostile
    ws = openpyxl.load_workbook(io.BytesIO(data))["Overview"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Mission")
    text = ws.cell(row, 2).value
    assert utf16_length(text) <= EXCEL_CELL_LIMIT
    assert text.startswith(LONG[:30000])
    assert text.endswith("[truncated: the full text has 40,000 characters]")
    assert any(f"Overview!B{row}" in n and "32,767" in n for n in notes)


def test_replacements_are_reported(hostile):
    *_rest, notes = hostile
    assert any(n.startswith("Not doing!A2: 3 character(s)") for n in notes)
    assert any(n.startswith("Communication plan!B2: 2 character(s)") for n in notes)
    assert any("1 character(s)" in n and "Overview!" in n for n in notes)


def test_ampersand_in_print_header_is_escaped(hostile):
    *_rest, data, _notes = hostile
    ws = openpyxl.load_workbook(io.BytesIO(data))["Objectives"]
    assert ws.oddHeader.left.text == "Smith && Sons =Freight"


@pytest.mark.slow  # about 10 s: 40 trackers built and read back
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(codec=None), max_size=60))
def test_any_title_round_trips(title):
    workbook = new_workbook("Org", "FY1")
    workbook.objectives.append(Objective(code="X", title=title))
    data, notes = tracker_bytes(workbook, today=date(2027, 1, 1))
    ws = openpyxl.load_workbook(io.BytesIO(data))["Objectives"]
    cell = ws.cell(2, objective_column("title"))
    assert unescape_ooxml(cell.value or "") == xml_safe(title)
    assert cell.data_type == ("s" if title else "n")  # an empty text leaves the cell empty
    calamine = CalamineWorkbook.from_filelike(io.BytesIO(data))
    read = calamine.get_sheet_by_name("Objectives").to_python()[1][objective_column("title") - 1]
    assert read == xml_safe(title)
    assert bool(notes) == (xml_safe(title) != title)
