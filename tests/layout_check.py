"""What a projector shows cut off or piled up: used by the layout tests to walk every step.

`problems(window)` lists, in words, every header, cell value, step name, label, button,
date or choice drawn narrower than its text (compared with the font's own measure), and
every pair of widgets a layout has squeezed on top of each other.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLayout,
    QListWidget,
    QTableView,
    QToolButton,
    QWidget,
)

from ui.widgets.date_field import DateField

PAD = 6
"""Pixels a cell or header keeps around its text (the style's margins are about 3 a side)."""
ROWS = 40
"""Rows of a table checked: a long list scrolls, and measuring thousands would be slow."""


def _wraps(alignment: object) -> bool:
    return bool(int(alignment or 0) & int(Qt.TextFlag.TextWordWrap))  # type: ignore[call-overload]


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def _text_fits(metrics: QFontMetrics, text: str, width: int, height: int, wrap: bool) -> bool:
    if not text:
        return True
    if not wrap:
        return max(metrics.horizontalAdvance(line) for line in text.split("\n")) <= width
    if any(metrics.horizontalAdvance(word) > width for word in text.split()):
        return False
    flags = int(Qt.TextFlag.TextWordWrap)
    needed = metrics.boundingRect(QRect(0, 0, max(1, width), 100_000), flags, text).height()
    return needed + 2 <= height  # the cell keeps a pixel of margin above and below


def table_problems(view: QTableView, where: str) -> list[str]:
    found: list[str] = []
    model = view.model()
    if model is None:
        return found
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    wrap_header = _wraps(header.defaultAlignment())
    if header.isVisible():
        for column in range(model.columnCount()):
            if view.isColumnHidden(column) or header.sectionSize(column) == 0:
                continue
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = header.sectionSize(column) - PAD
            if not _text_fits(metrics, text, width, header.height() - PAD, wrap_header):
                found.append(f"{where}: header {text!r} cut ({width + PAD}px)")
    vertical = view.verticalHeader()
    if vertical.isVisible():
        wrap_rows = _wraps(vertical.defaultAlignment())
        for row in range(min(model.rowCount(), ROWS)):
            text = str(model.headerData(row, Qt.Orientation.Vertical) or "")
            # Row numbers sit in a header sized to them by Qt, with little margin.
            width, height = vertical.width() - PAD // 2, vertical.sectionSize(row) - PAD // 2
            if not _text_fits(vertical.fontMetrics(), text, width, height, wrap_rows):
                found.append(f"{where}: row title {text!r} cut ({width + PAD}px)")
    cell_metrics = view.fontMetrics()
    for row in range(min(model.rowCount(), ROWS)):
        if view.isRowHidden(row):
            continue
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            index = model.index(row, column)
            text = str(index.data() or "")
            width = view.columnWidth(column) - PAD
            if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                width -= view.iconSize().width() if view.iconSize().width() > 0 else 20
            if index.data(Qt.ItemDataRole.CheckStateRole) is not None:
                width -= 20
            height = view.rowHeight(row)
            if not _text_fits(cell_metrics, text, width, height, view.wordWrap()):
                found.append(f"{where}: cell {text!r} (row {row + 1}) cut")
    return found


def step_list_problems(steps: QListWidget) -> list[str]:
    found: list[str] = []
    metrics = steps.fontMetrics()
    room = steps.viewport().width() - steps.iconSize().width() - 2 * PAD
    for row in range(steps.count()):
        for line in steps.item(row).text().split("\n"):
            if metrics.horizontalAdvance(line) > room:
                found.append(f"step list: {line!r} cut ({room}px for its text)")
    return found


def widget_problems(widget: QWidget, where: str) -> list[str]:
    if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
        if widget.wordWrap():
            if widget.heightForWidth(widget.width()) > widget.height() + 2:
                return [f"{where}: label {widget.text()[:40]!r} cut off below"]
        elif widget.minimumSizeHint().width() > widget.width() + 1:
            return [f"{where}: label {widget.text()[:40]!r} cut"]
    icon_only = (
        isinstance(widget, QToolButton)
        and widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    )
    if (
        isinstance(widget, QAbstractButton)
        and widget.text()
        and not icon_only
        and widget.minimumSizeHint().width() > widget.width() + 1
    ):
        return [f"{where}: button {widget.text()!r} cut"]
    if isinstance(widget, DateField) and widget.text():
        room = widget.width() - 2 * widget.height() // 2 - 2 * PAD
        if widget.fontMetrics().horizontalAdvance(widget.text()) > room:
            return [f"{where}: date {widget.text()!r} cut"]
    if isinstance(widget, QComboBox) and widget.currentText() and not widget.isEditable():
        room = widget.width() - widget.height() - 2 * PAD
        if widget.fontMetrics().horizontalAdvance(widget.currentText()) > room:
            return [f"{where}: choice {widget.currentText()!r} cut"]
    return []


def _layout_widgets(layout: QLayout) -> list[QWidget]:
    widgets: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            widgets.append(item.widget())
        elif item.layout() is not None:
            widgets.extend(_layout_widgets(item.layout()))
    return widgets


def overlap_problems(holder: QWidget, where: str) -> list[str]:
    layout = holder.layout()
    if layout is None:
        return []
    widgets = [w for w in _layout_widgets(layout) if w.isVisible() and not w.geometry().isEmpty()]
    found = []
    for i, first in enumerate(widgets):
        for second in widgets[i + 1 :]:
            overlap = first.geometry().intersected(second.geometry())
            if overlap.width() > 1 and overlap.height() > 1:
                found.append(f"{where}: {_name(first)} overlaps {_name(second)}")
    return found


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = text() if callable(text) else ""
    return f"{type(widget).__name__}({widget.objectName() or str(label)[:30]!r})"


def problems(window: QWidget, where: str) -> list[str]:
    """Everything cut off or overlapping in what `window` shows now."""
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget) or widget.objectName() == "focusRing":
            continue
        if isinstance(widget, QTableView):
            found += table_problems(widget, f"{where} {widget.objectName() or 'table'}")
        elif isinstance(widget, QListWidget) and widget.objectName() == "stepList":
            found += step_list_problems(widget)
        else:
            found += widget_problems(widget, where)
        found += overlap_problems(widget, where)
    return found
