"""The styles the Word charter uses, and the default charter template the project ships.

Every style the charter refers to is named once here (`PARAGRAPH_STYLES`, `TABLE_STYLES`).
The shipped template, resources/templates/charter.docx, is generated from python-docx's
blank document by `build_default_template()` (run `python -m exporters.charter_template`
to rewrite it): A4, one section, a title page without header or footer, and every charter
style defined with explicit fonts, so a style copied into an organisation's template looks
the same there.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle
from lxml import etree

# --- the look --------------------------------------------------------------------------

FONT = "Calibri"
INK = RGBColor(0x26, 0x26, 0x26)
ACCENT = RGBColor(0x1F, 0x38, 0x64)  # dark blue: headings, table header rows
MUTED = RGBColor(0x59, 0x59, 0x59)
ACCENT_HEX = "1F3864"
RULE_HEX = "BFBFBF"

# --- the styles the charter uses (by name, as Word shows them) --------------------------

NORMAL = "Normal"
TITLE = "Title"
SUBTITLE = "Subtitle"
HEADING_1 = "Heading 1"
HEADING_2 = "Heading 2"
TOC_HEADING = "TOC Heading"
TOC_1 = "toc 1"
TOC_2 = "toc 2"
HEADER = "Header"
FOOTER = "Footer"
STATEMENT = "Charter Statement"
NOTE = "Charter Note"
TABLE_TEXT = "Charter Table Text"
TABLE_HEADING = "Charter Table Heading"
TABLE_SMALL = "Charter Table Small"
TABLE = "Charter Table"
DETAILS_TABLE = "Charter Details"

PARAGRAPH_STYLES = (
    NORMAL,
    TITLE,
    SUBTITLE,
    HEADING_1,
    HEADING_2,
    TOC_HEADING,
    TOC_1,
    TOC_2,
    HEADER,
    FOOTER,
    STATEMENT,
    NOTE,
    TABLE_TEXT,
    TABLE_HEADING,
    TABLE_SMALL,
)
TABLE_STYLES = (TABLE, DETAILS_TABLE)

# A fixed date keeps the generated template byte-stable.
_TEMPLATE_DATE = datetime(2025, 1, 1)

_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>PMO Workbook</Application></Properties>'
)


def build_default_template() -> bytes:
    """The default charter template as .docx bytes."""
    document = Document()
    _drop_leftover_parts(document)
    _page_setup(document)
    _define_styles(document)
    properties = document.core_properties
    for field in (
        "author",
        "comments",
        "keywords",
        "category",
        "subject",
        "last_modified_by",
        "content_status",
        "identifier",
        "version",
        "language",
    ):
        setattr(properties, field, "")
    properties.title = "Charter template"
    properties.revision = 1
    properties.created = properties.modified = _TEMPLATE_DATE
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_timestamps(buffer.getvalue())


def _fixed_timestamps(data: bytes) -> bytes:
    """The same zip with every entry dated `_TEMPLATE_DATE`, so regenerating the shipped
    template changes its bytes only when its content changes."""
    stamp = _TEMPLATE_DATE.timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(
                zipfile.ZipInfo(info.filename, date_time=stamp),
                source.read(info),
                zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()


def app_properties_xml() -> bytes:
    return _APP_XML.encode("utf-8")


def _drop_leftover_parts(document: DocxDocument) -> None:
    """python-docx's blank document carries a Word thumbnail, a bibliography customXml part
    and "Microsoft Macintosh Word" app properties; none belongs in our template."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app_properties_xml()  # a plain Part: replace its bytes
    for rel_id, rel in list(document.part.rels.items()):
        # Word 2010's stylesWithEffects is a stale copy of the styles nothing reads.
        if rel.reltype == RT.CUSTOM_XML or rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)
            document.part.rels.pop(rel_id, None)
    settings = document.settings.element
    for name in ("w:savePreviewPicture", "w:attachedTemplate"):
        for element in settings.findall(qn(name)):
            settings.remove(element)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")  # Word 2013+: no "[Compatibility Mode]"


def _page_setup(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.1)
    # The title page carries no header or footer.
    section.different_first_page_header_footer = True


