"""Building blocks of the briefing deck: the slide's content area, text boxes, native tables
and the text rules (XML-safe, one line where a line is expected, cut with "…").

Everything here makes native, editable PowerPoint shapes; nothing is drawn as a picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from exporters.text import xml_safe

ELLIPSIS = "…"
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
INK = RGBColor(0x1D, 0x27, 0x33)
MUTED = RGBColor(0x5B, 0x66, 0x73)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
LAST_YEAR = RGBColor(0xAA, 0xB6, 0xC3)
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
    (row, column) of `rows`, with white text on the darker fills."""
    fills = fills or {}
    row_height = Pt(size * 2.1)
    height = min(area.height, row_height * (len(rows) + 1))
    shape = slide.shapes.add_table(
        len(rows) + 1, len(header), area.left, area.top, area.width, height
    )
    grid = shape.table
    total = sum(widths)
    for index, share in enumerate(widths):
        grid.columns[index].width = int(area.width * share / total)
    for row in grid.rows:
        row.height = int(height / (len(rows) + 1))
    for col, text in enumerate(header):
        _cell(grid.cell(0, col), text, size, bold=True, colour=WHITE, fill=HEADER_FILL)
    for r, values in enumerate(rows, start=1):
        for col, text in enumerate(values):
            fill = fills.get((r - 1, col))
            dark = fill is not None and sum((fill[0], fill[1], fill[2])) < 3 * 160
            _cell(
                grid.cell(r, col),
                text,
                size,
                colour=WHITE if dark else INK,
                fill=fill if fill is not None else (ROW_FILL if r % 2 == 0 else WHITE),
                centre=centre_from is not None and col >= centre_from,
            )


def _cell(
    cell: object,
    text: str,
    size: int,
    *,
    bold: bool = False,
    colour: RGBColor = INK,
    fill: RGBColor = WHITE,
    centre: bool = False,
) -> None:
    from pptx.table import _Cell

    assert isinstance(cell, _Cell)
    cell.fill.solid()
    cell.fill.fore_color.rgb = fill
    cell.margin_left = cell.margin_right = Pt(4)
    cell.margin_top = cell.margin_bottom = Pt(2)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame = cell.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    if centre:
        paragraph.alignment = PP_ALIGN.CENTER
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = colour
