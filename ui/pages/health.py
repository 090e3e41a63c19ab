"""Step 5, health check: the common complaints about management offices, each rated 1–5
with a note, compared with last year in a chart; beside it, what this year's plan does
about each complaint rated 1–2."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from planning.complaints import complaint_plans
from planning.history import health_comparison
from planning.steps import Step
from ui.document import Change
from ui.models.health import NOT_RATED, SCORE, SCORE_CHOICES, HealthModel
from ui.pages.base import StepPage
from ui.widgets.complaint_plan import TITLE as PLAN_TITLE
from ui.widgets.complaint_plan import ComplaintPlanView
from ui.widgets.delegates import FramedDelegate
from ui.widgets.health_chart import HealthChart
from ui.widgets.table_view import EditTableView

Index = QModelIndex | QPersistentModelIndex


class ScoreDelegate(FramedDelegate):
    """A drop-down of the five ratings (and "Not rated") for the score column. It opens
    only on an explicit edit (typing a digit, F2, Return, Space, a double click): the
    table's edit triggers leave moving through the column alone."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() != SCORE:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItem(NOT_RATED, None)
        for label, value in SCORE_CHOICES:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            value: Any = index.data(Qt.ItemDataRole.EditRole)
            editor.setCurrentIndex(0 if value is None else int(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            position = editor.currentIndex()
            model.setData(index, None if position <= 0 else position)
        else:
            super().setModelData(editor, model, index)


class HealthPage(StepPage):
    step = Step.HEALTH
    scrollable = True

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        self.model = HealthModel(document, self)
        self.view = EditTableView()
        self.view.setObjectName("healthTable")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ScoreDelegate(self.view))
        self.view.setWordWrap(True)  # a long note wraps in its row, never cut
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.installEventFilter(self)  # rows refit when the table's width changes
        # ...and when a column's width changes (the stretched note follows the view late).
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._fit_table)
        header.sectionResized.connect(lambda *_a: self._refit.start())
        self.chart = HealthChart()
        # The complaints rated 1–2 beside the chart: what this year's plan does about them.
        self.plan = ComplaintPlanView()
        # It scrolls: it must not push the table of seven complaints into scrolling.
        self.plan.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.plan.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        plan_column = QVBoxLayout()
        plan_column.addWidget(QLabel(f"<b>{PLAN_TITLE}</b>"))
        plan_column.addWidget(self.plan, 1)
        lower = QHBoxLayout()
        lower.addWidget(self.chart, 2)
        lower.addLayout(plan_column, 1)
        self.body.addWidget(self.view)
        self.body.addLayout(lower, 1)
        self.refresh(Change.ALL)
        self.view.resizeColumnToContents(0)
        self._fit_table()

    def _fit_table(self) -> None:
        # Seven rows never need scrolling: the table is as tall as its rows, the chart
        # takes the rest (measured from the current font, so workshop mode fits too).
        self.view.resizeRowsToContents()
        height = self.view.horizontalHeader().sizeHint().height() + 2 * self.view.frameWidth()
        height += sum(self.view.rowHeight(r) for r in range(self.model.rowCount()))
        # All seven rows, always: the page scrolls (scrollable) rather than the table.
        self.view.setMaximumHeight(height + 2)
        self.view.setMinimumHeight(height + 2)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fit_table()
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_table()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "model"):
            self.view.resizeColumnToContents(0)
            self._fit_table()

    def refresh(self, change: Change) -> None:
        super().refresh(change)
        if change & Change.HEALTH:
            wb = self.document.workbook
            self.view.setColumnHidden(1, wb.last_year() is None)
            self.view.setColumnHidden(3, wb.last_year() is None)
            self.chart.show_comparison(health_comparison(wb), wb.last_year() is not None)
            if hasattr(self, "model"):
                self._fit_table()
        if hasattr(self, "plan"):
            # Most of the workbook answers a complaint: re-read the plan on every change.
            self.plan.show_plans(complaint_plans(self.document.workbook))

    def focus_entity(self, entity_id, field=None) -> None:
        self.view.setFocus()
        self.view.setCurrentIndex(self.model.index(0, SCORE))

    def focus_first_input(self) -> None:
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, SCORE))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
