"""export-pdf: the one-page summary of the generated 500-objective workbook (summarise, lay
out, cut to fit, paint on an A3 QPdfWriter page), against QPdfWriter painting the same texts
in the same fonts, line by line, on a blank A3 page in the same run."""

from __future__ import annotations

from generate import generate_workbook
from run import best_of

NAME = "export-pdf"
TARGET = 2.0
REPEAT = 9


def plain_pdf(texts: list[tuple[str, object]]) -> bytes:
    """The baseline: a blank landscape A3 page at the same resolution, the same texts in
    the same fonts, drawn one per line."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    from ui.summary.pdf import MARGIN_MM, RESOLUTION

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A3),
            QPageLayout.Orientation.Landscape,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    for index, (text, font) in enumerate(texts):
        painter.setFont(font)
        painter.drawText(QPointF(40 + (index // 140) * 1500, 40 + (index % 140) * 23), text)
    painter.end()
    buffer.close()
    return bytes(data.data())


def measure() -> tuple[float, dict[str, object]]:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from planning.summary import summarise
    from ui.summary.layout import paint_summary_canvas
    from ui.summary.pdf import MARGIN_MM, RESOLUTION, ensure_gui_application, summary_pdf_bytes

    ensure_gui_application()
    workbook = generate_workbook()
    data, _texts = summary_pdf_bytes(summarise(workbook))
    # The texts and fonts of that page, as the layout draws them at the A3 page's size.
    width, height = (round((mm - 2 * MARGIN_MM) / 25.4 * RESOLUTION) for mm in (420, 297))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    canvas = paint_summary_canvas(painter, QRectF(0, 0, width, height), summarise(workbook))
    painter.end()
    texts = list(zip(canvas.texts, canvas.fonts, strict=True))
    plain_pdf(texts)  # warm both up: fonts are loaded once per process
    # Interleaved, so a busy moment of the machine falls on both sides alike.
    baseline = ours = float("inf")
    for _ in range(REPEAT):
        baseline = min(baseline, best_of(lambda: plain_pdf(texts), 1))
        ours = min(ours, best_of(lambda: summary_pdf_bytes(summarise(workbook)), 1))
    return ours / baseline, {
        "texts": len(texts),
        "pdf_bytes": len(data),
        "plain_page_s": baseline,
        "summary_page_s": ours,
    }
