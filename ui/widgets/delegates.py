"""The editor each table column needs: drop-downs for choices, the typed date field, a
number spin box with the unit, and a checkable list for multi-select of linked entities.

The delegate also paints the current cell with a thick frame while its table has focus:
with whole rows selected, a room must still see which cell the next keystroke edits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.models.table import Column, EntityTableModel
from ui.widgets.bindings import MAX_LINE_TEXT, suggested_date
from ui.widgets.date_field import DateField

Index = QModelIndex | QPersistentModelIndex
FOCUS_FRAME = 3
"""Pixels of the current cell's frame: thick enough to see from the back of a room."""


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


class ChoiceEditor(QComboBox):
    """A drop-down of (label, value) choices; `none_label` adds a first "not chosen"."""

    def __init__(
        self,
        choices: list[tuple[str, Any]],
        none_label: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.values: list[Any] = []
        if none_label is not None:
            self.addItem(none_label)
            self.values.append(None)
        for label, value in choices:
            self.addItem(label)
            self.values.append(value)


def paint_current_cell(
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: Index,
) -> None:
    """A thick frame around the current cell of a focused table."""
    if not option.state & QStyle.StateFlag.State_HasFocus:
        return
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
    painter.save()
    pen = QPen(option.palette.color(role), FOCUS_FRAME)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    half = FOCUS_FRAME // 2 + 1
    painter.drawRect(option.rect.adjusted(half, half, -half, -half))
    painter.restore()


class FramedDelegate(QStyledItemDelegate):
    """Paints the current cell's frame; the base of every table delegate here."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        paint_current_cell(painter, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # Room for the frame around the text, so a framed cell's text stays clear of it.
        return super().sizeHint(option, index) + QSize(2 * FOCUS_FRAME, 2 * FOCUS_FRAME)


def _column(index: Index) -> tuple[EntityTableModel | None, Column | None]:
    model = index.model()
    if isinstance(model, EntityTableModel):
        return model, model.column(index.column())
    return None, None


class ColumnDelegate(FramedDelegate):
    """Creates the editor the model's Column asks for; plain text otherwise."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model, column = _column(index)
        if model is None or column is None:
            return super().createEditor(parent, option, index)
        wb = model.document.workbook
        if column.editor == "enum":
            choices = list(column.choices(wb)) if column.choices else []
            return ChoiceEditor(choices, column.none_label, parent)
        if column.editor == "date":
            field = DateField(parent)
            field.suggest = lambda: suggested_date(model.document.workbook)
            # A calendar pick or Delete is an edit the user confirmed: it is kept at once.
            field.date_edited.connect(lambda _value: self.commitData.emit(field))
            return field
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

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, ChoiceEditor):
            values = editor.values
            editor.setCurrentIndex(values.index(value) if value in values else -1)
        elif isinstance(editor, DateField):
            editor.set_date(value.toPython() if value is not None else None)
            editor.selectAll()
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(editor.minimum() if value is None else float(value))
        elif isinstance(editor, MultiSelectEditor):
            editor.set_selected(list(value or []))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, ChoiceEditor):
            if editor.currentIndex() >= 0:
                model.setData(index, editor.values[editor.currentIndex()])
        elif isinstance(editor, DateField):
            understood, value = editor.typed()
            if not understood:
                editor.commit()  # says why, and shows the date kept
                return
            editor.set_date(value)
            model.setData(index, value)
        elif isinstance(editor, QDoubleSpinBox):
            special = editor.value() <= editor.minimum()
            model.setData(index, None if special else editor.value())
        elif isinstance(editor, MultiSelectEditor):
            model.setData(index, editor.selected())
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
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
