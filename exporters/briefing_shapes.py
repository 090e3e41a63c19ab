"""Building blocks of the briefing deck: the slide's content area, text boxes, native tables
and the text rules (XML-safe, one line where a line is expected, cut with "…").

Everything here makes native, editable PowerPoint shapes; nothing is drawn as a picture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from exporters.text import xml_safe

ELLIPSIS = "…"
CELL_MARGIN_X = Pt(4)
CELL_MARGIN_Y = Pt(2)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
INK = RGBColor(0x1D, 0x27, 0x33)
MUTED = RGBColor(0x5B, 0x66, 0x73)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
LAST_YEAR = RGBColor(0xAA, 0xB6, 0xC3)
ATTENTION = RGBColor(0xA1, 0x5C, 0x00)
HEADER_FILL = ACCENT
ROW_FILL = RGBColor(0xF3, 0xF6, 0xF9)
GAP_FILL = RGBColor(0xF8, 0xCB, 0xAD)
STRENGTH_FILLS = {
    "strong": RGBColor(0x1F, 0x4E, 0x79),
    "medium": RGBColor(0x5B, 0x8D, 0xC0),
    "weak": RGBColor(0xBD, 0xD7, 0xEE),
}
STATUS_FILLS = {
    "on_track": RGBColor(0x2E, 0x7D, 0x32),
    "at_risk": RGBColor(0xC7, 0x78, 0x00),
    "off_track": RGBColor(0xC6, 0x28, 0x28),
    "not_started": RGBColor(0x78, 0x83, 0x8F),
    "achieved": RGBColor(0x15, 0x65, 0xC0),
    "retired": RGBColor(0x78, 0x83, 0x8F),
}


def fit(text: str, limit: int) -> str:
    """User text ready for a shape: XML-safe, cut to `limit` characters with "…" so a
    40,000-character field cannot run off the slide (the charter keeps the full text)."""
    text = xml_safe(text).replace("\r", " ").strip()
    # A vertical tab would become a line break in PowerPoint; keep it visible as text.
    text = text.replace("\v", "\ufffd").replace("\f", "\ufffd")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def one_line(text: str, limit: int) -> str:
    return fit(" ".join(text.split()), limit)


@dataclass(frozen=True)
class Area:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    def columns(self, count: int, gap: int = Inches(0.3)) -> list[Area]:
        width = (self.width - gap * (count - 1)) // count
        return [
            Area(self.left + i * (width + gap), self.top, width, self.height) for i in range(count)
        ]

    def below(self, offset: int) -> Area:
        return Area(self.left, self.top + offset, self.width, max(Emu(0), self.height - offset))

    def top_part(self, height: int) -> Area:
        return Area(self.left, self.top, self.width, min(height, self.height))


def text_box(
    slide: Slide,
    area: Area,
    paragraphs: list[tuple[str, int, bool, RGBColor]],
    *,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> None:
    """A text box of paragraphs given as (text, size in points, bold, colour)."""
    box = slide.shapes.add_textbox(area.left, area.top, area.width, area.height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for index, (text, size, bold, colour) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour
        paragraph.space_after = Pt(size * 0.4)


def table(
    slide: Slide,
    area: Area,
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    *,
    size: int = 12,
    fills: dict[tuple[int, int], RGBColor] | None = None,
    centre_from: int | None = None,
) -> None:
    """A native table: a filled header row, then `rows`; `fills` colours cells by
    (row, column) of `rows`, with white text on the darker fills.

    The rows are written as DrawingML text and parsed once: styling each cell through
    python-pptx's object layer (fill, margins, run font) costs over a millisecond a cell."""
    fills = fills or {}
    count = len(rows) + 1
    height = min(area.height, Pt(size * 2.1) * count)
    shape = slide.shapes.add_table(count, len(header), area.left, area.top, area.width, height)
    tbl = shape._element.graphic.graphicData.tbl
    total = sum(widths)
    for grid_col, share in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = int(area.width * share / total)
    row_height = int(height / count)
    xml = [_row_xml(header, row_height, size, lambda _c: (HEADER_FILL, WHITE, True, False))]
    for r, values in enumerate(rows):
        band = ROW_FILL if r % 2 else WHITE

        def look(
            col: int, r: int = r, band: RGBColor = band
        ) -> tuple[RGBColor, RGBColor, bool, bool]:
            fill = fills.get((r, col))
            dark = fill is not None and sum((fill[0], fill[1], fill[2])) < 3 * 160
            centre = centre_from is not None and col >= centre_from
            return (fill if fill is not None else band, WHITE if dark else INK, False, centre)

        xml.append(_row_xml(values, row_height, size, look))
    for old in tbl.tr_lst:
        tbl.remove(old)
    parsed = parse_xml(f"<a:tbl {nsdecls('a')}>{''.join(xml)}</a:tbl>")
    for row in list(parsed):
        tbl.append(row)


def _row_xml(
    values: list[str],
    height: int,
    size: int,
    look: Callable[[int], tuple[RGBColor, RGBColor, bool, bool]],
) -> str:
    cells = []
    for col, text in enumerate(values):
        fill, colour, bold, centre = look(col)
        weight = ' b="1"' if bold else ""
        run = (
            f'<a:r><a:rPr lang="en-GB" sz="{size * 100}"{weight} dirty="0">'
            f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:rPr>'
            f"<a:t>{escape(xml_safe(text))}</a:t></a:r>"
            if text
            else ""
        )
        align = '<a:pPr algn="ctr"/>' if centre else ""
        cells.append(
            f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p>{align}{run}</a:p></a:txBody>"
            f'<a:tcPr marL="{CELL_MARGIN_X}" marR="{CELL_MARGIN_X}" marT="{CELL_MARGIN_Y}" '
            f'marB="{CELL_MARGIN_Y}" anchor="ctr"><a:solidFill><a:srgbClr val="{fill}"/>'
            "</a:solidFill></a:tcPr></a:tc>"
        )
    return f'<a:tr h="{height}">{"".join(cells)}</a:tr>'
