"""The one-page summary PDF: one landscape page (A3, or A4), the same layout the summary view
paints, and hostile text that is cut with a visible "…" and never breaks the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from summary_support import pdf_pages, pdf_text

from planning.model import NotDoing, Objective, new_workbook
from planning.summary import summarise


@pytest.fixture
def hostile():
    wb = new_workbook('=HYPERLINK("http://x")', "FY\x07")
    wb.office.full_name = "مكتب إدارة المحافظ 🚀 " + "x" * 40_000
    wb.mission.text = "=SUM(A1)\x00\x1b " + "word " * 8000
    wb.vision.text = "\u202eevil\u202c vision\nsecond line"
    wb.objectives = [Objective(code="=1+1", title="שלום 😀 " * 3000, owner="@owner")]
    wb.not_doing = [NotDoing(item="-cmd|" + "y" * 40_000)]
    return wb


def test_hostile_text_is_cut_with_a_mark_on_one_page(qapp, hostile, tmp_path: Path) -> None:
    from ui.summary.pdf import summary_pdf_bytes

    data, texts = summary_pdf_bytes(summarise(hostile))
    path = tmp_path / "hostile.pdf"
    path.write_bytes(data)
    assert pdf_pages(path) == 1
    assert max(len(t) for t in texts) < 400
    assert "=1+1" in texts
    mission = [t for t in texts if t.startswith("=SUM(A1)")]
    assert mission and mission[0].startswith("=SUM(A1)\ufffd\ufffd word")
    assert any(t.startswith("word") and t.endswith("…") for t in texts), "the cut is marked"
    assert any(t.startswith("-cmd|yyy") and t.endswith("…") for t in texts)
    assert any(t.startswith("مكتب إدارة المحافظ") and t.endswith("…") for t in texts)
    assert "=SUM(A1)" in pdf_text(path)


def test_page_sizes_and_the_view_draw_the_same_layout(qapp, later_sample, tmp_path) -> None:
    import subprocess

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from ui.summary.layout import paint_summary
    from ui.summary.pdf import summary_pdf_bytes

    summary = summarise(later_sample)
    a3, a3_texts = summary_pdf_bytes(summary, "A3")
    a4, a4_texts = summary_pdf_bytes(summary, "A4")
    for name, data, size in (("a3", a3, "1191 x 842 pts (A3)"), ("a4", a4, "842 x 595 pts (A4)")):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        info = subprocess.run(["pdfinfo", str(tmp_path / f"{name}.pdf")], capture_output=True)
        assert f"Page size:       {size}" in info.stdout.decode()
    # The same page, only smaller: a cut may fall a few letters earlier at A4.
    assert [t.rstrip("…")[:20] for t in a4_texts] == [t.rstrip("…")[:20] for t in a3_texts]
    # The view paints exactly what the page shows, given the page's size in pixels.
    from ui.summary.pdf import MARGIN_MM, RESOLUTION

    width = round((420 - 2 * MARGIN_MM) / 25.4 * RESOLUTION)
    height = round((297 - 2 * MARGIN_MM) / 25.4 * RESOLUTION)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        on_screen = paint_summary(painter, QRectF(0, 0, width, height), summary)
    finally:
        painter.end()
    assert on_screen == a3_texts
    with pytest.raises(ValueError, match="A3, A4"):
        summary_pdf_bytes(summary, "Letter")
