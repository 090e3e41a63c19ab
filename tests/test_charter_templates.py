"""Organisation templates: a .docx and a .dotx keep their look, a LibreOffice-made template
gets the styles it lacks, and anything that is not a Word document is refused cleanly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import LATER_SAMPLE, convert_with_libreoffice
from docx.oxml.ns import qn
from test_charter_support import (
    DOCUMENT_TYPE,
    TEMPLATE_TYPE,
    body_text,
    charter_document,
    headings,
    minimal_odt,
    organisation_template,
    part_names,
    switch_content_type,
    xml_part,
)

from exporters.charter import TemplateError, write_charter
from planning.errors import SaveError, WorkbookError
from planning.fileformat import load_workbook
from planning.model import Workbook


@pytest.fixture(scope="module")
def later() -> Workbook:
    return load_workbook(LATER_SAMPLE)


@pytest.fixture(scope="module")
def libreoffice_template(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lo_template")
    odt = minimal_odt(folder / "fabrikam.odt")
    return convert_with_libreoffice(soffice, odt, "docx", folder / "converted")


@pytest.fixture
def dotx(tmp_path: Path) -> Path:
    path = tmp_path / "contoso.dotx"
    path.write_bytes(
        switch_content_type(organisation_template(tmp_path), DOCUMENT_TYPE, TEMPLATE_TYPE)
    )
    return path


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_template_gets_missing_styles_and_keeps_its_page_and_header(
    later: Workbook, libreoffice_template: Path
) -> None:
    template_xml = xml_part(libreoffice_template.read_bytes(), "word/styles.xml")
    assert "Heading 1" not in template_xml  # the fallback really is exercised
    document, data, notes = charter_document(later, libreoffice_template)
    assert len(notes) == 1 and "Heading 1" in notes[0] and "Charter Table" in notes[0]
    assert headings(document, 1)[:2] == ["Executive summary", "Document control"]
    # The last paragraph so named: the first is the entry in the table of contents.
    heading = [p for p in document.paragraphs if p.text == "Alignment with company strategy"][-1]
    # The copied Heading 1 keeps its outline level, so Word's table of contents finds it.
    assert heading.style is not None and heading.style.name.casefold() == "heading 1"
    assert heading.style.element.xpath("./w:pPr/w:outlineLvl/@w:val") == ["0"]
    section = document.sections[0]
    assert section.page_width is not None and round(section.page_width.cm, 2) == 21.59
    header = [p.text for p in section.header.paragraphs]
    # The template has no different first page; the title page still gets no running
    # header or footer.
    assert "titlePg" not in xml_part(libreoffice_template.read_bytes(), "word/document.xml")
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    # Styles taken from the default template take the template's fonts (no Calibri of ours).
    for name in ("Charter Table", "Charter Note", "Heading 1"):
        element = document.styles[name].element
        assert not element.xpath("./w:rPr/w:rFonts"), name
    # The template's own header stays alone: the charter's line is not stacked under it.
    assert header == ["Fabrikam Corporate Header"]
    text = body_text(document)
    assert "Body of the LibreOffice template" not in text
    assert "Every euro Northwind invests in change" in text
    assert data[:2] == b"PK"


def test_dotx_keeps_logo_header_footer_page_setup_and_styles(
    later: Workbook, dotx: Path, tmp_path: Path
) -> None:
    out = tmp_path / "charter.docx"
    notes = write_charter(later, out, template=dotx)
    data = out.read_bytes()
    assert "Charter Statement" in notes[0]  # styles the organisation's template lacks
    content_types = xml_part(data, "[Content_Types].xml")
    assert DOCUMENT_TYPE in content_types and TEMPLATE_TYPE not in content_types
    document = charter_document(later, dotx)[0]
    section = document.sections[0]
    assert section.page_height is not None and round(section.page_height.cm, 1) == 14.8
    header = section.header
    assert header.paragraphs[0].text == "Contoso Group banner"
    assert header._element.xpath(".//a:blip/@r:embed"), "the logo is kept"
    assert any(name.startswith("word/media/") for name in part_names(data))
    footer = [p.text for p in section.footer.paragraphs]
    # The footer already numbers its pages: no second page number is added.
    assert footer == [
        "Contoso page 7",
        "Charter of the Northwind Freight Portfolio Management Office, version 2.0",
    ]
    text = body_text(document)
    assert "Template body text that the charter replaces." not in text
    assert "Northwind Freight Portfolio Management Office" in text
    # Table header rows take the template's heading colour: one look.
    heading_colour = document.styles["Heading 1"].element.xpath("./w:rPr/w:color/@w:val")
    fills = {
        str(fill)
        for table in document.tables
        if table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
        for fill in table.rows[0]._tr.xpath("./w:tc/w:tcPr/w:shd/@w:fill")
    }
    assert heading_colour and fills == {heading_colour[0]}


def test_docx_template_is_used_as_is(later: Workbook, tmp_path: Path) -> None:
    template = tmp_path / "contoso.docx"
    template.write_bytes(organisation_template(tmp_path))
    document = charter_document(later, template)[0]
    assert document.sections[0].header.paragraphs[0].text == "Contoso Group banner"
    assert headings(document, 1)[-1] == "Appendix: what changed since last year"


def _xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            (
                '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
            ),
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def _damaged_docx(tmp_path: Path) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(organisation_template(tmp_path)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            payload = source.read(info)
            if info.filename == "word/document.xml":
                payload = payload[: len(payload) // 2]
            out.writestr(info, payload)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("notes.dotx", lambda _: b"just some text, not a document", "is not a Word document"),
        ("book.docx", lambda _: _xlsx_bytes(), "is an Excel workbook, not a Word document"),
        ("damaged.docx", _damaged_docx, "is damaged"),
        ("truncated.docx", lambda p: organisation_template(p)[:3000], "is not a Word document"),
        (
            "macros.docx",
            lambda p: switch_content_type(
                organisation_template(p),
                DOCUMENT_TYPE,
                "application/vnd.ms-word.document.macroEnabled.main+xml",
            ),
            "contains macros",
        ),
    ],
)
def test_unusable_template_is_refused_with_one_line_and_nothing_written(
    later: Workbook, tmp_path: Path, name: str, make: object, message: str
) -> None:
    template = tmp_path / name
    template.write_bytes(make(tmp_path))  # type: ignore[operator]
    out = tmp_path / "out" / "charter.docx"
    out.parent.mkdir()
    with pytest.raises(TemplateError) as raised:
        write_charter(later, out, template=template)
    assert isinstance(raised.value, WorkbookError)
    assert message in str(raised.value) and name in str(raised.value)
    assert "\n" not in str(raised.value)
    assert list(out.parent.iterdir()) == []


def test_missing_template_is_refused(later: Workbook, tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="does not exist"):
        write_charter(later, tmp_path / "c.docx", template=tmp_path / "nowhere.dotx")
    with pytest.raises(TemplateError, match="is a folder"):
        write_charter(later, tmp_path / "c.docx", template=tmp_path)
    assert not (tmp_path / "c.docx").exists()


def test_refused_template_leaves_an_existing_charter_untouched(
    later: Workbook, tmp_path: Path
) -> None:
    out = tmp_path / "charter.docx"
    write_charter(later, out)
    before = out.read_bytes()
    bad = tmp_path / "bad.docx"
    bad.write_text("not a document")
    with pytest.raises(TemplateError):
        write_charter(later, out, template=bad)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.docx", "charter.docx"]


def test_unwritable_destination_raises_save_error(later: Workbook, tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="does not exist"):
        write_charter(later, tmp_path / "missing" / "charter.docx")
    with pytest.raises(SaveError, match="is a folder"):
        write_charter(later, tmp_path)


def test_template_body_section_breaks_do_not_survive(later: Workbook, tmp_path: Path) -> None:
    template = tmp_path / "two-sections.docx"
    template.write_bytes(organisation_template(tmp_path))
    from docx import Document

    document = Document(template)
    document.add_section()
    document.add_paragraph("Second section text")
    document.save(template)
    charter = charter_document(later, template)[0]
    assert len(charter.sections) == 1
    assert len(charter.element.body.findall(".//" + qn("w:sectPr"))) == 1
