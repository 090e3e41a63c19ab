"""A table model over one list of workbook entities (napari's item-model idea).

Reads go straight to the domain objects; `setData` pushes a `SetValue` command and
structural edits (add, remove, move) push the commands of ui/commands.py that call
planning/edits.py, so every edit is undoable. The
model re-reads itself when the document says its part changed, turning the difference
into row inserts or removals where it can so selections and editors survive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Literal

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt

from planning.model import Workbook
from ui import commands
from ui.commands import SetValue
from ui.document import Change, WorkbookDocument

Index = QModelIndex | QPersistentModelIndex


Editor = Literal["text", "enum", "date", "number", "bool", "multi", "readonly"]
"""The editor a column needs; "multi" edits a list of ids."""


@dataclass(frozen=True)
class Column:
    """One column: the field it shows and the editor it needs. The field belongs to the
    row's entity, or to the object `within` finds in it (e.g. an objective's carry-over),
    a column without an editor where that object is None."""

    field: str
    header: str
    editor: Editor = "text"
    choices: Callable[[Workbook], Sequence[tuple[str, Any]]] | None = None
    none_label: str | None = None
    within: Callable[[Any], Any] | None = None
    display: Callable[[Workbook, Any], str] | None = None
    unit: Callable[[Any], str] | None = None
    minimum: float = -1e12
    maximum: float = 1e12
    decimals: int = 2
    tooltip: str = ""

    def holder(self, entity: Any) -> Any:
        return self.within(entity) if self.within else entity


def format_number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip()


def names_of(workbook: Workbook, ids: Sequence[str], choices: Sequence[tuple[str, Any]]) -> str:
    labels = {value: label for label, value in choices}
    return ", ".join(labels[i] for i in ids if i in labels)


class EntityTableModel(QAbstractTableModel):
    """Rows are the entities `rows(workbook)` returns (optionally filtered)."""

    def __init__(
        self,
        document: WorkbookDocument,
        *,
        rows: Callable[[Workbook], list],
        container: tuple[str, ...],
        change: Change,
        columns: Sequence[Column],
        noun: str,
        factory: Callable[[], Any],
        keep: Callable[[Any], bool] | None = None,
        depends: Change = Change.NONE,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self._rows = rows
        self._container = container
        self.change = change
        self.columns = list(columns)
        self.noun = noun
        self._factory = factory
        self._keep = keep
        self._listen = change | depends
        self._items: list[Any] = self._visible()
        self._ids: list[str] = [x.id for x in self._items]
        document.changed.connect(self._on_changed)

    # --- reading -------------------------------------------------------------------------

    def _visible(self) -> list[Any]:
        items = self._rows(self.document.workbook)
        return [x for x in items if self._keep(x)] if self._keep else list(items)

    def entity(self, row: int) -> Any:
        return self._items[row]

    def row_of(self, entity_id: str) -> int:
        try:
            return self._ids.index(entity_id)
        except ValueError:
            return -1

    def column_of(self, field: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.field == field), -1)

    def column(self, index: int) -> Column:
        return self.columns[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self.columns[section].header
            return str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].tooltip or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        holder = column.holder(self._items[index.row()])
        if holder is None or column.editor == "readonly" or self.document.read_only:
            return flags
        if column.editor == "bool":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def raw(self, row: int, column: Column) -> Any:
        holder = column.holder(self._items[row])
        return None if holder is None else getattr(holder, column.field)

    def display_text(self, row: int, column: Column) -> str:
        entity = self._items[row]
        wb = self.document.workbook
        if column.display is not None:
            return column.display(wb, entity)
        value = self.raw(row, column)
        if value is None:
            return (column.none_label or "") if column.editor == "enum" else ""
        if column.editor == "multi" and column.choices:
            return names_of(wb, value, column.choices(wb))
        if column.editor == "enum" and column.choices:
            return next((label for label, v in column.choices(wb) if v == value), str(value))
        if isinstance(value, Enum):
            return getattr(value, "label", str(value.value))
        if isinstance(value, date):
            return value.isoformat()
        if column.editor == "number":
            return format_number(value, column.unit(entity) if column.unit else "")
        if column.editor == "bool":
            return ""
        return str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        column = self.columns[index.column()]
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            value = self.raw(row, column)
            if column.editor == "date":
                return None if value is None else QDate(value.year, value.month, value.day)
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.display_text(row, column)
            return text if len(text) > 30 else None
        if role == Qt.ItemDataRole.CheckStateRole and column.editor == "bool":
            checked = bool(self.raw(row, column))
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    # --- editing -------------------------------------------------------------------------

    def _locator(self, entity_id: str, column: Column) -> Callable[[Workbook], Any]:
        rows = self._rows

        def locate(wb: Workbook) -> Any:
            entity = next((x for x in rows(wb) if x.id == entity_id), None)
            return None if entity is None else column.holder(entity)

        return locate

    def convert(self, column: Column, value: Any) -> Any:
        """What the delegate or a test hands in, as the domain stores it."""
        if column.editor == "date":
            if isinstance(value, QDate):
                return None if not value.isValid() or value.year() <= 1900 else value.toPython()
            return value if isinstance(value, date) or value is None else None
        if column.editor == "number":
            if value in (None, ""):
                return None
            number = float(value)
            if number < column.minimum:
                return None
            return max(column.minimum, min(column.maximum, number))
        if column.editor == "enum":
            choices = column.choices(self.document.workbook) if column.choices else []
            for label, choice in choices:
                if value in (choice, label):
                    return choice
            if value is None and column.none_label is not None:
                return None
            raise ValueError(f"{value!r} is not a choice of {column.header}")
        if column.editor == "multi":
            return list(value or [])
        if column.editor == "bool":
            return bool(value)
        return "" if value is None else str(value)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (
            self.flags(index) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        ):
            return False
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.editor == "bool":
            value = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            value = self.convert(column, value)
        except (TypeError, ValueError):
            return False
        if value == self.raw(index.row(), column):
            return True
        entity_id = self._ids[index.row()]
        self.document.push(
            SetValue(
                self.document,
                self._locator(entity_id, column),
                column.field,
                value,
                self.change,
                f"Edit {self.noun} {column.header.lower()}",
            )
        )
        return True

    def insert_row(self, row: int | None = None, entity: Any = None) -> str:
        """Adds a new entity before visible row `row` (the end if None); returns its id."""
        entity = entity if entity is not None else self._factory()
        if self.document.read_only:
            return entity.id
        anchor = self._ids[row] if row is not None and 0 <= row < len(self._ids) else None
        last = self._ids[-1] if self._ids else None
        commands.insert_row(
            self.document,
            self._rows,
            entity,
            self.change,
            f"Add {self.noun}",
            before=anchor,
            after=last,
        )
        return entity.id

    def remove_ids(self, ids: set[str]) -> None:
        if not ids or self.document.read_only:
            return
        text = f"Remove {self.noun}" if len(ids) == 1 else f"Remove {len(ids)} {self.noun}s"
        if self._container[0] in commands.CASCADING and len(self._container) == 1:
            # Other entities link to these: the removal cascades, and its undo too.
            commands.remove_items(self.document, self._container[0], ids, self.change, text)
            return
        commands.remove_rows(self.document, self._rows, ids, self.change, text)

    def move_row(self, row: int, delta: int) -> int:
        """Swaps visible row `row` with its neighbour; returns where it went (or `row`)."""
        target = row + delta
        if not (0 <= row < len(self._ids) and 0 <= target < len(self._ids)):
            return row
        if self.document.read_only:
            return target
        text = f"Move {self.noun} {'up' if delta < 0 else 'down'}"
        commands.swap_rows(
            self.document, self._rows, self._ids[row], self._ids[target], self.change, text
        )
        return target

    # --- following the document ----------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        if change & self._listen:
            self.reload()

    def reload(self) -> None:
        items = self._visible()
        ids = [x.id for x in items]
        old = self._ids
        if ids == old:
            self._items = items
            if ids:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(ids) - 1, len(self.columns) - 1)
                )
            return
        start = next(
            (i for i, (a, b) in enumerate(zip(old, ids, strict=False)) if a != b),
            min(len(old), len(ids)),
        )
        grown = len(ids) - len(old)
        swapped = (
            grown == 0
            and start + 1 < len(ids)
            and old[start] == ids[start + 1]
            and old[start + 1] == ids[start]
            and old[start + 2 :] == ids[start + 2 :]
        )
        if swapped:
            # A move up or down: the row below goes above, so selections follow the rows.
            self.beginMoveRows(QModelIndex(), start + 1, start + 1, QModelIndex(), start)
            self._items, self._ids = items, ids
            self.endMoveRows()
        elif grown > 0 and old[start:] == ids[start + grown :]:
            self.beginInsertRows(QModelIndex(), start, start + grown - 1)
            self._items, self._ids = items, ids
            self.endInsertRows()
        elif grown < 0 and old[start - grown :] == ids[start:]:
            self.beginRemoveRows(QModelIndex(), start, start - grown - 1)
            self._items, self._ids = items, ids
            self.endRemoveRows()
        else:
            self.beginResetModel()
            self._items, self._ids = items, ids
            self.endResetModel()
            return
        if ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(self.columns) - 1))


def enum_choices(enum_type: type[Enum]) -> Callable[[Workbook], list[tuple[str, Any]]]:
    members = [(getattr(m, "label", str(m.value)), m) for m in enum_type]
    return lambda _wb: members
