"""The alignment matrix: active office objectives (rows) × company strategic objectives
(columns), each cell a strength (none, weak, medium, strong) coloured as a heat map, with
totals in a last row and column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from planning.alignment import strength_totals
from planning.enums import Strength
from ui.commands import set_alignment_strength
from ui.document import Change, WorkbookDocument

Index = QModelIndex | QPersistentModelIndex

CYCLE: list[Strength | None] = [None, Strength.WEAK, Strength.MEDIUM, Strength.STRONG]
HEAT = {
    None: None,
    Strength.WEAK: QColor("#dbeafe"),
    Strength.MEDIUM: QColor("#7fb2e5"),
    Strength.STRONG: QColor("#1e4f8a"),
}
TOTAL = "Total"


def next_strength(current: Strength | None) -> Strength | None:
    return CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)]


class AlignmentModel(QAbstractTableModel):
    def __init__(self, document: WorkbookDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._load()
        document.changed.connect(self._on_changed)

    def _load(self) -> None:
        wb = self.document.workbook
        self.objectives = wb.active_objectives()
        self.strategic = list(wb.strategy)
        self._links = {(a.objective_id, a.strategic_id): a.strength for a in wb.alignment}
        self._totals = strength_totals(wb)

    def is_empty(self) -> bool:
        return not self.objectives or not self.strategic

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.is_empty():
            return 0
        return len(self.objectives) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.is_empty():
            return 0
        return len(self.strategic) + 1

    def is_total(self, index: Index) -> bool:
        return index.row() == len(self.objectives) or index.column() == len(self.strategic)

    def cell(self, index: Index) -> tuple[str, str] | None:
        """(objective id, strategic id) of a matrix cell, None for the totals."""
        if not index.isValid() or self.is_total(index):
            return None
        return self.objectives[index.row()].id, self.strategic[index.column()].id

    def strength(self, index: Index) -> Strength | None:
        cell = self.cell(index)
        return None if cell is None else self._links.get(cell)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.is_empty():
            return None
        horizontal = orientation == Qt.Orientation.Horizontal
        items = self.strategic if horizontal else self.objectives
        if role == Qt.ItemDataRole.DisplayRole:
            if section == len(items):
                return TOTAL
            item = items[section]
            # Full titles on both axes: the page wraps them, a room reads them unhovered.
            if horizontal:
                return "\n".join(x for x in (item.code, item.title) if x) or "?"
            return " — ".join(x for x in (item.code, item.title) if x) or "Untitled objective"
        if role == Qt.ItemDataRole.ToolTipRole and section < len(items):
            item = items[section]
            return f"{item.code} {item.title}".strip() or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.is_total(index) and not self.document.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.is_empty():
            return None
        if self.is_total(index):
            return self._total_data(index, role)
        strength = self.strength(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return strength.label if strength else ""
        if role == Qt.ItemDataRole.EditRole:
            return strength
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = HEAT[strength]
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and strength is not None:
            return QBrush(QColor("white") if strength is Strength.STRONG else QColor("#0b1f33"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            objective = self.objectives[index.row()]
            strategic = self.strategic[index.column()]
            how = strength.label.lower() if strength else "no"
            return (
                f"{objective.code or objective.title} gives {how} support to "
                f"{strategic.code or strategic.title}. Click or press Space to change."
            )
        return None

    def _total_data(self, index: Index, role: int) -> Any:
        per_objective, per_strategic = self._totals
        row_total = index.column() == len(self.strategic)
        column_total = index.row() == len(self.objectives)
        if role == Qt.ItemDataRole.DisplayRole:
            if row_total and column_total:
                return str(sum(per_strategic.values()))
            if row_total:
                return str(per_objective.get(self.objectives[index.row()].id, 0))
            return str(per_strategic.get(self.strategic[index.column()].id, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Sum of strengths: weak 1, medium 2, strong 3"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell(index)
        if role != Qt.ItemDataRole.EditRole or cell is None or self.document.read_only:
            return False
        if value is not None and not isinstance(value, Strength):
            text = str(value).strip()
            if text.casefold() in ("", "none"):
                value = None
            else:
                value = Strength.from_label(text)
                if value is None:
                    return False
        if value == self.strength(index):
            return True
        set_alignment_strength(self.document, cell[0], cell[1], value)
        return True

    def cycle(self, index: Index) -> bool:
        """Advance a cell none → weak → medium → strong → none."""
        if self.cell(index) is None:
            return False
        return self.setData(index, next_strength(self.strength(index)))

    def _on_changed(self, change: Change) -> None:
        if not change & (Change.ALIGNMENT | Change.OBJECTIVES | Change.STRATEGY):
            return
        wb = self.document.workbook
        objectives = wb.active_objectives()
        same_shape = [o.id for o in objectives] == [o.id for o in self.objectives] and [
            s.id for s in wb.strategy
        ] == [s.id for s in self.strategic]
        if not same_shape:
            self.beginResetModel()
            self._load()
            self.endResetModel()
            return
        self._load()
        if not self.is_empty():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
