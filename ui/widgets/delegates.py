"""The editor each table column needs: drop-downs for choices, a date picker, a number
spin box with the unit, and a checkable list for multi-select of linked entities."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QRect, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.models.table import Column, EntityTableModel
from ui.widgets.bindings import MAX_LINE_TEXT, NO_DATE, setup_date_edit


class MultiSelectEditor(QListWidget):
    """A checkable list of (label, id); `selected()` gives the ticked ids in list order."""

    def __init__(self, choices: list[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("multiSelectEditor")
        for label, value in choices:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        if not choices:
            item = QListWidgetItem("Nothing to choose yet: add it on its step first.", self)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def set_selected(self, values: list[Any]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                checked = item.data(Qt.ItemDataRole.UserRole) in values
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def selected(self) -> list[Any]:
        return [
            self.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.count())
            if self.item(r).checkState() == Qt.CheckState.Checked
        ]


def _column(index: QModelIndex) -> tuple[EntityTableModel | None, Column | None]:
    model = index.model()
    if isinstance(model, EntityTableModel):
        return model, model.column(index.column())
    return None, None


class ColumnDelegate(QStyledItemDelegate):
    """Creates the editor the model's Column asks for; plain text otherwise."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        model, column = _column(index)
        if model is None or column is None:
            return super().createEditor(parent, option, index)
        wb = model.document.workbook
        if column.editor == "enum":
            combo = QComboBox(parent)
            values: list[Any] = []
            if column.none_label is not None:
                combo.addItem(column.none_label)
                values.append(None)
            for label, value in column.choices(wb) if column.choices else []:
                combo.addItem(label)
                values.append(value)
            combo.setProperty("choiceCount", len(values))
            combo._values = values  # type: ignore[attr-defined]
            return combo
        if column.editor == "date":
            return setup_date_edit(QDateEdit(parent))
        if column.editor == "number":
            spin = QDoubleSpinBox(parent)
            spin.setDecimals(column.decimals)
            # One step below the real minimum stands for "not set".
            spin.setRange(column.minimum - 1, column.maximum)
            spin.setSpecialValueText("Not set")
            unit = column.unit(model.entity(index.row())) if column.unit else ""
            if unit:
                spin.setSuffix(f" {unit}")
            return spin
        if column.editor == "multi":
            choices = list(column.choices(wb)) if column.choices else []
            return MultiSelectEditor(choices, parent)
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(MAX_LINE_TEXT)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox) and hasattr(editor, "_values"):
            values = editor._values
            editor.setCurrentIndex(values.index(value) if value in values else -1)
        elif isinstance(editor, QDateEdit):
            editor.setDate(value if value is not None else NO_DATE)
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(editor.minimum() if value is None else float(value))
        elif isinstance(editor, MultiSelectEditor):
            editor.set_selected(list(value or []))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox) and hasattr(editor, "_values"):
            if editor.currentIndex() >= 0:
                model.setData(index, editor._values[editor.currentIndex()])
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date())
        elif isinstance(editor, QDoubleSpinBox):
            special = editor.value() <= editor.minimum()
            model.setData(index, None if special else editor.value())
        elif isinstance(editor, MultiSelectEditor):
            model.setData(index, editor.selected())
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        if isinstance(editor, MultiSelectEditor):
            # A list needs room for several choices; it may overlap the rows below.
            rows = max(1, min(editor.count(), 8))
            height = editor.sizeHintForRow(0) * rows + 2 * editor.frameWidth() + 4
            width = max(option.rect.width(), editor.sizeHintForColumn(0) + 40)
            editor.setGeometry(
                QRect(option.rect.topLeft(), option.rect.size()).adjusted(
                    0, 0, width - option.rect.width(), height - option.rect.height()
                )
            )
            return
        super().updateEditorGeometry(editor, option, index)
