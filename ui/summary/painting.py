"""Drawing primitives of strategy on a page: text that fits its box or ends with a visible
"…", chips, bars and status dots. Shared by the screen and the PDF through `Canvas`.

User text is cleaned before it is laid out: control characters become U+FFFD (visible, as
in the exports), line breaks become Qt's line separator, and text far longer than any box
can hold is cut first so a 40,000-character field costs no more than a short one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

ELLIPSIS = "…"
MAX_LAID_OUT = 3000
"""No box on the page holds more characters than this; longer text is cut before layout."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile("[\t\r]")

INK = QColor("#1d2733")
MUTED = QColor("#5b6673")
ACCENT = QColor("#1f4e79")
RULE = QColor("#c9d3de")
PAPER = QColor("#ffffff")
PANEL = QColor("#f3f6f9")
FONT_FAMILY = "DejaVu Sans"


def clean(text: str) -> str:
    """`text` safe to lay out: no control characters, line breaks Qt understands, and no
    longer than any box could show (with the cut marked)."""
    text = _SPACES.sub(" ", _CONTROL.sub("\ufffd", text)).strip()
    if len(text) > MAX_LAID_OUT:
        text = text[:MAX_LAID_OUT] + ELLIPSIS
    return text.replace("\n", "\u2028")


@dataclass
class Canvas:
    """A painter with the page's unit: every size is a multiple of `unit`, so the same
    layout fills a laptop screen, a projector or an A3 page. `texts` records every string
    drawn, as drawn (after cutting), for the tests and for accessibility."""

    painter: QPainter
    unit: float
    texts: list[str] = field(default_factory=list)
    fonts: list[QFont] = field(default_factory=list)
    """The font of each text in `texts` (the benchmark's baseline draws the same)."""
    _fonts: dict[tuple[float, bool, bool], QFont] = field(default_factory=dict)
    _metrics: dict[tuple[int, bool, bool], QFontMetricsF] = field(default_factory=dict)

    def font(self, size: float, *, bold: bool = False, italic: bool = False) -> QFont:
        key = (size, bold, italic)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(FONT_FAMILY)
            font.setPixelSize(max(1, round(size * self.unit)))
            font.setBold(bold)
            font.setItalic(italic)
            # No ligatures: text copied from the PDF (or read back by a test) says "Office",
            # not "Oﬃce".
            for tag in ("liga", "clig", "dlig"):
                font.setFeature(QFont.Tag(tag), 0)
            self._fonts[key] = font
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        key = (font.pixelSize(), font.bold(), font.italic())
        metrics = self._metrics.get(key)
        if metrics is None:
            metrics = self._metrics[key] = QFontMetricsF(font)
        return metrics

    def line_height(self, font: QFont) -> float:
        return self.metrics(font).lineSpacing()

    def fill(self, rect: QRectF, color: QColor, radius: float = 0.0) -> None:
        p = self.painter
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(color))
        if radius:
            p.drawRoundedRect(rect, radius * self.unit, radius * self.unit)
        else:
            p.drawRect(rect)
        p.restore()

    def rule(self, x1: float, y: float, x2: float, color: QColor = RULE) -> None:
        p = self.painter
        p.save()
        p.setPen(QPen(color, max(1.0, 1.2 * self.unit)))
        p.drawLine(QPointF(x1, y), QPointF(x2, y))
        p.restore()

    def dot(self, center: QPointF, radius: float, color: QColor) -> None:
        p = self.painter
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(color))
        p.drawEllipse(center, radius * self.unit, radius * self.unit)
        p.restore()

    def line(
        self,
        rect: QRectF,
        text: str,
        font: QFont,
        color: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """One line of text in `rect`, cut with "…" when it is too wide. Returns the width
        drawn."""
        text = clean(text).replace("\u2028", " ")
        metrics = self.metrics(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        if not shown and text:
            shown = ELLIPSIS if metrics.horizontalAdvance(ELLIPSIS) <= rect.width() else ""
        p = self.painter
        p.save()
        p.setFont(font)
        p.setPen(color)
        p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)
        p.restore()
        if shown:
            self.texts.append(shown)
            self.fonts.append(font)
        return metrics.horizontalAdvance(shown)

    def paragraph(self, rect: QRectF, text: str, font: QFont, color: QColor = INK) -> float:
        """Text wrapped into `rect`; what does not fit is cut on the last line with "…".
        Returns the height used."""
        text = clean(text)
        if not text or rect.height() <= 0 or rect.width() <= 0:
            return 0.0
        metrics = self.metrics(font)
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        lines: list[tuple[int, int]] = []
        y = 0.0
        height = metrics.lineSpacing()
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(rect.width())
            if lines and y + height > rect.height():
                break
            lines.append((line.textStart(), line.textLength()))
            y += height
            if y + height > rect.height():
                break
        layout.endLayout()
        if not lines:
            return 0.0
        start, length = lines[-1]
        cut = start + length < len(text)
        p = self.painter
        p.save()
        p.setFont(font)
        p.setPen(color)
        for index, (start, length) in enumerate(lines):
            piece = text[start : start + length].replace("\u2028", " ")
            if cut and index == len(lines) - 1:
                rest = text[start : start + 400].replace("\u2028", " ")
                # The rest is wider than the line (or ends with the mark), so the drawn
                # line always ends with a visible "…".
                piece = metrics.elidedText(
                    rest + ELLIPSIS, Qt.TextElideMode.ElideRight, rect.width()
                )
            line_rect = QRectF(rect.left(), rect.top() + index * height, rect.width(), height)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            p.drawText(line_rect, int(flags), piece.rstrip())
            self.texts.append(piece.rstrip())
            self.fonts.append(font)
        p.restore()
        return len(lines) * height

    def chip(self, x: float, y: float, text: str, font: QFont, color: QColor) -> float:
        """A rounded label (status, statement decision); returns its width."""
        metrics = self.metrics(font)
        pad = 5 * self.unit
        width = metrics.horizontalAdvance(text) + 2 * pad
        rect = QRectF(x, y, width, metrics.height() + pad * 0.6)
        self.fill(rect, color, radius=4)
        self.line(rect, text, font, PAPER, Qt.AlignmentFlag.AlignHCenter)
        return width

    def bar(self, rect: QRectF, share: float | None, color: QColor) -> None:
        """A horizontal bar filled to `share` (0..1) of its width; empty outline when unknown."""
        # Square ends: a page has hundreds of bars, and plain rectangles keep the PDF small.
        self.fill(rect, PANEL)
        if share is not None and share > 0:
            filled = QRectF(rect.left(), rect.top(), rect.width() * min(share, 1.0), rect.height())
            self.fill(filled, color)
