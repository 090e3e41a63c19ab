"""The health check as a table: the seven complaints, last year's rating, this year's
rating (1–5) and a note. Ratings and notes are edited through SetValue commands."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from planning.edits import stored_health_rating
from planning.enums import Complaint
from planning.history import health_comparison
from ui.commands import SetValue
from ui.document import Change, WorkbookDocument

Index = QModelIndex | QPersistentModelIndex

COMPLAINT, LAST_YEAR, SCORE, CHANGE, NOTE = range(5)
HEADERS = ("Complaint", "Last year", "This year (1–5)", "Change", "Note")
SCORE_CHOICES = [
    ("1 – entirely true of us", 1),
    ("2 – mostly true", 2),
    ("3 – partly true", 3),
    ("4 – hardly true", 4),
    ("5 – does not apply", 5),
]
NOT_RATED = "Not rated"


class HealthModel(QAbstractTableModel):
    def __init__(self, document: WorkbookDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.complaints = list(Complaint)
        self.has_history = document.workbook.last_year() is not None
        document.changed.connect(self._on_changed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.complaints)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return HEADERS[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (SCORE, NOTE) and not self.document.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        complaint = self.complaints[index.row()]
        rating = self.document.workbook.health_rating(complaint)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == COMPLAINT:
                return complaint.label
            if column == SCORE:
                if role == Qt.ItemDataRole.EditRole:
                    return rating.score
                return str(rating.score) if rating.score else NOT_RATED
            if column == NOTE:
                return rating.note
            comparison = self._comparison(complaint)
            if column == LAST_YEAR:
                return "" if comparison.last_year is None else str(comparison.last_year)
            change = comparison.change
            return "" if change is None else (f"{change:+d}" if change else "same")
        if role == Qt.ItemDataRole.ToolTipRole and column == CHANGE:
            return "A rise means the complaint is heard less than last year."
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (LAST_YEAR, SCORE, CHANGE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _comparison(self, complaint: Complaint):
        return next(
            c for c in health_comparison(self.document.workbook) if c.complaint is complaint
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        complaint = self.complaints[index.row()]
        rating = self.document.workbook.health_rating(complaint)
        if index.column() == SCORE:
            if value in (None, "", NOT_RATED):
                value = None
            else:
                try:
                    value = int(value)
                except (TypeError, ValueError):
                    return False
                if not 1 <= value <= 5:
                    return False
            field = "score"
        else:
            value = "" if value is None else str(value)
            field = "note"
        if getattr(rating, field) == value:
            return True

        def locate(wb, complaint=complaint):
            return stored_health_rating(wb, complaint)

        self.document.push(
            SetValue(
                self.document,
                locate,
                field,
                value,
                Change.HEALTH,
                f"Rate “{complaint.label}”" if field == "score" else "Edit health note",
            )
        )
        return True

    def _on_changed(self, change: Change) -> None:
        if change & Change.HEALTH:
            self.has_history = self.document.workbook.last_year() is not None
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.complaints) - 1, len(HEADERS) - 1)
            )
