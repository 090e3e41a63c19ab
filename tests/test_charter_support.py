"""Helpers shared by the charter tests: reading a charter back, building test templates.

Holds no tests itself; the charter test modules import it.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from exporters.charter import build_charter
from planning.model import Workbook

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def charter_document(
    workbook: Workbook, template: Path | None = None
) -> tuple[DocxDocument, bytes, list[str]]:
    data, notes = build_charter(workbook, template, now=NOW)
    return Document(io.BytesIO(data)), data, notes


def iter_paragraphs(document: DocxDocument) -> Iterator[Paragraph]:
    """Every paragraph of the body in reading order, table cells included, then headers
    and footers."""

    def walk(container: DocxDocument | object) -> Iterator[Paragraph]:
        for item in container.iter_inner_content():  # type: ignore[attr-defined]
            if isinstance(item, Paragraph):
                yield item
            elif isinstance(item, Table):
                for row in item.rows:
                    for cell in row.cells:
                        yield from walk(cell)

    yield from walk(document)
    for section in document.sections:
        for part in (section.header, section.footer):
            yield from part.paragraphs


def body_text(document: DocxDocument) -> str:
    return "\n".join(p.text for p in iter_paragraphs(document))


def headings(document: DocxDocument, level: int) -> list[str]:
    name = f"Heading {level}"
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == name]


def user_strings(workbook: Workbook) -> list[str]:
    """Every piece of text the leader typed, longest first."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            if value.strip():
                found.append(value.strip())
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    # The agenda is not printed in the charter, and its topics are step titles ("Office")
    # that would mask generated words.
    walk(workbook.model_dump(mode="python", exclude={"agenda"}))
    return sorted(set(found), key=len, reverse=True)


def generated_text(paragraph: Paragraph, users: list[str]) -> str:
    """The paragraph's text with the user's text taken out: runs that are user text (or a
    piece of it, as in a word-by-word comparison), then user strings inside mixed runs."""
    kept = [
        run.text
        for run in paragraph.runs
        if not (run.text.strip() and any(run.text.strip() in u for u in users))
    ]
    text = "".join(kept)
    for user in users:
        text = text.replace(user, " ")
    return text


def xml_part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def part_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def switch_content_type(data: bytes, old: str, new: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            payload = source.read(info)
            if info.filename == "[Content_Types].xml":
                payload = payload.replace(old.encode(), new.encode())
            out.writestr(info, payload)
    return buffer.getvalue()


def tiny_png() -> bytes:
    """A 4×2 red PNG: a stand-in for an organisation's logo."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (
            struct.pack(">I", len(payload))
            + kind
            + payload
            + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def organisation_template(folder: Path) -> bytes:
    """A .docx as an organisation would keep it: a logo and a banner in the header, a footer
    with its own page number, A5 landscape pages, a custom style, and some body text."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(14.8)
    section.left_margin = section.right_margin = Cm(1.5)
    logo = folder / "logo.png"
    logo.write_bytes(tiny_png())
    header = section.header.paragraphs[0]
    header.add_run().add_picture(str(logo), width=Cm(2))
    header.add_run("Contoso Group banner")
    footer = section.footer.paragraphs[0]
    footer.add_run("Contoso page ")
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "7"),
        ("end", None),
    ):
        run = footer.add_run()
        if kind:
            element = run._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind})
            run._r.append(element)
        elif text == " PAGE ":
            element = run._r.makeelement(qn("w:instrText"), {})
            element.text = text
            run._r.append(element)
        else:
            run.text = text or ""
    document.add_paragraph("Template body text that the charter replaces.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:text><text:p>Body of the LibreOffice template</text:p></office:text>
</office:body></office:document-content>"""

ODT_STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties
 fo:page-width="21.59cm" fo:page-height="27.94cm" fo:margin-top="2cm" fo:margin-bottom="2cm"
 fo:margin-left="3cm" fo:margin-right="3cm"/><style:header-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p>Fabrikam Corporate Header</text:p></style:header></style:master-page>
</office:master-styles></office:document-styles>"""

ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
<manifest:file-entry manifest:full-path="/"
 manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def minimal_odt(path: Path) -> Path:
    """A minimal OpenDocument text: US Letter, a header, no styles beyond the defaults, so
    the .docx LibreOffice makes of it has only "Normal" and its header styles."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", ODT_CONTENT, zipfile.ZIP_DEFLATED)
        archive.writestr("styles.xml", ODT_STYLES, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", ODT_MANIFEST, zipfile.ZIP_DEFLATED)
    return path
