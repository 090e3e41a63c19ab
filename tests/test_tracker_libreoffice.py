"""LibreOffice headless recalculates the tracker: the formula cells hold the counts, latest
actuals, progress and totals the workbook implies; the PDF conversion succeeds.

openpyxl stores formulas without values, so only a real spreadsheet can check them. Skipped
outside CI when LibreOffice is missing (the `soffice` fixture)."""

from __future__ import annotations

import subprocess
import warnings

import openpyxl
import pytest
from conftest import convert_with_libreoffice

from exporters.tracker import write_tracker
from exporters.tracker_layout import objective_column
from planning.alignment import alignment_gaps, strength_totals
from planning.enums import ObjectiveStatus, ValueCategory
from planning.history import health_comparison

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


@pytest.fixture(scope="module")
def recalculated(soffice, tmp_path_factory):
    from conftest import LATER_SAMPLE

    from planning.fileformat import load_workbook

    workbook = load_workbook(LATER_SAMPLE)
    # Owners' kind of data: actuals in several quarters, a status of every kind.
    active = workbook.active_objectives()
    active[1].actuals = [20.0, 25.0, None, 31.0]
    active[1].status = ObjectiveStatus.AT_RISK
    active[3].actuals = [1.0, None, None, None]
    active[3].status = ObjectiveStatus.OFF_TRACK
    folder = tmp_path_factory.mktemp("lo")
    source = folder / "source" / "tracker.xlsx"
    source.parent.mkdir()
    write_tracker(workbook, source)
    converted = convert_with_libreoffice(soffice, source, "xlsx", folder / "out")
    with warnings.catch_warnings():
        # LibreOffice writes extensions (data bars) openpyxl does not read; fine here.
        warnings.simplefilter("ignore", UserWarning)
        book = openpyxl.load_workbook(converted, data_only=True)
    return workbook, book, source


def _overview(book) -> dict[str, object]:
    ws = book["Overview"]
    return {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}


def test_status_counts_and_alignment_figures(recalculated):
    workbook, book, _source = recalculated
    figures = _overview(book)
    active = workbook.active_objectives()
    for status in ObjectiveStatus:
        assert figures[status.label] == sum(o.status is status for o in active), status
    assert figures["All objectives"] == len(active)
    gaps = alignment_gaps(workbook)
    assert figures["Company strategic objectives"] == len(workbook.strategy)
    assert figures["Supported by an office objective"] == len(workbook.strategy) - len(
        gaps.unsupported_strategic
    )
    assert figures["Alignment coverage"] == pytest.approx(gaps.coverage)
    assert figures["Office objectives supporting no company objective"] == len(
        gaps.orphan_objectives
    )
    assert figures["All categories added"] == sum(o.value_amount or 0 for o in active)
    for category in ValueCategory:
        assert figures[category.label] == sum(
            o.value_amount or 0 for o in active if o.value_category is category
        ), category
    progress = [p for o in active if (p := o.progress()) is not None]
    assert figures["Average progress"] == pytest.approx(sum(progress) / len(progress))


def test_latest_actual_and_progress_per_objective(recalculated):
    workbook, book, _source = recalculated
    ws = book["Objectives"]
    rows = {ws.cell(r, objective_column("row_id")).value: r for r in range(2, ws.max_row + 1)}
    for objective in workbook.active_objectives():
        row = rows[objective.id]
        latest = ws.cell(row, objective_column("latest")).value
        progress = ws.cell(row, objective_column("progress")).value
        assert (latest if latest != "" else None) == objective.latest_actual(), objective.code
        expected = objective.progress()
        if expected is None:
            assert progress in (None, ""), objective.code
        else:
            assert progress == pytest.approx(expected), objective.code
    assert workbook.active_objectives()[1].latest_actual() == 31.0


def test_alignment_totals_and_gaps(recalculated):
    workbook, book, _source = recalculated
    ws = book["Alignment"]
    per_objective, per_strategic = strength_totals(workbook)
    active = workbook.active_objectives()
    total_column = 3 + len(workbook.strategy)
    for row, objective in enumerate(active, start=2):
        assert ws.cell(row, total_column).value == per_objective[objective.id]
        orphan = ws.cell(row, total_column + 2).value or ""
        assert orphan.startswith("Orphan") == (per_objective[objective.id] == 0)
    total_row = len(active) + 2
    active_ids = {o.id for o in active}
    for index, strategic in enumerate(workbook.strategy):
        expected = sum(
            link.strength.score
            for link in workbook.links_of_strategic(strategic.id)
            if link.objective_id in active_ids
        )
        assert ws.cell(total_row, 3 + index).value == expected
        gap = ws.cell(total_row + 2, 3 + index).value or ""
        assert (gap == "Unsupported") == (
            strategic in alignment_gaps(workbook).unsupported_strategic
        )
    strategy = book["Company strategy"]
    assert [strategy.cell(r, 8).value for r in range(2, 2 + len(workbook.strategy))] == [
        sum(
            link.strength.score
            for link in workbook.links_of_strategic(s.id)
            if link.objective_id in active_ids
        )
        for s in workbook.strategy
    ]
    assert per_strategic  # the sample has links


def test_health_change(recalculated):
    workbook, book, _source = recalculated
    ws = book["Health check"]
    for row, comparison in enumerate(health_comparison(workbook), start=2):
        value = ws.cell(row, 4).value
        assert (value if value != "" else None) == comparison.change


def test_pdf_conversion_shows_the_office(recalculated, soffice, tmp_path):
    workbook, _book, source = recalculated
    pdf = convert_with_libreoffice(soffice, source, "pdf", tmp_path)
    assert pdf.stat().st_size > 10_000
    text = (
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=False
        ).stdout
        if _has_pdftotext()
        else ""
    )
    if text:
        assert workbook.office_title() in text
        assert "Objectives by status" in text
        assert "Earlier results" in text


def _has_pdftotext() -> bool:
    import shutil

    return shutil.which("pdftotext") is not None


def test_charter_and_recalculated_tracker_agree_on_support(recalculated):
    import io

    from docx import Document

    from exporters.charter import build_charter

    workbook, book, _source = recalculated
    strategy = book["Company strategy"]
    tracker = {
        strategy.cell(r, 1).value: (strategy.cell(r, 7).value, strategy.cell(r, 8).value)
        for r in range(2, 2 + len(workbook.strategy))
    }
    document = Document(io.BytesIO(build_charter(workbook)[0]))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Strategic objective")
    header = [c.text for c in table.rows[0].cells]
    count, strength = header.index("Objectives"), header.index("Strength")
    charter = {
        row.cells[0].text: (int(row.cells[count].text), int(row.cells[strength].text))
        for row in table.rows[1:]
    }
    assert charter == tracker
