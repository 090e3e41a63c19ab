"""Loading the template a charter is built on, and making sure it has every style we use.

The template is the shipped default (resources/templates/charter.docx) or the
organisation's own .docx or .dotx. Its styles, page setup, header, footer and logo are
kept; its body is emptied. A .dotx is opened by switching its main part's content type to
the document type in memory. Styles the template lacks are copied from the shipped
template up front, so no paragraph is ever written with a style that is not there.

`python -m exporters.charter_template` (re)writes the shipped template.
"""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from pathlib import Path

from defusedxml import ElementTree as SafeTree
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from exporters import charter_styles as cs
from planning.atomic import atomic_write
from planning.errors import WorkbookError
from planning.reading import read_user_file

DEFAULT_TEMPLATE = (
    Path(__file__).resolve().parent.parent / "resources" / "templates" / ("charter.docx")
)

_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_OTHER_OFFICE = {"spreadsheetml": "an Excel workbook", "presentationml": "a PowerPoint file"}
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# A real template is a few megabytes at most; refuse zip bombs before inflating them.
_MAX_UNPACKED = 200 * 1024 * 1024
_DEFAULT_TEXT_WIDTH = 9354  # twips: A4 with 2.2 cm margins


class TemplateError(WorkbookError):
    """The charter template cannot be used: not a Word document, damaged or unreadable."""


def open_template(path: str | Path | None) -> DocxDocument:
    """The template as a python-docx document with an empty body (only its last sectPr)."""
    if path is None:
        data = (
            DEFAULT_TEMPLATE.read_bytes()
            if DEFAULT_TEMPLATE.exists()
            else cs.build_default_template()
        )
        document = Document(io.BytesIO(data))
    else:
        document = _open_organisation_template(Path(path))
    _empty_body(document)
    return document


def _open_organisation_template(path: Path) -> DocxDocument:
    name = path.name
    data = read_user_file(path, what="a Word document", error=TemplateError)
    data = _as_word_document(data, name)
    try:
        return Document(io.BytesIO(data))
    # python-docx reports a broken package with whatever its parser hit (KeyError for a
    # missing part, XMLSyntaxError, ValueError...): each means the same thing to the user.
    except Exception as exc:
        raise TemplateError(
            f"The template {name} is damaged: Word parts are missing or unreadable."
        ) from exc


def _as_word_document(data: bytes, name: str) -> bytes:
    """`data` if it is a Word document; a .dotx switched to the document type; else refuse."""
    not_word = f"The template {name} is not a Word document: use a .docx or .dotx file."
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(not_word)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > _MAX_UNPACKED:
                raise TemplateError(f"The template {name} is too large to be a template.")
            if archive.testzip() is not None:
                raise TemplateError(f"The template {name} is damaged: its contents are corrupt.")
            types_xml = archive.read("[Content_Types].xml")
            content_type = _main_content_type(types_xml)
            if content_type == _DOCUMENT_TYPE:
                return data
            if content_type in _MACRO_TYPES:
                raise TemplateError(
                    f"The template {name} contains macros: save it as a .docx or .dotx "
                    "without macros and choose it again."
                )
            if content_type == _TEMPLATE_TYPE:
                return _switched_to_document(archive, types_xml)
    except KeyError as exc:  # no [Content_Types].xml: a zip, but not an Office file
        raise TemplateError(not_word) from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise TemplateError(f"The template {name} is damaged: it cannot be unpacked.") from exc
    for family, what in _OTHER_OFFICE.items():
        if family in content_type:
            raise TemplateError(
                f"The template {name} is {what}, not a Word document: use a .docx or .dotx file."
            )
    raise TemplateError(not_word)


def _main_content_type(types_xml: bytes) -> str:
    try:
        root = SafeTree.fromstring(types_xml)
    except Exception:  # defusedxml raises ParseError or its own refusals
        return ""
    for override in root.iter(f"{_CT_NS}Override"):
        if override.get("PartName", "").lower() in ("/word/document.xml",) or (
            override.get("ContentType", "").endswith(".main+xml")
        ):
            return str(override.get("ContentType", ""))
    return ""


def _switched_to_document(archive: zipfile.ZipFile, types_xml: bytes) -> bytes:
    switched = types_xml.replace(_TEMPLATE_TYPE.encode(), _DOCUMENT_TYPE.encode())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            payload = switched if info.filename == "[Content_Types].xml" else archive.read(info)
            out.writestr(info, payload)
    return buffer.getvalue()


