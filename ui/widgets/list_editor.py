"""A table of one list with add, remove and move up/down (buttons and shortcuts), the right
editor per column, and an empty state that says what to add instead of a bare grid."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.models.table import EntityTableModel
from ui.widgets.delegates import ColumnDelegate
from ui.widgets.table_view import EditTableView

FIT_ROWS_UP_TO = 60
ADD_KEYS = ("Ctrl+Shift+Return", "Insert")
REMOVE_KEYS = ("Ctrl+Shift+Backspace",)
UP_KEYS = ("Ctrl+Shift+Up",)
DOWN_KEYS = ("Ctrl+Shift+Down",)


class ListEditor(QWidget):
    """Edits the entities of one EntityTableModel."""

    current_changed = Signal(object)  # the current entity's id, or None

    def __init__(
        self,
        model: EntityTableModel,
        empty_text: str,
        add_label: str,
        parent: QWidget | None = None,
        stretch_column: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        if model.parent() is None:
            model.setParent(self)  # the model lives and dies with its table
        self.setObjectName(f"listEditor_{model.noun.replace(' ', '_')}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_label)
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        for button, keys, tip in (
            (self.add_button, ADD_KEYS, f"Add a {model.noun}"),
            (self.remove_button, REMOVE_KEYS, "Remove the selected rows (undoable)"),
            (self.up_button, UP_KEYS, "Move the selected row up"),
            (self.down_button, DOWN_KEYS, "Move the selected row down"),
        ):
            button.setToolTip(f"{tip} ({', '.join(keys)})")
            button.setAutoDefault(True)  # Return presses a focused button, not only Space
            buttons.addWidget(button)
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(button.click)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.stack = QStackedWidget()
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_add = QPushButton(add_label)
        self.empty_add.setAutoDefault(True)  # a step's first input: Return adds the first row
        self.empty_add.clicked.connect(self.add)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_add, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        self.stack.addWidget(empty)

        self.view = EditTableView()
        self.view.setModel(model)
        self.view.setItemDelegate(ColumnDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Long headers wrap at their spaces rather than widen (or elide) their column.
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.setDefaultAlignment(
            Qt.AlignmentFlag(int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap))
        )
        header.setStretchLastSection(stretch_column is None)
        self._stretch_column = stretch_column
        if stretch_column is not None:
            header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self._fit_rows: bool | None = None
        self.stack.addWidget(self.view)
        layout.addWidget(self.stack, 1)

        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._update_state)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self._sized = False
        self._fitted_for: tuple[object, ...] | None = None
        # Rows follow their columns' widths (a stretched column changes after the view
        # has been laid out): measured once the widths have settled.
        self._rows_timer = QTimer(self, singleShot=True, interval=0)
        self._rows_timer.timeout.connect(self._fit_row_heights)
        header.sectionResized.connect(lambda *_a: self._rows_timer.start())
        self._update_state()

    # --- actions -------------------------------------------------------------------------

    def add(self) -> str | None:
        if self.model.document.read_only:
            return None
        current = self.view.currentIndex()
        row = current.row() + 1 if current.isValid() else None
        new_id = self.model.insert_row(row)
        self.select_id(new_id, edit=True)
        return new_id

    def selected_ids(self) -> set[str]:
        rows = {i.row() for i in self.view.selectionModel().selectedRows()}
        current = self.view.currentIndex()
        if not rows and current.isValid():
            rows = {current.row()}
        return {self.model.entity(r).id for r in rows if r < self.model.rowCount()}

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        first = min(self.model.row_of(i) for i in ids)
        self.model.remove_ids(ids)
        if self.model.rowCount():
            self.select_row(min(first, self.model.rowCount() - 1))

    def move_current(self, delta: int) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            return
        entity_id = self.model.entity(current.row()).id
        self.model.move_row(current.row(), delta)
        self.select_id(entity_id, column=current.column())

    # --- selection -----------------------------------------------------------------------

    def select_row(self, row: int, column: int = 0, *, edit: bool = False) -> None:
        """Makes `row` current; with `edit`, opens its first editable cell (and that cell
        is the current one, so Tab goes on to the next editable cell)."""
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, max(0, column))
        if edit:
            first = self.view.first_editable(row)
            if first.isValid():
                index = first
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        if edit and index.isValid():
            self.view.edit_cell(index)

    def focus_first(self) -> None:
        """Keyboard focus into the list: the table on its first editable cell, or the Add
        button of the empty state."""
        if self.model.rowCount() == 0:
            self.empty_add.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.view.currentIndex().isValid():
            first = self.view.first_editable(0)
            self.select_row(0, first.column() if first.isValid() else 0)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_id(self, entity_id: str, column: int = 0, *, edit: bool = False) -> bool:
        row = self.model.row_of(entity_id)
        if row < 0:
            return False
        self.select_row(row, column, edit=edit)
        return True

    def focus_field(self, entity_id: str, field: str | None) -> bool:
        column = self.model.column_of(field) if field else -1
        found = self.select_id(entity_id, max(column, 0))
        if found:
            self.view.setFocus()
        return found

    def current_id(self) -> str | None:
        current = self.view.currentIndex()
        if not current.isValid() or current.row() >= self.model.rowCount():
            return None
        entity_id: str = self.model.entity(current.row()).id
        return entity_id

    def _current_row_changed(self, *_args: object) -> None:
        self.current_changed.emit(self.current_id())

    def _update_state(self, *_args: object) -> None:
        has_rows = self.model.rowCount() > 0
        # Rows grow to their wrapped text while the list is short; a long list (hundreds of
        # objectives) keeps one-line rows, or every edit would measure every row.
        fit_rows = self.model.rowCount() <= FIT_ROWS_UP_TO
        if fit_rows != self._fit_rows:
            self._fit_rows = fit_rows
            self.view.setWordWrap(fit_rows)
            self.view.verticalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents
                if fit_rows
                else QHeaderView.ResizeMode.Interactive
            )
        self.stack.setCurrentIndex(1 if has_rows else 0)
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(has_rows)
        if has_rows and not self._sized:
            self._sized = True
            self.fit_columns()
        elif has_rows:
            self.fit_columns(force=False)  # rows added or removed

    def fit_columns(self, *, force: bool = True) -> None:
        """Columns as wide as their contents and never narrower than their header; when
        they do not all fit the table's width, the text columns give way (their text wraps
        onto more lines) down to a floor, so every column stays in view where it can.
        Measured in the current font: workshop mode's larger type refits them. Without
        `force`, only when the width, the type or the number of rows changed."""
        view, model = self.view, self.model
        if model.rowCount() == 0:
            return
        key = (self.width(), view.font().toString(), model.rowCount())
        if not force and key == self._fitted_for:
            return
        self._fitted_for = key
        metrics = view.fontMetrics()
        em = metrics.horizontalAdvance("m")
        pad = 2 * em
        header = view.horizontalHeader()
        header_metrics = header.fontMetrics()
        widths: dict[int, int] = {}
        floors: dict[int, int] = {}
        wrapping: set[int] = set()
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            # A header wraps at its spaces: its longest word is its floor.
            floor = max(header_metrics.horizontalAdvance(w) for w in title.split() or [""]) + pad
            width = max(self._content_width(column), floor)
            if model.column(column).editor in ("text", "multi"):
                # Wrapping text: at least the header's longest word and about eight letters.
                floor = max(floor, 8 * em)
                width = min(width, max(floor, 28 * em))
                wrapping.add(column)
            widths[column], floors[column] = width, floor
        # The table's width as laid out now (its viewport may not have followed yet).
        room = (
            self.width()
            - view.verticalHeader().sizeHint().width()
            - 2 * view.frameWidth()
            - view.verticalScrollBar().sizeHint().width()
        )
        main = self._stretch_column
        if main in widths:
            # The column that names the row (a title) keeps room to be read: it wraps
            # onto a few lines at most before the table scrolls sideways instead.
            floors[main] = max(floors[main], min(20 * em, room // 3))
            widths[main] = max(widths[main], floors[main])
        excess = sum(widths.values()) - room
        shrinkable = {c: widths[c] - floors[c] for c in wrapping if widths[c] > floors[c]}
        slack = sum(shrinkable.values())
        if excess > 0 and slack > 0:
            ratio = min(1.0, excess / slack)
            for column, give in shrinkable.items():
                widths[column] -= int(give * ratio + 0.999)
        if main in widths:
            # Stretched while everything fits; when the table scrolls sideways the column
            # keeps its width (a stretched one would be squeezed to nothing).
            fits = sum(widths.values()) <= room
            mode = QHeaderView.ResizeMode.Stretch if fits else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(main, mode)
        for column, width in widths.items():
            view.setColumnWidth(column, width)
        header.setMinimumSectionSize(min(floors.values(), default=header.minimumSectionSize()))
        flags = int(Qt.TextFlag.TextWordWrap)
        tallest = max(
            header_metrics.boundingRect(
                QRect(0, 0, max(1, width - pad // 2), 10_000),
                flags,
                str(model.headerData(column, Qt.Orientation.Horizontal) or ""),
            ).height()
            for column, width in widths.items()
        )
        header.setFixedHeight(tallest + header_metrics.height() // 2 + 4)
        if self._fit_rows:
            view.resizeRowsToContents()

    def _content_width(self, column: int) -> int:
        """The widest of the first rows' text in `column` (measured, not from the view:
        a view not shown yet knows no visible rows)."""
        view, model = self.view, self.model
        metrics = view.fontMetrics()
        widest = 0
        for row in range(min(model.rowCount(), FIT_ROWS_UP_TO)):
            index = model.index(row, column)
            text = str(index.data() or "")
            width = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)
            if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                width += view.iconSize().width() if view.iconSize().width() > 0 else 20
            if index.data(Qt.ItemDataRole.CheckStateRole) is not None:
                width += 24
            widest = max(widest, width)
        # What the column will hold once filled in, not only what a new blank row shows.
        spec = model.column(column)
        if spec.editor == "date":
            widest = max(widest, metrics.horizontalAdvance("2027-12-31"))
        elif spec.editor == "enum" and spec.choices is not None:
            labels = [label for label, _ in spec.choices(model.document.workbook)]
            labels += [spec.none_label] if spec.none_label else []
            widest = max([widest, *(metrics.horizontalAdvance(x) for x in labels)])
        elif spec.editor == "number":
            unit = spec.unit(model.entity(0)) if spec.unit and model.rowCount() else ""
            widest = max(widest, metrics.horizontalAdvance(f"888,888 {unit}".strip()))
        return widest + 2 * metrics.horizontalAdvance("m")

    def _fit_row_heights(self) -> None:
        if self._fit_rows and self.model.rowCount():
            self.view.resizeRowsToContents()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._sized:
            self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._sized and event.oldSize().width() != event.size().width():
            self.fit_columns(force=False)
