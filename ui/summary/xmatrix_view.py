"""The X-matrix as a tab of the Alignment step: the same grid as the tracker's sheet and the
charter's page (`planning.xmatrix`), read-only, with its checks below.

Priorities above the centre row, company strategic objectives below it; office objectives
left of the centre column, measures and owners right of it. Column heads are codes (owners'
initials); each head's tooltip gives the full text. The grid is rebuilt only while the tab
is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planning.xmatrix import (
    XMatrix,
    build_xmatrix,
    objective_label,
    owner_initials,
    priority_label,
    strategic_label,
    xmatrix_checks,
)

SIDE_COLOURS = {
    "west": "#ddebf7",
    "north": "#e2efda",
    "east": "#fff2cc",
    "far_east": "#fce4d6",
    "south": "#ede7f6",
    "centre": "#1f4e79",
}
INK = QColor("#1d2733")


class XMatrixView(QWidget):
    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("xMatrix")
        self.document = document
        self.table = QTableWidget()
        self.table.setObjectName("xMatrixGrid")
        self.table.setAccessibleName("X-matrix")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.checks = QLabel()
        self.checks.setObjectName("xMatrixChecks")
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        legend = QLabel(
            "North: office strategy (priorities) · West: office objectives · East: measures and "
            "their owners · South: company strategy. ● strong ○ medium △ weak; hover a code "
            "for its full text."
        )
        legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.checks)
        self._stale = True
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        document.changed.connect(self._document_changed)

    def _document_changed(self, _change) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # Workshop mode changes the type size: the columns follow it.
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self._stale = True
            if self.isVisible():
                self._timer.start()

    def refresh(self) -> None:
        self._stale = False
        matrix = build_xmatrix(self.document.workbook)
        self._fill(matrix)
        checks = xmatrix_checks(matrix)
        self.checks.setText(
            "\n".join(f"• {c.message}" for c in checks)
            if checks
            else "Every objective, priority and measure is linked."
        )

    def mark_at(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _fill(self, m: XMatrix) -> None:
        table = self.table
        table.clear()
        centre_col = len(m.objectives)
        centre_row = len(m.priorities)
        table.setColumnCount(centre_col + 1 + len(m.measures) + len(m.owners))
        table.setRowCount(centre_row + 1 + len(m.strategic))
        col_of = {o.id: i for i, o in enumerate(m.objectives)}
        measure_col = {x.objective_id: centre_col + 1 + i for i, x in enumerate(m.measures)}
        owner_col = {o: centre_col + 1 + len(m.measures) + i for i, o in enumerate(m.owners)}
        row_of = {p.id: i for i, p in enumerate(m.priorities)}
        strategic_row = {s.id: centre_row + 1 + i for i, s in enumerate(m.strategic)}

        def label(row: int, col: int, text: str, tip: str, side: str) -> None:
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            item.setBackground(QBrush(QColor(SIDE_COLOURS[side])))
            item.setForeground(QBrush(QColor("white") if side == "centre" else INK))
            table.setItem(row, col, item)

        for i, o in enumerate(m.objectives):
            label(centre_row, i, o.code.strip() or f"O{i + 1}", objective_label(o), "west")
        for x in m.measures:
            tip = f"{x.code}: {x.measure} {x.target_text}" + (f" ({x.owner})" if x.owner else "")
            label(centre_row, measure_col[x.objective_id], x.code or "M", tip, "east")
        for owner, col in owner_col.items():
            label(centre_row, col, owner_initials(owner), owner, "far_east")
        label(centre_row, centre_col, "X-matrix", "", "centre")
        for p in m.priorities:
            label(row_of[p.id], centre_col, priority_label(p), priority_label(p), "north")
        for s in m.strategic:
            label(strategic_row[s.id], centre_col, strategic_label(s), strategic_label(s), "south")
        bold = QFont(self.font())
        bold.setBold(True)
        marks = [
            *(
                (strategic_row[s], col_of[o], mark)
                for (s, o), mark in m.strategic_objective.items()
            ),
            *((row_of[p], col_of[o], mark) for (p, o), mark in m.priority_objective.items()),
            *((row_of[p], measure_col[o], mark) for (p, o), mark in m.priority_measure.items()),
            *((row_of[p], owner_col[w], mark) for (p, w), mark in m.priority_owner.items()),
        ]
        for row, col, mark in marks:
            item = QTableWidgetItem(mark.value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setToolTip(mark.label)
            item.setFont(bold)
            table.setItem(row, col, item)
        metrics = self.fontMetrics()
        heads = [table.item(centre_row, c) for c in range(table.columnCount()) if c != centre_col]
        widest = max((metrics.horizontalAdvance(h.text()) for h in heads if h), default=0)
        narrow = max(widest, metrics.horizontalAdvance("●●")) + 12
        for col in range(table.columnCount()):
            table.setColumnWidth(col, narrow)
        # The centre column takes the room the narrow columns leave, within reason.
        em = self.fontMetrics().horizontalAdvance("m")
        room = table.viewport().width() - narrow * (table.columnCount() - 1) - 4
        table.setColumnWidth(centre_col, max(10 * em, min(26 * em, room)))


def with_xmatrix_tab(heat_map: QWidget, document) -> QTabWidget:
    """The Alignment step's matrix area: the heat map (as before) and the X-matrix."""
    tabs = QTabWidget()
    tabs.setObjectName("alignmentTabs")
    tabs.addTab(heat_map, "&Heat Map")
    tabs.addTab(XMatrixView(document), "&X-matrix")
    return tabs
