"""`pmo-workbook export --pdf --pptx`: one page, a deck that opens, the office's full name
and every active objective code (or, at 500 objectives, the counts) read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import convert_with_libreoffice
from summary_support import (
    CASES,
    case_file,
    case_workbook,
    deck_texts,
    pdf_pages,
    pdf_text,
    run_cli,
)

from exporters.briefing_governance import has_mandate
from planning.summary import summarise

SLIDES = 8  # and the mandate slide when the workbook records a mandate or decision rights


def slide_count(case: str) -> int:
    return SLIDES + has_mandate(summarise(case_workbook(case)))


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_export_pdf_and_pptx_reads_back(case: str, tmp_path: Path) -> None:
    source = case_file(case, tmp_path)
    pdf, pptx = tmp_path / "S.pdf", tmp_path / "B.pptx"
    done = run_cli("export", str(source), "--pdf", str(pdf), "--pptx", str(pptx))
    assert done.returncode == 0, done.stderr
    assert pdf_pages(pdf) == 1
    summary = summarise(case_workbook(case))
    page = pdf_text(pdf)
    slides, notes = deck_texts(pptx)
    deck = " ".join(slides)
    assert len(slides) == slide_count(case)
    assert all(n.strip() for n in notes), "every slide says what it shows"
    for text in (page, deck):
        assert summary.office_name in text
        if len(summary.objectives) <= 12:
            for objective in summary.objectives:
                assert objective.code in text
        else:
            assert summary.counts_text in text
    if len(summary.objectives) <= 9:
        listed = next(t for t in slides if t.startswith("Objectives and their status"))
        assert all(o.code in listed for o in summary.objectives)


def test_pdf_page_size_a4_and_bad_flags(tmp_path: Path) -> None:
    source = case_file("later-sample", tmp_path)
    pdf = tmp_path / "S.pdf"
    done = run_cli("export", str(source), "--pdf", str(pdf), "--page-size", "A4")
    assert done.returncode == 0, done.stderr
    import subprocess

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in info and "842 x 595" in info
    refused = run_cli(
        "export", str(source), "--page-size", "A4", "--xlsx", str(tmp_path / "t.xlsx")
    )
    assert refused.returncode == 2 and "--pdf" in refused.stderr
    junk = tmp_path / "house.pptx"
    junk.write_text("not a deck")
    bad = run_cli(
        "export", str(source), "--pptx", str(tmp_path / "B.pptx"), "--pptx-template", str(junk)
    )
    assert bad.returncode == 2
    assert bad.stderr.strip().endswith(
        "house.pptx cannot be used: it is not a .pptx presentation PowerPoint can open."
    )
    assert not (tmp_path / "B.pptx").exists()


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.parametrize("case", ["later-sample", "generated-500"])
def test_deck_converts_with_one_page_per_slide(case: str, tmp_path: Path, soffice: str) -> None:
    from exporters.briefing import write_briefing

    deck = tmp_path / "B.pptx"
    write_briefing(case_workbook(case), deck)
    converted = convert_with_libreoffice(soffice, deck, "pdf", tmp_path / "out")
    assert pdf_pages(converted) == slide_count(case)
    text = pdf_text(converted)
    assert summarise(case_workbook(case)).office_name in text