def _empty_body(document: DocxDocument) -> None:
    """Remove every body element except the final section properties (page setup, header
    and footer references survive)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    body.get_or_add_sectPr()


# --- styles ------------------------------------------------------------------------------


def ensure_styles(document: DocxDocument) -> tuple[dict[str, str], list[str]]:
    """Map every charter style name to its style id in `document`, copying the styles the
    template lacks from the shipped template first. Returns (ids, notes)."""
    styles = document.styles.element
    wanted = [(name, "paragraph") for name in cs.PARAGRAPH_STYLES]
    wanted += [(name, "table") for name in cs.TABLE_STYLES]
    ids: dict[str, str] = {}
    copied: list[str] = []
    source = None
    for name, kind in wanted:
        found = _find_style(styles, name, kind)
        if found is None:
            if source is None:
                source = open_template(None).styles.element
            original = _find_style(source, name, kind)
            if original is None:  # the shipped template defines every style: see test
                raise TemplateError(f"The default charter template lacks the style {name}.")
            found = _copy_style(styles, source, original)
            _adopt_template_look(found, name)
            copied.append(name)
        ids[name] = str(found.get(qn("w:styleId")))
    recolour_headings(document, accent_colour(document), copied)
    notes = []
    if copied:
        notes.append(
            f"The template lacks {len(copied)} of the styles the charter uses; they were taken "
            f"from the default charter template: {', '.join(copied)}."
        )
    return ids, notes


# Copied styles whose colour is the heading colour; the others take Normal's colour, except
# the table header text, which stays white on the header row's fill.
_HEADING_LIKE = {cs.TITLE, cs.SUBTITLE, cs.HEADING_1, cs.HEADING_2, cs.TOC_HEADING, cs.STATEMENT}
_OWN_COLOUR = {cs.TABLE_HEADING}


def _adopt_template_look(style: etree._Element, name: str) -> None:
    """A style copied from the shipped template into an organisation's template drops the
    shipped fonts (Calibri) and text colours, so it inherits the template's own Normal;
    heading-like styles keep a colour, which `recolour_headings` sets to the template's."""
    rpr = style.find(qn("w:rPr"))
    if rpr is None:
        return
    for fonts in rpr.findall(qn("w:rFonts")):
        rpr.remove(fonts)
    if name not in _HEADING_LIKE and name not in _OWN_COLOUR:
        for colour in rpr.findall(qn("w:color")):
            rpr.remove(colour)


def recolour_headings(document: DocxDocument, accent: str, copied: list[str]) -> None:
    """Heading-like styles copied from the shipped template take the template's accent."""
    styles = document.styles.element
    for name in copied:
        if name not in _HEADING_LIKE:
            continue
        style = _find_style(styles, name, "paragraph")
        if style is None:
            continue
        for colour in style.iter(qn("w:color")):
            colour.set(qn("w:val"), accent)
        for border in style.iter(qn("w:left")):  # the statement's rule in the margin
            if border.get(qn("w:color")):
                border.set(qn("w:color"), accent)


def _find_style(styles: etree._Element, name: str, kind: str) -> etree._Element | None:
    wanted = name.casefold()
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:type"), "paragraph") != kind:
            continue
        name_element = style.find(qn("w:name"))
        if name_element is not None and str(name_element.get(qn("w:val"), "")).casefold() == (
            wanted
        ):
            return style
    return None


def _style_name(style: etree._Element) -> str:
    element = style.find(qn("w:name"))
    return "" if element is None else str(element.get(qn("w:val"), ""))


def _copy_style(
    target: etree._Element, source: etree._Element, original: etree._Element
) -> etree._Element:
    """Copy `original` (a w:style of `source`) into `target`, with the styles it is based
    on; ids that clash get a new one, links to styles the target lacks are dropped."""
    copy = deepcopy(original)
    kind = str(copy.get(qn("w:type"), "paragraph"))
    taken = {str(s.get(qn("w:styleId"))) for s in target.iterchildren(qn("w:style"))}
    style_id = str(copy.get(qn("w:styleId")))
    base_id = style_id
    counter = 1
    while style_id in taken:
        counter += 1
        style_id = f"{base_id}Charter{counter}"
    copy.set(qn("w:styleId"), style_id)
    copy.attrib.pop(qn("w:default"), None)
    for tag in ("w:link", "w:next"):
        for element in copy.findall(qn(tag)):
            copy.remove(element)
    ppr = copy.find(qn("w:pPr"))
    if ppr is not None:  # numbering definitions are not copied, so neither are references
        for element in ppr.findall(qn("w:numPr")):
            ppr.remove(element)
    based_on = copy.find(qn("w:basedOn"))
    if based_on is not None:
        source_base = _by_id(source, str(based_on.get(qn("w:val"))))
        target_base = None
        if source_base is not None:
            target_base = _find_style(target, _style_name(source_base), kind)
            if target_base is None:
                target_base = _copy_style(target, source, source_base)
        if target_base is None:
            copy.remove(based_on)
        else:
            based_on.set(qn("w:val"), str(target_base.get(qn("w:styleId"))))
    target.append(copy)
    return copy


def _by_id(styles: etree._Element, style_id: str) -> etree._Element | None:
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            return style
    return None


def accent_colour(document: DocxDocument) -> str:
    """The colour the charter's own accents (table header rows, labels) take: the
    template's Heading 1 colour, so an organisation's template keeps one look; the shipped
    accent when the heading is black or sets no colour."""
    heading = _find_style(document.styles.element, cs.HEADING_1, "paragraph")
    if heading is not None:
        for colour in heading.iter(qn("w:color")):
            value = str(colour.get(qn("w:val"), "")).upper()
            if len(value) == 6 and value not in ("000000", "FFFFFF"):
                try:
                    int(value, 16)
                except ValueError:
                    continue
                return value
    return cs.ACCENT_HEX


def text_width_twips(document: DocxDocument) -> int:
    """The width between the margins of the (single) section, in twentieths of a point."""
    section = document.sections[-1]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None or width - left - right <= 0:
        return _DEFAULT_TEXT_WIDTH
    return int((width - left - right) / 635)  # 635 EMU per twip


def main() -> int:
    atomic_write(DEFAULT_TEMPLATE, cs.build_default_template())
    print(f"Wrote {DEFAULT_TEMPLATE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