def _define_styles(document: DocxDocument) -> None:
    styles = document.styles
    normal = _paragraph(styles[NORMAL], size=10.5, color=INK, before=0, after=6)
    normal.paragraph_format.line_spacing = 1.1
    _paragraph(styles[TITLE], size=28, color=ACCENT, bold=True, before=0, after=6)
    _replace(styles[TITLE], "w:pBdr", None)
    _paragraph(styles[SUBTITLE], size=15, color=MUTED, before=0, after=24, italic=False)
    _paragraph(styles[HEADING_1], size=16, color=ACCENT, bold=True, before=18, after=6)
    _paragraph(styles[HEADING_2], size=12.5, color=ACCENT, bold=True, before=12, after=4)
    for name in (HEADING_1, HEADING_2):
        styles[name].paragraph_format.keep_with_next = True
    toc_heading = _paragraph(
        styles[TOC_HEADING], size=16, color=ACCENT, bold=True, before=0, after=12
    )
    # Outline level 10 ("body text") keeps the Contents heading out of the contents.
    _replace(toc_heading, "w:outlineLvl", f'<w:outlineLvl {nsdecls("w")} w:val="9"/>')
    _paragraph(styles[HEADER], size=8.5, color=MUTED, before=0, after=0)
    _paragraph(styles[FOOTER], size=8.5, color=MUTED, before=0, after=0)
    for name, indent in ((TOC_1, 0.0), (TOC_2, 0.6)):
        toc = _new_paragraph_style(document, name, bold=indent == 0, size=10.5, after=3)
        toc.paragraph_format.left_indent = Cm(indent)
    statement = _new_paragraph_style(
        document, STATEMENT, size=12.5, color=ACCENT, italic=True, before=6, after=6
    )
    statement.paragraph_format.left_indent = Cm(0.5)
    _replace(
        statement,
        "w:pBdr",
        f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="18" '
        f'w:space="8" w:color="{ACCENT_HEX}"/></w:pBdr>',
    )
    _new_paragraph_style(document, NOTE, size=9, color=MUTED, before=0, after=6)
    table_text = _new_paragraph_style(document, TABLE_TEXT, size=9, before=1, after=1)
    table_text.paragraph_format.line_spacing = 1.0
    small = _new_paragraph_style(document, TABLE_SMALL, size=8, before=0, after=0)
    small.paragraph_format.line_spacing = 1.0
    heading = _new_paragraph_style(
        document,
        TABLE_HEADING,
        size=9,
        bold=True,
        color=RGBColor(0xFF, 0xFF, 0xFF),
        before=1,
        after=1,
    )
    heading.paragraph_format.keep_with_next = True
    _new_table_style(document, TABLE, borders=True)
    _new_table_style(document, DETAILS_TABLE, borders=False)


def _new_paragraph_style(
    document: DocxDocument,
    name: str,
    *,
    size: float,
    color: RGBColor = INK,
    bold: bool = False,
    italic: bool = False,
    before: float = 0,
    after: float = 6,
) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = document.styles[NORMAL]
    style.quick_style = True
    return _paragraph(
        style, size=size, color=color, bold=bold, italic=italic, before=before, after=after
    )


def _paragraph(
    style: BaseStyle,
    *,
    size: float,
    color: RGBColor = INK,
    bold: bool = False,
    italic: bool = False,
    before: float = 0,
    after: float = 6,
) -> ParagraphStyle:
    assert isinstance(style, ParagraphStyle)
    font = style.font
    font.size = Pt(size)
    font.bold, font.italic = bold, italic
    font.color.rgb = color
    # Explicit fonts, not theme fonts: a template without our theme renders the same.
    rpr = style.element.get_or_add_rPr()
    _replace_child(
        rpr,
        "w:rFonts",
        f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" '
        f'w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>',
        first=True,
    )
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)
    return style


def _replace(style: BaseStyle, tag: str, xml: str | None) -> None:
    _replace_child(style.element.get_or_add_pPr(), tag, xml)


def _replace_child(parent: etree._Element, tag: str, xml: str | None, first: bool = False) -> None:
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    if xml is None:
        return
    element = parse_xml(xml)
    if first:
        parent.insert(0, element)
    else:
        _insert_in_order(parent, element)


# pPr children in schema order: inserting out of order makes Word "repair" the file.
_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


def _insert_in_order(parent: etree._Element, element: etree._Element) -> None:
    name = element.tag.split("}")[1]
    rank = _PPR_ORDER.index(name)
    for index, child in enumerate(parent):
        child_name = child.tag.split("}")[1]
        if child_name in _PPR_ORDER and _PPR_ORDER.index(child_name) > rank:
            parent.insert(index, element)
            return
    parent.append(element)


def _new_table_style(document: DocxDocument, name: str, *, borders: bool) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.TABLE)
    rule = (
        f'<w:top w:val="single" w:sz="4" w:space="0" w:color="{RULE_HEX}"/>'
        f'<w:left w:val="single" w:sz="4" w:space="0" w:color="{RULE_HEX}"/>'
        f'<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{RULE_HEX}"/>'
        f'<w:right w:val="single" w:sz="4" w:space="0" w:color="{RULE_HEX}"/>'
        f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE_HEX}"/>'
        f'<w:insideV w:val="single" w:sz="4" w:space="0" w:color="{RULE_HEX}"/>'
    )
    table_pr = parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblInd w:w="0" w:type="dxa"/>'
        f"<w:tblBorders>{rule if borders else ''}</w:tblBorders>"
        '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr>"
    )
    style.element.append(table_pr)
