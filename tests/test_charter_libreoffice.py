"""LibreOffice headless as a real office suite: the charter converts to PDF with the pages,
the numbering and the text a reader expects (one conversion per charter, module-scoped)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import LATER_SAMPLE, convert_with_libreoffice
from test_charter_support import NOW, minimal_odt

from exporters.charter import write_charter
from planning.fileformat import load_workbook

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


def pdf_pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(
            ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def pdf_text(pdf: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def later_pdf(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("charter_pdf")
    charter = folder / "northwind-fy2027-charter.docx"
    write_charter(load_workbook(LATER_SAMPLE), charter, now=NOW)
    return convert_with_libreoffice(soffice, charter, "pdf", folder / "pdf")


def test_charter_converts_to_pdf_with_expected_page_count(later_pdf: Path) -> None:
    # Title page, executive summary, document control and approvals, contents, the sections
    # the governance section and the X-matrix appendix page: 17 pages with the fonts CI
    # installs (DejaVu); a range allows for other font metrics.
    assert 13 <= pdf_pages(later_pdf) <= 19


def test_pdf_text_has_title_sections_numbers_and_statements(later_pdf: Path) -> None:
    text = pdf_text(later_pdf)
    pages = text.split("\f")
    total = pdf_pages(later_pdf)
    assert "Northwind Freight Portfolio Management Office" in re.sub(r"\s+", " ", pages[0])
    assert "Page" not in pages[0]  # the title page has no header or footer
    assert f"Page 2 of {total}" in pages[1]
    assert f"Page {total} of {total}" in pages[total - 1]
    assert "Northwind Freight · Internal" in pages[1]
    flat = re.sub(r"\s+", " ", text)
    for expected in (
        "Contents",
        "Alignment with company strategy",
        "helps the executive committee",
        "Employer of choice in logistics",
        "Every initiative scored against strategy",
        "Health-check baseline",
        "Appendix: what changed since last year",
        "Not answered yet.",
    ):
        assert expected in flat, expected


def test_charter_on_libreoffice_template_converts_too(
    soffice: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("lo_template_pdf")
    template = convert_with_libreoffice(
        soffice, minimal_odt(folder / "fabrikam.odt"), "docx", folder / "template"
    )
    charter = folder / "charter.docx"
    notes = write_charter(load_workbook(LATER_SAMPLE), charter, template=template, now=NOW)
    assert notes
    text = pdf_text(convert_with_libreoffice(soffice, charter, "pdf", folder / "pdf"))
    assert "Fabrikam Corporate Header" in text
    assert "Governance and review cadence" in text
    assert re.search(r"Page 2 of \d+", text)
