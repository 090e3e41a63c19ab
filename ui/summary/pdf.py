"""The one-page summary as a PDF: the summary layout painted on one landscape A3 (or A4)
page with QPdfWriter.

Painting text needs a QGuiApplication; the command line has none, so `write_summary_pdf`
creates an offscreen one the first time it is needed (and only for a PDF). The page is
built in memory and written atomically like every other export.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from planning.atomic import atomic_write
from planning.model import Workbook
from planning.summary import Summary, summarise
from ui.summary.layout import paint_summary

PAGE_SIZES = {"A3": QPageSize.PageSizeId.A3, "A4": QPageSize.PageSizeId.A4}
DEFAULT_PAGE_SIZE = "A3"
RESOLUTION = 300
MARGIN_MM = 8.0

_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """A QGuiApplication for painting text: the app's own when it runs, else an offscreen
    one (a headless export needs no display, whatever QT_QPA_PLATFORM says)."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["pmo-workbook", "-platform", "offscreen"])


def summary_pdf_bytes(
    summary: Summary, page_size: str = DEFAULT_PAGE_SIZE
) -> tuple[bytes, list[str]]:
    """The PDF of `summary` and the texts drawn on its one page."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setCreator("PMO Workbook")
    writer.setTitle(f"{summary.office_name}: strategy on a page")
    layout = QPageLayout(
        QPageSize(PAGE_SIZES[page_size]),
        QPageLayout.Orientation.Landscape,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    writer.setPageLayout(layout)
    painter = QPainter(writer)
    try:
        area = layout.paintRectPixels(RESOLUTION)
        texts = paint_summary(painter, QRectF(0, 0, area.width(), area.height()), summary)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data()), texts


def write_summary_pdf(
    workbook: Workbook, path: str | os.PathLike[str], page_size: str = DEFAULT_PAGE_SIZE
) -> list[str]:
    """Writes the one-page summary of `workbook` to `path`; returns notes for the user."""
    data, _texts = summary_pdf_bytes(summarise(workbook), page_size)
    atomic_write(Path(path), data)
    return []
