"""Type sizes, workshop mode and the colours of step states and findings.

No colour is hard-wired into widgets: the palette comes from the system, so light and dark
follow it. The few colours of our own (state and severity marks) are mid-tones that read on
both, and always come with text. Workshop mode, for a projector, scales every font of the
application (dialogs included) by WORKSHOP_SCALE.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from planning.enums import Severity, StepState

WORKSHOP_SCALE = 1.5
TITLE_SCALE = 1.6

STATE_COLOURS = {
    StepState.EMPTY: QColor("#8a8f98"),
    StepState.IN_PROGRESS: QColor("#2f7fd1"),
    StepState.COMPLETE: QColor("#2e9d57"),
    StepState.NEEDS_ATTENTION: QColor("#d9822b"),
}
SEVERITY_COLOURS = {
    Severity.INFO: QColor("#2f7fd1"),
    Severity.WARNING: QColor("#d9822b"),
    Severity.ERROR: QColor("#d64545"),
}

_base_point_size: float | None = None


def base_point_size(app: QApplication) -> float:
    global _base_point_size
    if _base_point_size is None:
        size = app.font().pointSizeF()
        _base_point_size = size if size > 0 else 10.0
    return _base_point_size


def apply(app: QApplication, *, workshop: bool) -> None:
    """Set the application font; widgets scale their titles from it (`scaled_font`).

    No application style sheet: it would switch every widget to the much slower
    style-sheet style, which shows in start-up time."""
    base = base_point_size(app)
    font = QFont(app.font())
    font.setPointSizeF(base * (WORKSHOP_SCALE if workshop else 1.0))
    app.setFont(font)


def scaled_font(font: QFont, scale: float, *, bold: bool = True) -> QFont:
    """`font` made `scale` times larger (and bold): for titles that follow workshop mode."""
    result = QFont(font)
    size = result.pointSizeF() if result.pointSizeF() > 0 else 10.0
    result.setPointSizeF(size * scale)
    result.setBold(bold)
    return result


def _mark(colour: QColor, draw: Callable[[QPainter, QColor, QRectF], None]) -> QIcon:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(painter, colour, QRectF(4, 4, 24, 24))
    painter.end()
    return QIcon(pixmap)


def _ring(painter: QPainter, colour: QColor, rect: QRectF) -> None:
    painter.setPen(QPen(colour, 3))
    painter.drawEllipse(rect)


def _half(painter: QPainter, colour: QColor, rect: QRectF) -> None:
    _ring(painter, colour, rect)
    painter.setBrush(colour)
    painter.drawPie(rect, 90 * 16, 180 * 16)


def _check(painter: QPainter, colour: QColor, rect: QRectF) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(rect)
    painter.setPen(QPen(QColor("white"), 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawPolyline([rect.topLeft() + p for p in (_pt(6, 12.5), _pt(10.5, 17), _pt(18, 8))])


def _alert(painter: QPainter, colour: QColor, rect: QRectF) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(rect)
    painter.setPen(QPen(QColor("white"), 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(rect.topLeft() + _pt(12, 6), rect.topLeft() + _pt(12, 13.5))
    painter.drawPoint(rect.topLeft() + _pt(12, 18.5))


def _pt(x: float, y: float) -> QPointF:
    return QPointF(x, y)


_STATE_DRAW = {
    StepState.EMPTY: _ring,
    StepState.IN_PROGRESS: _half,
    StepState.COMPLETE: _check,
    StepState.NEEDS_ATTENTION: _alert,
}
_icons: dict[object, QIcon] = {}


def state_icon(state: StepState) -> QIcon:
    """A shape per state (ring, half, tick, exclamation), so colour is never the only cue."""
    if state not in _icons:
        _icons[state] = _mark(STATE_COLOURS[state], _STATE_DRAW[state])
    return _icons[state]


def severity_icon(severity: Severity) -> QIcon:
    if severity not in _icons:
        draw = _ring if severity is Severity.INFO else _alert
        _icons[severity] = _mark(SEVERITY_COLOURS[severity], draw)
    return _icons[severity]
