"""Cell writing for the Excel tracker: the styles, user text made safe, headers, tables,
column widths and the print setup every sheet shares.

User text always goes through `SheetWriter.text`: characters XML cannot hold become U+FFFD,
`_xHHHH_` sequences are escaped, text beyond Excel's cell limit is cut with a visible marker,
and text that looks like a formula or an error code stays text (string type and a quote
prefix). Each replacement or cut is reported in the export's notes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook as XlsxBook
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from exporters.text import (
    EXCEL_CELL_LIMIT,
    REPLACEMENT,
    escape_ooxml,
    fit_cell,
    needs_care,
    xml_safe,
)
from planning.model import Workbook

# --- Style constants ----------------------------------------------------------------------
FONT_NAME = "Calibri"
NAVY = "1F3864"
HEADER_FILL = "1F3864"
EDITABLE_FILL = "FFE699"
TITLE_SIZE = 16
TABLE_STYLE = "TableStyleMedium2"
DATE_FORMAT = "yyyy-mm-dd"
# "#,##0.##" would show a whole number with a trailing point ("68."): whole numbers get
# WHOLE_FORMAT, fractions DECIMAL_FORMAT, and cells whose value owners or formulas set
# later keep Excel's General format, which shows each number as it is.
WHOLE_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0#"
NUMBER_FORMAT = WHOLE_FORMAT
AMOUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0%"
MAX_AUTO_WIDTH = 60
HEADER_FOOTER_TEXT = 60

STATUS_FILLS = {
    "Not started": "D9D9D9",
    "On track": "C6EFCE",
    "At risk": "FFEB9C",
    "Off track": "FFC7CE",
    "Achieved": "9BC2E6",
    "Retired": "EDEDED",
}
GAP_FILL = "FFC7CE"
GAP_TEXT = "9C0006"

# OWASP ASVS 1.2.10: text starting with one of these is a formula to some spreadsheet.
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
_FORMULA_LEAD_CHARS = "".join(_FORMULA_LEADS)


def solid(colour: str) -> PatternFill:
    # Conditional formats paint the background colour, so both colours are set.
    return PatternFill(start_color=colour, end_color=colour, fill_type="solid")


# Numbers keep a little room on their right so they do not run into the next column's text.
_NUMBER_ALIGNMENT = Alignment(horizontal="right", vertical="top", indent=1)

_LOOKS: dict[str, dict[str, Any]] = {
    "header": {
        "font": Font(name=FONT_NAME, bold=True, color="FFFFFF"),
        "fill": solid(HEADER_FILL),
        "alignment": Alignment(wrap_text=True, vertical="center"),
    },
    "header_editable": {
        "font": Font(name=FONT_NAME, bold=True, color="000000"),
        "fill": solid(EDITABLE_FILL),
        "alignment": Alignment(wrap_text=True, vertical="center"),
    },
    "title": {"font": Font(name=FONT_NAME, bold=True, size=TITLE_SIZE, color=NAVY)},
    "section": {
        "font": Font(name=FONT_NAME, bold=True, size=12, color=NAVY),
        "border": Border(bottom=Side(style="thin", color=NAVY)),
    },
    "label": {"font": Font(name=FONT_NAME, bold=True), "alignment": Alignment(vertical="top")},
    "total": {
        "font": Font(name=FONT_NAME, bold=True),
        "number_format": NUMBER_FORMAT,
        "alignment": _NUMBER_ALIGNMENT,
    },
    "text": {"alignment": Alignment(vertical="top")},
    "wrap": {"alignment": Alignment(vertical="top", wrap_text=True)},
    "number": {"number_format": WHOLE_FORMAT, "alignment": _NUMBER_ALIGNMENT},
    "decimal": {"number_format": DECIMAL_FORMAT, "alignment": _NUMBER_ALIGNMENT},
    "general": {"number_format": "General", "alignment": _NUMBER_ALIGNMENT},
    "amount": {"number_format": AMOUNT_FORMAT, "alignment": _NUMBER_ALIGNMENT},
    "percent": {"number_format": PERCENT_FORMAT, "alignment": _NUMBER_ALIGNMENT},
    "date": {"number_format": DATE_FORMAT, "alignment": _NUMBER_ALIGNMENT},
    "strength": {
        # Scores 1-3 read as words; the colour scale works on the numbers.
        "number_format": '[=3]"Strong";[=2]"Medium";"Weak"',
        "alignment": Alignment(horizontal="center", vertical="center"),
    },
}


@dataclass
class Notes:
    """What the export tells the user: cut or repaired text, by cell."""

    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        self.lines.append(line)


class SheetWriter:
    """Writes one worksheet.

    Speed matters for a 500-objective, 10-year tracker, so cells are placed directly rather
    than through `ws.cell()`, and each look's style is built once and shared by its cells
    (openpyxl hashes a style object on every attribute assignment). A shared style is
    never changed in place: a cell that needs a variant gets a copy first."""

    def __init__(self, ws: Worksheet, notes: Notes, looks: dict[str, Any]) -> None:
        self.ws = ws
        self.notes = notes
        self._looks = looks

    def _place(self, row: int, column: int, look: str | None, value: Any = None) -> Any:
        # Cell.__init__ builds a fresh style array that the shared look replaces at once;
        # setting the attributes it sets, without it, saves that on every cell.
        cell = Cell.__new__(Cell)
        cell.parent = self.ws
        cell.row, cell.column = row, column
        cell._value, cell._hyperlink, cell._comment = None, None, None
        cell.data_type = "n"
        if type(value) in (int, float):
            cell._value = value  # a plain number: nothing for openpyxl to infer
        elif value is not None:
            # Binding a date sets a number format on the cell's own style; the look
            # replaces that style below, as Cell.__init__'s did.
            cell._style = StyleArray()
            cell.value = value
        # What Worksheet._add_cell does, without a max() call per cell (iter_rows and
        # append read the running maximum).
        ws = self.ws
        ws._cells[row, column] = cell
        if row > ws._current_row:
            ws._current_row = row
        if look is None:
            cell._style = StyleArray()
            return cell
        template = self._looks.get(look)
        if template is None:
            cell._style = StyleArray()
            for attribute, setting in _LOOKS[look].items():
                setattr(cell, attribute, setting)
            self._looks[look] = template = copy(cell._style)
        cell._style = template
        return cell

    def text(self, row: int, column: int, value: str, look: str | None = "text") -> None:
        if not value:
            return  # an empty cell stays unwritten: thousands of them slow the export
        if len(value) * 2 <= EXCEL_CELL_LIMIT and not needs_care(value):
            # Most text: XML-safe, short enough, no `_xHHHH_` sequence. It goes in as is.
            cell = self._place(row, column, look)
            cell._value = value
            cell.data_type = "s"
            if value[0] in _FORMULA_LEAD_CHARS or (value[0] == "#" and value in ERROR_CODES):
                cell._style = copy(cell._style)
                cell.quotePrefix = True
            return
        safe = value
        if needs_care(value):
            safe = xml_safe(value)
            if safe != value:
                count = sum(1 for a, b in zip(value, safe, strict=True) if a != b)
                self.notes.add(
                    f"{self._where(row, column)}: {count} character(s) Excel "
                    f"cannot store shown as {REPLACEMENT} (U+FFFD)."
                )
        if len(safe) * 2 > EXCEL_CELL_LIMIT:
            safe, cut = fit_cell(safe)
            if cut:
                self.notes.add(
                    f"{self._where(row, column)}: text of {len(value):,} characters "
                    "cut to Excel's 32,767-character cell limit; the workbook "
                    "keeps the full text."
                )
        cell = self._place(row, column, look)
        # Set as text directly: assigning `.value` would infer a formula from "=..." or an
        # error from "#N/A", and run openpyxl's illegal-character regex over every string,
        # the slowest step of a large export; the text is XML-safe already.
        cell._value = escape_ooxml(safe) if needs_care(safe) else safe
        cell.data_type = "s"
        if safe.startswith(_FORMULA_LEADS) or safe in ERROR_CODES:
            # The quote prefix tells Excel to keep it text when the cell is edited.
            cell._style = copy(cell._style)
            cell.quotePrefix = True

    def _where(self, row: int, column: int) -> str:
        return f"{self.ws.title}!{get_column_letter(column)}{row}"

    def value(
        self, row: int, column: int, value: float | int | date | None, look: str | None = "number"
    ) -> None:
        if value is None:
            return
        if look == "number" and isinstance(value, float) and not value.is_integer():
            look = "decimal"
        self._place(row, column, look, value)

    def formula(self, row: int, column: int, formula: str, look: str | None = "number") -> None:
        # A formula's result is not known here: General shows it without a stray point.
        self._place(row, column, "general" if look == "number" else look, formula)

    def header(self, row: int, headers: Sequence[str], editable: Iterable[int] = ()) -> None:
        marked = set(editable)
        for column, text in enumerate(headers, start=1):
            self._place(row, column, "header_editable" if column in marked else "header", text)


@dataclass(frozen=True)
class Formula:
    """A formula written on every data row; `{r}` stands for the row number."""

    template: str

    def at(self, row: int) -> str:
        return self.template.replace("{r}", str(row))


Value = str | float | int | date | Formula | None


@dataclass(frozen=True)
class ListColumn:
    header: str
    look: str = "text"
    width: float | None = None  # None: fitted to the header and the values


def write_list(
    writer: SheetWriter,
    table_name: str,
    columns: Sequence[ListColumn],
    rows: Sequence[Sequence[Value]],
    *,
    freeze: str = "A2",
    editable: Iterable[int] = (),
    empty_note: str | None = None,
) -> None:
    """A header row, one row per item and an Excel table over them (its filter buttons);
    the header row frozen and repeated on every printed page."""
    editable = set(editable)
    writer.header(1, [c.header for c in columns], editable)
    # Owners type their own numbers into editable columns: General shows whatever they type.
    looks = [
        "general" if i in editable and c.look == "number" else c.look
        for i, c in enumerate(columns, start=1)
    ]
    for row_number, values in enumerate(rows, start=2):
        for column_number, (look, value) in enumerate(zip(looks, values, strict=True), start=1):
            if isinstance(value, Formula):
                writer.formula(row_number, column_number, value.at(row_number), look)
            elif isinstance(value, str):
                writer.text(row_number, column_number, value, look)
            else:
                writer.value(row_number, column_number, value, look)
    if not rows and empty_note:
        # An empty list would print as a page with a lone header row: say it is empty.
        writer.text(2, 1, empty_note, "text")
    add_table(writer.ws, table_name, len(columns), len(rows))
    widths = []
    for index, column in enumerate(columns):
        if column.width is not None:
            widths.append(column.width)
            continue
        texts = (v for v in (r[index] for r in rows) if isinstance(v, str))
        widths.append(fitted_width(column.header, texts))
    set_widths(writer.ws, widths)
    wrapped = [
        (i, w) for i, (c, w) in enumerate(zip(columns, widths, strict=True)) if c.look == "wrap"
    ]
    # Most cells fit one line: a length check per cell skips the estimate (thousands of
    # rows in a ten-year Earlier results sheet).
    short = [(i, max(int(w * _CHARACTERS_PER_WIDTH) - 1, 1), w) for i, w in wrapped]
    for row_number, values in enumerate(rows, start=2):
        long = [
            (v, w)
            for i, per_line, w in short
            if isinstance(v := values[i], str) and (len(v) > per_line or "\n" in v)
        ]
        if long:
            fit_row_height(writer.ws, row_number, long)
    header_lines = max(
        estimated_lines(c.header, w - 3) for c, w in zip(columns, widths, strict=True)
    )
    if header_lines > 1:
        writer.ws.row_dimensions[1].height = header_lines * LINE_HEIGHT
    writer.ws.freeze_panes = freeze


def add_table(ws: Worksheet, name: str, columns: int, rows: int, first_row: int = 1) -> None:
    """An Excel table over a header row and `rows` data rows (at least one: Excel refuses
    a table without a data row, so an empty list keeps one blank row)."""
    last_row = first_row + max(rows, 1)
    ref = f"A{first_row}:{get_column_letter(columns)}{last_row}"
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    ws.add_table(table)


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def fitted_width(
    header: str, values: Iterable[str], minimum: float = 8, maximum: float = MAX_AUTO_WIDTH
) -> float:
    """A column width that shows the header (plus the filter button) and most values."""
    longest = len(header) + 4
    for text in values:
        for line in text.splitlines() or [""]:
            longest = max(longest, len(line) + 2)
    return float(min(max(longest, minimum), maximum))


LINE_HEIGHT = 15.0
MAX_ROW_HEIGHT = 409.0  # Excel's limit, in points
_CHARACTERS_PER_WIDTH = 1.2  # average text is narrower than the "0" a width unit measures


def estimated_lines(text: str, width: float) -> int:
    """Lines `text` takes wrapped in a column `width` wide. Excel and LibreOffice do not
    size rows to wrapped text they did not lay out themselves, so the tracker sets heights."""
    per_line = max(int(width * _CHARACTERS_PER_WIDTH) - 1, 1)
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(max(1, -(-len(line) // per_line)) for line in text.split("\n"))


def fit_row_height(ws: Worksheet, row: int, texts: Iterable[tuple[str, float]]) -> None:
    """The row as tall as its longest wrapped text (pairs of text and column width)."""
    lines = max((estimated_lines(text, width) for text, width in texts if text), default=1)
    if lines > 1:
        ws.row_dimensions[row].height = min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT)


def header_footer_text(text: str) -> str:
    """User text for a print header or footer: `&` starts a code there, so it is doubled;
    the whole header is limited to 255 characters, so the text is kept short."""
    safe = xml_safe(text).replace("\r", " ").replace("\n", " ")
    if len(safe) > HEADER_FOOTER_TEXT:
        safe = safe[: HEADER_FOOTER_TEXT - 1] + "…"
    return safe.replace("&", "&&")


def print_setup(
    ws: Worksheet, organisation: str, office: str, fiscal_year: str, header_rows: str | None = "1:1"
) -> None:
    """Landscape, fit to one page wide, header row repeated, organisation and page number."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header_rows:
        ws.print_title_rows = header_rows
    parts = (
        (ws.oddHeader.left, organisation),
        (ws.oddHeader.center, ws.title),
        (ws.oddHeader.right, fiscal_year),
        (ws.oddFooter.left, office),
    )
    for part, text in parts:
        if text.strip():  # an empty part written as "&L" confuses readers of the header
            part.text = header_footer_text(text)
    ws.oddFooter.right.text = "Page &P of &N"


def new_book() -> XlsxBook:
    book = XlsxBook()
    book.remove(book.active)
    return book


@dataclass
class TrackerBuild:
    """One export in progress: the workbook, the openpyxl book, the notes and the styles."""

    workbook: Workbook
    book: XlsxBook
    notes: Notes = field(default_factory=Notes)
    looks: dict[str, Any] = field(default_factory=dict)

    def sheet(self, title: str) -> SheetWriter:
        ws = self.book.create_sheet(title)
        return SheetWriter(ws, self.notes, self.looks)

    def print_setup(self, ws: Worksheet, header_rows: str | None = "1:1") -> None:
        setup = self.workbook.setup
        print_setup(
            ws,
            setup.organisation,
            self.workbook.office_title(),
            setup.fiscal_year.label,
            header_rows,
        )
