"""Writing the charter's body: paragraphs, runs, tables and fields as WordprocessingML.

The body is composed as XML text and parsed once into the document (`CharterWriter.finish`):
a 500-objective charter has tens of thousands of table cells, and building each through
python-docx's object layer costs several times more than the document itself. Every piece
of text goes through `text_xml`, which passes it through the shared sanitiser
(`exporters.text.xml_safe`) and escapes it, so user text is always text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from exporters import charter_styles as cs
from exporters.text import xml_safe

W = nsdecls("w")
TOC_LEVELS = 2
KEEP_WHOLE_ROWS = 8  # tables up to this many rows are not split across pages
# A hanging indent for "•<tab>text": the bullet in the margin, wrapped lines under the text.
BULLET_INDENT = '<w:ind w:left="357" w:hanging="357"/>'


def text_xml(text: str) -> str:
    """Run content for `text`: tabs and line breaks become Word's, the rest escaped text."""
    safe = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for line_no, line in enumerate(safe.split("\n")):
        if line_no:
            out.append("<w:br/>")
        for piece_no, piece in enumerate(line.split("\t")):
            if piece_no:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(out)


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look. User text always gets runs of its own, never shared
    with a generated sentence."""

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    underline: bool = False
    color: str | None = None

    def xml(self) -> str:
        content = text_xml(self.text)
        if not content:
            return ""
        # rPr children in schema order: b, i, strike, color, u.
        props = "".join(
            (
                "<w:b/>" if self.bold else "",
                "<w:i/>" if self.italic else "",
                "<w:strike/>" if self.strike else "",
                f'<w:color w:val="{self.color}"/>' if self.color else "",
                '<w:u w:val="single"/>' if self.underline else "",
            )
        )
        return f"<w:r><w:rPr>{props}</w:rPr>{content}</w:r>" if props else f"<w:r>{content}</w:r>"


RunLike = str | Run


def runs_xml(runs: Iterable[RunLike]) -> str:
    return "".join(Run(r).xml() if isinstance(r, str) else r.xml() for r in runs)


@dataclass(frozen=True)
class Cell:
    """A table cell with more than plain text: several runs, a fill colour, alignment."""

    runs: Sequence[RunLike]
    fill: str | None = None
    center: bool = False


CellLike = str | Cell


@dataclass
class CharterWriter:
    """Collects the body as XML fragments; `finish` parses them into the document."""

    document: DocxDocument
    style_ids: dict[str, str]
    text_width: int
    accent: str = cs.ACCENT_HEX
    issued: date | None = None
    """The date the charter version is issued on (title page, document control)."""
    """The colour of table header rows and labels: the template's heading colour."""
    parts: list[str] = field(default_factory=list)
    headings: list[tuple[int, str, str]] = field(default_factory=list)
    _toc_at: int | None = None
    _toc_headings: int = 0

    # --- paragraphs ---------------------------------------------------------------------

    def paragraph(
        self, *runs: RunLike, style: str = cs.NORMAL, extra_ppr: str = "", before_runs: str = ""
    ) -> None:
        self.parts.append(self.paragraph_xml(runs, style, extra_ppr, before_runs))

    def paragraph_xml(
        self,
        runs: Iterable[RunLike],
        style: str = cs.NORMAL,
        extra_ppr: str = "",
        before_runs: str = "",
    ) -> str:
        style_xml = f"<w:pStyle w:val={quoteattr(self.style_ids[style])}/>"
        return f"<w:p><w:pPr>{style_xml}{extra_ppr}</w:pPr>{before_runs}{runs_xml(runs)}</w:p>"

    def heading(self, level: int, *runs: RunLike) -> None:
        """A heading, bookmarked so the table of contents can point at it."""
        number = len(self.headings) + 1
        mark = f"_Toc{number:08d}"
        text = "".join(r if isinstance(r, str) else r.text for r in runs)
        self.headings.append((level, text, mark))
        style = cs.HEADING_1 if level == 1 else cs.HEADING_2
        self.parts.append(
            self.paragraph_xml(
                runs,
                style,
                before_runs=f'<w:bookmarkStart w:id="{number}" w:name="{mark}"/>',
            ).replace("</w:p>", f'<w:bookmarkEnd w:id="{number}"/></w:p>')
        )

    def note(self, *runs: RunLike) -> None:
        self.paragraph(*runs, style=cs.NOTE)

    def bullet(self, *runs: RunLike) -> None:
        """A bulleted line: the bullet in the margin, wrapped lines under the text."""
        self.paragraph("•\t", *runs, extra_ppr=BULLET_INDENT)

    def keep_with_next(self) -> None:
        """The last paragraph written stays on the page of what follows (a lead-in
        sentence with its table)."""
        last = self.parts[-1] if self.parts else ""
        marker = "<w:p><w:pPr><w:pStyle "
        if last.startswith(marker) and "<w:keepNext/>" not in last:
            end = last.index("/>", len(marker)) + 2
            self.parts[-1] = last[:end] + "<w:keepNext/>" + last[end:]

    def statement(self, text: str) -> None:
        self.paragraph(text, style=cs.STATEMENT)

    def page_break(self) -> None:
        self.parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def table_of_contents(self) -> None:
        """Mark where the contents go; `finish` writes them once every heading is known."""
        self._toc_at = len(self.parts)
        self._toc_headings = len(self.headings)
        self.parts.append("")

    # --- tables -------------------------------------------------------------------------

    def table(
        self,
        columns: Sequence[tuple[str, float]],
        rows: Iterable[Sequence[CellLike]],
        *,
        style: str = cs.TABLE,
        header: bool = True,
        small: bool = False,
    ) -> None:
        """A table as wide as the text, columns sized by their weights; the header row
        repeats on every page and is shaded directly (not through conditional table
        formatting, which LibreOffice applies unreliably). The sentence before the table
        stays on its page, and the last row never stands alone on a page of its own.
        `small` sets long reference tables in a smaller type."""
        self.keep_with_next()
        rows = list(rows)
        total = sum(weight for _, weight in columns) or 1.0
        widths = [max(300, int(self.text_width * weight / total)) for _, weight in columns]
        text_style = quoteattr(self.style_ids[cs.TABLE_SMALL if small else cs.TABLE_TEXT])
        cell_open = [f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>' for w in widths]
        out = [
            f"<w:tbl><w:tblPr><w:tblStyle w:val={quoteattr(self.style_ids[style])}/>"
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid>",
        ]
        if header:
            heading_p = (
                f"<w:p><w:pPr><w:pStyle w:val="
                f"{quoteattr(self.style_ids[cs.TABLE_HEADING])}/></w:pPr>"
            )
            out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
            for (title, _), width in zip(columns, widths, strict=True):
                out.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                    f'<w:shd w:val="clear" w:color="auto" w:fill="{self.accent}"/></w:tcPr>'
                    f"{heading_p}{Run(title, color='FFFFFF').xml()}</w:p></w:tc>"
                )
            out.append("</w:tr>")
        # Keep-with-next on a row keeps it on the page of the next: a short table stays
        # whole, a long one never leaves its last row alone on a page.
        keep_from = 0 if len(rows) <= KEEP_WHOLE_ROWS else len(rows) - 2
        for row_index, row in enumerate(rows):
            keep = "<w:keepNext/>" if keep_from <= row_index < len(rows) - 1 else ""
            plain_p = f"<w:p><w:pPr><w:pStyle w:val={text_style}/>{keep}</w:pPr>"
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for index, value in enumerate(row):
                if isinstance(value, str):
                    content = text_xml(value)
                    run = f"<w:r>{content}</w:r>" if content else ""
                    out.append(f"{cell_open[index]}{plain_p}{run}</w:p></w:tc>")
                else:
                    out.append(self._cell_xml(value, widths[index], text_style, keep))
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.parts.append("".join(out))
        # Two tables in a row would merge into one; a small gap keeps them apart.
        self.parts.append(f"<w:p><w:pPr><w:pStyle w:val={text_style}/></w:pPr></w:p>")

    @staticmethod
    def _cell_xml(cell: Cell, width: int, text_style: str, keep: str) -> str:
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.fill}"/>' if cell.fill else ""
        align = '<w:jc w:val="center"/>' if cell.center else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
            f"<w:p><w:pPr><w:pStyle w:val={text_style}/>{keep}{align}</w:pPr>"
            f"{runs_xml(cell.runs)}</w:p></w:tc>"
        )

    # --- finishing ----------------------------------------------------------------------

    def finish(self) -> None:
        """Parse the collected body into the document, before its section properties."""
        if self._toc_at is not None:
            self.parts[self._toc_at] = self._contents_xml()
        # The new body (with the template's section properties at its end) replaces the old
        # one in a single move: moving thousands of parsed elements one by one across lxml
        # documents costs seconds on a large charter.
        body = self.document.element.body
        section = body.find(qn("w:sectPr"))
        tail = etree.tostring(section, encoding="unicode") if section is not None else ""
        new_body = parse_xml(f"<w:body {W}>{''.join(self.parts)}{tail}</w:body>")
        body.getparent().replace(body, new_body)
        self.parts.clear()

    def _contents_xml(self) -> str:
        """The table of contents: a TOC field Word fills on open (settings ask it to update
        fields). Its cached result lists the headings, so a reader that does not update
        fields (LibreOffice, a PDF made from it) still shows what the charter holds."""
        # Headings before the contents (summary, document control, approvals) are not
        # listed: a contents page lists what follows it.
        entries = [
            (level, text)
            for level, text, _ in self.headings[self._toc_headings :]
            if level <= TOC_LEVELS
        ]
        if not entries:
            entries = [(1, "Update this field to list the contents.")]
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u '
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        paragraphs = []
        for index, (level, text) in enumerate(entries):
            style = cs.TOC_1 if level == 1 else cs.TOC_2
            first = begin if index == 0 else ""
            last = end if index == len(entries) - 1 else ""
            paragraphs.append(
                self.paragraph_xml([text], style, before_runs=first).replace(
                    "</w:p>", f"{last}</w:p>"
                )
            )
        return "".join(paragraphs)
