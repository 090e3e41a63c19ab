"""The Excel tracker: what objective owners and executives live in for the rest of the year.

`write_tracker(workbook, path)` builds the whole file in memory and hands the bytes to the
one atomic writer, so a failure never leaves a half-written file at the destination. It
returns notes for the user (text repaired or cut to fit Excel). The sheets are built in
tracker_objectives, tracker_lists and tracker_overview; the layout the import relies on is
in tracker_layout; docs/TRACKER.md describes it.
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import UTC, date, datetime
from typing import Any

from openpyxl.packaging.custom import StringProperty
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.properties import CalcProperties
from openpyxl.workbook.workbook import Workbook as XlsxBook
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.constants import ARC_APP

from exporters.text import xml_safe
from exporters.tracker_cells import TrackerBuild, new_book, set_widths
from exporters.tracker_layout import (
    IDENTITY_LABEL_COLUMN,
    IDENTITY_ROWS,
    IDENTITY_VALUE_COLUMN,
    LISTS,
    OVERVIEW,
    PROPERTY_FISCAL_YEAR,
    PROPERTY_FORMAT,
    PROPERTY_WORKBOOK_ID,
    SHEET_ORDER,
    STATUS_LIST,
    TRACKER_FORMAT,
    TRACKER_VERSION,
    VALUE_CATEGORY_LIST,
    quoted,
)
from exporters.tracker_lists import (
    build_communication,
    build_constituents,
    build_earlier_results,
    build_earlier_years,
    build_health,
    build_not_doing,
    build_office_strategy,
    build_strategy,
)
from exporters.tracker_objectives import build_alignment, build_objectives
from exporters.tracker_overview import add_health_sheet_chart, build_overview
from exporters.tracker_xmatrix import build_xmatrix_sheet
from planning.atomic import atomic_write
from planning.enums import ObjectiveStatus, ValueCategory
from planning.model import Workbook
from planning.totals import letter_paper

PROPERTY_LIMIT = 255
PAPERSIZE_A4 = Worksheet.PAPERSIZE_A4
PAPERSIZE_LETTER = Worksheet.PAPERSIZE_LETTER
DEFAULT_WIDTH = 8.43  # Excel's default column width
# Landscape A4 or Letter, whichever is narrower, inside openpyxl's default margins (0.75
# inch left and right), in points; a column width unit is about 7 pixels (5.25 points).
PAGE_WIDTH = 792 - 2 * 54
POINTS_PER_WIDTH_UNIT = 5.25
APP_NAME = "PMO Workbook"


def write_tracker(workbook: Workbook, path: str | os.PathLike[str]) -> list[str]:
    """Writes the tracker to `path` atomically; returns notes for the user. Raises
    planning.errors.SaveError when the destination cannot be written."""
    data, notes = tracker_bytes(workbook)
    atomic_write(path, data)
    return notes


def tracker_bytes(workbook: Workbook, *, today: date | None = None) -> tuple[bytes, list[str]]:
    build = TrackerBuild(workbook, new_book())
    build_objectives(build)
    build_alignment(build)
    build_xmatrix_sheet(build)
    build_strategy(build)
    build_constituents(build)
    build_office_strategy(build)
    build_not_doing(build)
    build_communication(build)
    build_health(build)
    add_health_sheet_chart(build)
    build_earlier_years(build)
    build_earlier_results(build)
    build_lists(build, today or date.today())
    # The Overview's charts point at the Health check sheet, so it is built last and
    # moved to the front.
    build_overview(build)
    book = build.book
    book.move_sheet(OVERVIEW, offset=-book.index(book[OVERVIEW]))
    assert tuple(book.sheetnames) == SHEET_ORDER
    book.active = 0
    finish_printing(build)
    # Formulas are stored without computed values: ask Excel to compute them on opening.
    book.calculation = CalcProperties(fullCalcOnLoad=True)
    _set_properties(build)
    return save_book(book), list(build.notes.lines)


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    f'extended-properties"><Application>{APP_NAME}</Application></Properties>'
).encode()


class _TrackerArchive(zipfile.ZipFile):
    """The zip openpyxl writes into, with our own extended properties: openpyxl's say
    "Microsoft Excel Compatible / Openpyxl" and a version, which is not who made the file."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if zinfo_or_arcname == ARC_APP:
            data = APP_XML
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)


