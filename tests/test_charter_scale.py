"""The charter as LibreOffice lays it out: the executive summary is one page for both samples
and for the 500-objective bench workbook, and that workbook's charter stays at most 60 pages
with every objective still in it (issue 11)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from conftest import FIRST_SAMPLE, LATER_SAMPLE

from exporters.charter import write_charter
from planning.fileformat import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate_workbook

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]
MAX_PAGES = 60


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def page_of(pages: list[str], heading: str, after: int = 0) -> int:
    """1-based number of the first page after page `after` with a line that is exactly
    `heading`."""
    for number, page in enumerate(pages, start=1):
        if number <= after:
            continue
        if any(line.strip() == heading for line in page.splitlines()):
            return number
    raise AssertionError(f"{heading!r} is on no page")


@pytest.fixture(scope="module")
def rendered(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    folder = tmp_path_factory.mktemp("charter_scale")
    workbooks = {
        "first": load_workbook(FIRST_SAMPLE),
        "later": load_workbook(LATER_SAMPLE),
        "bench": generate_workbook(),
    }
    sources = []
    for name, workbook in workbooks.items():
        sources.append(folder / f"{name}.docx")
        write_charter(workbook, sources[-1])
    # One LibreOffice process converts all three (its start-up is most of the time).
    profile = Path("/tmp") / f"lo_profile_{uuid.uuid4().hex}"
    try:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
            + ["--convert-to", "pdf", "--outdir", str(folder / "pdf")]
            + [str(source) for source in sources],
            check=False,
            capture_output=True,
            timeout=300,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = {}
    for name, workbook in workbooks.items():
        pdf = folder / "pdf" / f"{name}.pdf"
        if not pdf.exists():  # LibreOffice exits 0 even when it fails
            pytest.fail(f"LibreOffice did not convert {name}.docx")
        out[name] = (workbook, pdf_pages(pdf))
    return out


@pytest.mark.parametrize("name", ["first", "later", "bench"])
def test_executive_summary_is_the_one_page_after_the_title(rendered, name: str) -> None:
    _workbook, pages = rendered[name]
    summary = page_of(pages, "Executive summary")
    assert summary == 2
    # The summary ends with its decisions list; the next section starts the next page.
    assert "What needs a decision" in pages[summary - 1]
    assert page_of(pages, "Document control") == summary + 1


def test_five_hundred_objectives_fit_sixty_pages_and_none_is_dropped(rendered) -> None:
    workbook, pages = rendered["bench"]
    assert len(pages) <= MAX_PAGES
    text = "\n".join(pages)
    active = workbook.active_objectives()
    assert len(active) > 400
    missing = [o.code for o in active if o.code not in text]
    assert missing == []
    # The body says where the rest is.
    assert "are listed one per row in the Annex: objectives in detail" in text.replace("\n", " ")
    contents = page_of(pages, "Contents")
    assert page_of(pages, "Annex: objectives in detail", contents) > page_of(
        pages, "Objectives", contents
    )


@pytest.mark.parametrize("name", ["first", "later"])
def test_samples_stay_complete(rendered, name: str) -> None:
    workbook, pages = rendered[name]
    text = "\n".join(pages)
    assert "Annex: objectives in detail" not in text
    for objective in workbook.objectives:
        assert objective.title.split()[0] in text
