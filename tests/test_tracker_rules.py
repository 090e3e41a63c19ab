"""Excel's rules that openpyxl does not enforce and LibreOffice does not report (they cause
Excel's repair prompt), checked on every export of the samples, a hostile workbook and an
empty one: sheet names, table names and headers, list validations, defined names, print
headers, conditional-format fills, chart axes, dates."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import openpyxl
import pytest
from defusedxml import ElementTree
from openpyxl.utils.cell import range_boundaries

from exporters.tracker import tracker_bytes
from planning.model import Objective, new_workbook

_FORBIDDEN_IN_SHEET = set("[]:*?/\\")
_CELL_REF = re.compile(r"^[A-Za-z]{1,3}[0-9]+$")
_R1C1 = re.compile(r"^[Rr][0-9]*([Cc][0-9]*)?$|^[Cc][0-9]*$")
_TABLE_NAME = re.compile(r"^[A-Za-z_\\][A-Za-z0-9_.]*$")
_CHART_NS = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _hostile_workbook():
    workbook = new_workbook("A & B [Group]: 'Quotes' / * ?", "FY/27")
    workbook.office.full_name = "=Office of 'Things'"
    workbook.objectives.append(Objective(code="A1", title="R1C1"))
    return workbook


def _exports():
    from conftest import FIRST_SAMPLE, LATER_SAMPLE

    from planning.fileformat import load_workbook

    return {
        "first": load_workbook(FIRST_SAMPLE),
        "later": load_workbook(LATER_SAMPLE),
        "hostile": _hostile_workbook(),
        "empty": new_workbook(),
    }


@pytest.fixture(scope="module", params=["first", "later", "hostile", "empty"])
def export(request) -> bytes:
    data, _notes = tracker_bytes(_exports()[request.param], today=date(2027, 1, 1))
    return data


def _is_cell_reference(name: str) -> bool:
    if _R1C1.match(name):
        return True
    if not _CELL_REF.match(name):
        return False
    letters = re.match(r"[A-Za-z]+", name).group(0).upper()
    column = 0
    for ch in letters:
        column = column * 26 + ord(ch) - 64
    return column <= 16384


def test_sheet_names(export):
    book = openpyxl.load_workbook(io.BytesIO(export))
    seen = set()
    for name in book.sheetnames:
        assert 1 <= len(name) <= 31, name
        assert not set(name) & _FORBIDDEN_IN_SHEET, name
        assert name.casefold() != "history", name
        assert not name.startswith("'") and not name.endswith("'"), name
        assert name.casefold() not in seen, name
        seen.add(name.casefold())


def test_tables_names_headers_and_ranges(export):
    book = openpyxl.load_workbook(io.BytesIO(export))
    defined = {name.casefold() for name in book.defined_names}
    names = set()
    for ws in book.worksheets:
        boxes = []
        for table in ws.tables.values():
            name = table.displayName
            assert _TABLE_NAME.match(name) and len(name) <= 255, name
            assert not _is_cell_reference(name), name
            assert name.casefold() not in names and name.casefold() not in defined, name
            names.add(name.casefold())
            min_col, min_row, max_col, max_row = range_boundaries(table.ref)
            assert max_row > min_row, f"{name} needs a data row"
            headers = [ws.cell(min_row, c).value for c in range(min_col, max_col + 1)]
            assert all(isinstance(h, str) and h for h in headers), (name, headers)
            assert len({h.casefold() for h in headers}) == len(headers), (name, headers)
            assert [c.name for c in table.tableColumns] == headers, name
            assert table.autoFilter is None or table.autoFilter.ref in (None, table.ref)
            for other in boxes:
                assert not _overlap(other, (min_col, min_row, max_col, max_row)), name
            boxes.append((min_col, min_row, max_col, max_row))
        if ws.auto_filter.ref:
            box = range_boundaries(ws.auto_filter.ref)
            assert not any(_overlap(box, other) for other in boxes), ws.title


def _overlap(a, b) -> bool:
    return not (a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1])


def test_list_validations_use_defined_names_on_the_lists_sheet(export):
    book = openpyxl.load_workbook(io.BytesIO(export))
    lists_found = 0
    for ws in book.worksheets:
        for check in ws.data_validations.dataValidation:
            assert not check.showDropDown, "showDropDown=True hides the arrow"
            if check.type != "list":
                continue
            lists_found += 1
            formula = check.formula1
            if formula.startswith('"'):
                assert len(formula) - 2 <= 255 and "," not in formula
                continue
            assert formula in book.defined_names, formula
            destinations = list(book.defined_names[formula].destinations)
            assert [sheet for sheet, _ref in destinations] == ["Lists"]
            sheet, ref = destinations[0]
            values = [c.value for row in book[sheet][ref.replace("$", "")] for c in row]
            assert values and all(isinstance(v, str) and v for v in values)
    assert lists_found == 2
    assert book["Lists"].sheet_state == "hidden"


def test_print_headers_fit_and_escape_ampersands(export):
    book = openpyxl.load_workbook(io.BytesIO(export))
    for ws in book.worksheets:
        parts = (ws.oddHeader.left.text, ws.oddHeader.center.text, ws.oddHeader.right.text)
        total = sum(len(p or "") for p in parts) + 12  # the &L &C &R codes and fonts
        assert total <= 255, ws.title
        for part in parts:
            text = (part or "").replace("&&", "")
            assert "&" not in text, (ws.title, part)


def test_conditional_fills_set_background_colour(export):
    book = openpyxl.load_workbook(io.BytesIO(export))
    fills = 0
    for ws in book.worksheets:
        for formatting in ws.conditional_formatting:
            for rule in formatting.rules:
                if rule.dxf and rule.dxf.fill is not None:
                    fills += 1
                    assert rule.dxf.fill.bgColor.rgb.endswith(rule.dxf.fill.fgColor.rgb[-6:])
    assert fills >= 6


def test_chart_axes_are_not_deleted(export):
    with zipfile.ZipFile(io.BytesIO(export)) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 3
        for name in charts:
            root = ElementTree.fromstring(archive.read(name))
            axes = [a for tag in ("catAx", "valAx") for a in root.iter(_CHART_NS + tag)]
            assert len(axes) == 2, name
            for axis in axes:
                assert axis.find(_CHART_NS + "delete").get("val") in ("0", "false"), name


def test_dates_are_real_dates(export):
    book = openpyxl.load_workbook(io.BytesIO(export))
    ws = book["Objectives"]
    for row in range(2, ws.max_row + 1):
        cell = ws.cell(row, 7)
        if cell.value is not None:
            assert cell.is_date and cell.number_format == "yyyy-mm-dd"
