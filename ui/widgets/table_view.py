"""The table view every list of the walk uses: it moves like a spreadsheet.

- Moving with arrows, Tab or Page keys never opens an editor or changes a value: edits start
  only on typing, F2, Return (which opens the cell), a double click, and Space on a choice
  or a check box.
- Tab out of an open editor confirms it and opens the next *editable* cell (read-only
  columns such as the SMART mark are skipped), row after row; Shift+Tab goes back.
- Delete on a date cell clears the date (one undoable step).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableView, QWidget

from ui.models.table import EntityTableModel

EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)
_Hint = QAbstractItemDelegate.EndEditHint


class EditTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(EDIT_TRIGGERS)

    def editable(self, index: QModelIndex) -> bool:
        model = self.model()
        return bool(
            index.isValid()
            and not self.isColumnHidden(index.column())
            and model.flags(index) & Qt.ItemFlag.ItemIsEditable
        )

    def first_editable(self, row: int) -> QModelIndex:
        model = self.model()
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if self.editable(index):
                return index
        return QModelIndex()

    def next_editable(self, start: QModelIndex, step: int) -> QModelIndex:
        """The editable cell after (step 1) or before (step -1) `start`, row by row."""
        model = self.model()
        columns, rows = model.columnCount(), model.rowCount()
        if not start.isValid() or not columns:
            return QModelIndex()
        position = start.row() * columns + start.column() + step
        while 0 <= position < rows * columns:
            index = model.index(position // columns, position % columns)
            if self.editable(index):
                return index
            position += step
        return QModelIndex()

    def edit_cell(self, index: QModelIndex) -> bool:
        """Makes `index` current and opens its editor: the editor and the current cell agree."""
        if not self.editable(index):
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        return bool(self.edit(index))

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint in (_Hint.EditNextItem, _Hint.EditPreviousItem):
            current = self.currentIndex()
            super().closeEditor(editor, _Hint.NoHint)
            step = 1 if hint == _Hint.EditNextItem else -1
            target = self.next_editable(current, step)
            if target.isValid():
                self.edit_cell(target)
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers()
            and self.state() != QAbstractItemView.State.EditingState
            and self.editable(self.currentIndex())
        ):
            self.edit(self.currentIndex())  # Return opens the cell, as F2 does
            return
        if (
            event.key() == Qt.Key.Key_Delete
            and not event.modifiers()
            and self.state() != QAbstractItemView.State.EditingState
            and self._clear_date(self.currentIndex())
        ):
            return
        super().keyPressEvent(event)

    def _clear_date(self, index: QModelIndex) -> bool:
        model = self.model()
        if not isinstance(model, EntityTableModel) or not self.editable(index):
            return False
        if model.column(index.column()).editor != "date":
            return False
        model.setData(index, None)
        return True