def save_book(book: XlsxBook) -> bytes:
    buffer = io.BytesIO()
    with _TrackerArchive(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()
    return buffer.getvalue()


LEGIBLE_SCALE = 60
"""Below this print scale (per cent) a sheet fitted to one page wide is too small to read:
it prints across pages instead, at SPLIT_SCALE, its first two columns repeated."""
SPLIT_SCALE = 70


def finish_printing(build: TrackerBuild) -> None:
    """What the sheets share in print: one paper size on every sheet (A4, Letter where
    the locale uses it), and wide sheets (Objectives, a wide Alignment) split legibly
    across pages with their titles repeated rather than shrunk to one page wide."""
    paper = PAPERSIZE_LETTER if letter_paper() else PAPERSIZE_A4
    for ws in build.book.worksheets:
        ws.page_setup.paperSize = paper
        if ws.title == OVERVIEW or ws.sheet_state != "visible":
            continue
        if fit_to_width_scale(ws) < LEGIBLE_SCALE:
            ws.sheet_properties.pageSetUpPr.fitToPage = False
            ws.page_setup.scale = SPLIT_SCALE
            ws.print_title_cols = "A:B"
            ws.page_setup.pageOrder = "overThenDown"


def fit_to_width_scale(ws: Worksheet) -> int:
    """The scale (per cent) fitting the sheet's visible columns to one landscape page."""
    width = sum(
        (dimension.width or DEFAULT_WIDTH) * POINTS_PER_WIDTH_UNIT
        for dimension in ws.column_dimensions.values()
        if not dimension.hidden
    )
    return 100 if not width else min(100, int(100 * PAGE_WIDTH / width))


def build_lists(build: TrackerBuild, today: date) -> None:
    """The hidden Lists sheet: drop-down values behind defined names, and the block that
    says which workbook and fiscal year the tracker was made from."""
    writer = build.sheet(LISTS)
    ws = writer.ws
    writer.header(1, ["Status", "Value category"])
    statuses = [s.label for s in ObjectiveStatus]
    categories = [c.label for c in ValueCategory]
    for row, label in enumerate(statuses, start=2):
        writer.text(row, 1, label)
    for row, label in enumerate(categories, start=2):
        writer.text(row, 2, label)
    sheet = quoted(LISTS)
    build.book.defined_names[STATUS_LIST] = DefinedName(
        STATUS_LIST, attr_text=f"{sheet}!$A$2:$A${len(statuses) + 1}"
    )
    build.book.defined_names[VALUE_CATEGORY_LIST] = DefinedName(
        VALUE_CATEGORY_LIST, attr_text=f"{sheet}!$B$2:$B${len(categories) + 1}"
    )
    setup = build.workbook.setup
    values = {
        "format": TRACKER_FORMAT,
        "version": str(TRACKER_VERSION),
        "workbook_id": build.workbook.id,
        "fiscal_year": setup.fiscal_year.label,
        "organisation": setup.organisation,
        "exported": today.isoformat(),
    }
    for key, (row, label) in IDENTITY_ROWS.items():
        writer.text(row, IDENTITY_LABEL_COLUMN, label, "label")
        writer.text(row, IDENTITY_VALUE_COLUMN, values[key])
    set_widths(ws, [16, 20, 4, 18, 40])
    ws.sheet_state = "hidden"


def _property_text(text: str) -> str:
    safe = xml_safe(text).replace("\r", " ").replace("\n", " ")
    return safe if len(safe) <= PROPERTY_LIMIT else safe[: PROPERTY_LIMIT - 1] + "…"


def _set_properties(build: TrackerBuild) -> None:
    workbook = build.workbook
    setup = workbook.setup
    office = workbook.office_title()
    properties = build.book.properties
    properties.title = _property_text(
        f"{office} objectives tracker {setup.fiscal_year.label}".strip()
    )
    properties.subject = _property_text(
        f"Objectives of the {office} of {setup.organisation}".strip()
        if setup.organisation.strip()
        else f"Objectives of the {office}"
    )
    author = workbook.charter.prepared_by or setup.facilitator or APP_NAME
    properties.creator = _property_text(author)
    properties.lastModifiedBy = _property_text(author)
    properties.keywords = "objectives tracker"
    properties.description = _property_text(f"Exported by {APP_NAME}.")
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    properties.created = now
    properties.modified = now
    for name, value in (
        (PROPERTY_FORMAT, TRACKER_FORMAT),
        (PROPERTY_WORKBOOK_ID, workbook.id),
        (PROPERTY_FISCAL_YEAR, setup.fiscal_year.label),
    ):
        build.book.custom_doc_props.append(StringProperty(name=name, value=_property_text(value)))
