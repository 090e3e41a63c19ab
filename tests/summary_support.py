"""Helpers of the strategy-on-a-page tests: the four workbooks of the done criteria, and
readers of the PDF and the deck."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import FIRST_SAMPLE, LATER_SAMPLE, ROOT

from planning.fileformat import load_workbook, save_workbook
from planning.model import Workbook, new_workbook

CASES = ("first-sample", "later-sample", "empty", "generated-500")


def case_workbook(case: str) -> Workbook:
    if case == "first-sample":
        return load_workbook(FIRST_SAMPLE)
    if case == "later-sample":
        return load_workbook(LATER_SAMPLE)
    if case == "empty":
        return new_workbook()
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate_workbook
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return generate_workbook()


def case_file(case: str, folder: Path) -> Path:
    path = folder / f"{case}.pmowb"
    save_workbook(case_workbook(case), path)
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command line, in its own process: the PDF needs its own offscreen Qt."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def deck_texts(path: Path) -> tuple[list[str], list[str]]:
    """Every text of every slide (shapes and table cells, one string per slide) and the
    speaker notes of each slide."""
    from pptx import Presentation

    deck = Presentation(str(path))
    slides, notes = [], []
    for slide in deck.slides:
        parts: list[str] = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        slides.append(" ".join(" ".join(parts).split()))
        notes.append(slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "")
    return slides, notes
