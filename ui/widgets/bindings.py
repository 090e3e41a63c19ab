"""Two-way bindings between a form widget and one field of the workbook.

A binding pushes a `SetValue` command when the user edits the widget and, on `sync()`,
shows the field's current value without pushing anything back: values are compared first
and signals are blocked while the widget is updated, so a refresh never loops into a new
command. Typing in a text field merges into one undo step per editing session: the session
ends when the field loses focus or the user presses Return.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from planning.model import Workbook
from ui.commands import SetValue
from ui.document import Change, WorkbookDocument

Locator = Callable[[Workbook], Any]

NO_DATE = QDate(1900, 1, 1)
"""The minimum of every optional date editor, shown as "Not set" (QDateEdit has no null)."""

_sessions = itertools.count(1)


def to_qdate(value: date | None) -> QDate:
    return NO_DATE if value is None else QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date | None:
    if not value.isValid() or value <= NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())


def setup_date_edit(edit: QDateEdit) -> QDateEdit:
    """An optional date: a calendar pop-up, and "Not set" at the minimum."""
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("Not set")
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class SelectedEntity:
    """A locator for the entity selected in a table (a detail panel edits it): the entity
    with `entity_id` in `rows(workbook)`, or the part of it `owner` returns."""

    def __init__(
        self, rows: Callable[[Workbook], list], owner: Callable[[Any], Any] | None = None
    ) -> None:
        self.rows = rows
        self.owner = owner
        self.entity_id: str | None = None

    def __call__(self, workbook: Workbook) -> Any:
        return self._find(workbook, self.entity_id)

    def _find(self, workbook: Workbook, entity_id: str | None) -> Any:
        if entity_id is None:
            return None
        entity = next((x for x in self.rows(workbook) if x.id == entity_id), None)
        if entity is None or self.owner is None:
            return entity
        return self.owner(entity)

    def freeze(self) -> Locator:
        entity_id = self.entity_id
        return lambda workbook: self._find(workbook, entity_id)


class FieldBinding(QObject):
    """One widget ↔ one field of the object `locate(workbook)` returns."""

    def __init__(
        self,
        document: WorkbookDocument,
        widget: QWidget,
        locate: Locator,
        field: str,
        change: Change,
        label: str,
    ) -> None:
        super().__init__(widget)
        self.document = document
        self.widget = widget
        self.locate = locate
        self.field = field
        self.change = change
        self.label = label
        self._session = next(_sessions)

    def value(self) -> Any:
        target = self.locate(self.document.workbook)
        return None if target is None else getattr(target, self.field)

    def push(self, value: Any, *, merge: bool = False) -> None:
        if self.document.read_only or self.locate(self.document.workbook) is None:
            self.sync()
            return
        if value == self.value():
            return
        # A locator that follows a selection is frozen: undo must edit the same entity.
        locate = self.locate.freeze() if isinstance(self.locate, SelectedEntity) else self.locate
        target = getattr(self.locate, "entity_id", None)
        key = (id(self), self.field, self._session, target) if merge else None
        self.document.push(
            SetValue(
                self.document,
                locate,
                self.field,
                value,
                self.change,
                f"Edit {self.label}",
                merge_key=key,
            )
        )

    def end_session(self) -> None:
        """The next keystroke starts a new undo step."""
        self._session = next(_sessions)

    def sync(self) -> None:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.end_session()
        return False


# QLineEdit cuts text at 32,767 characters by default: a longer field (pasted, or from the
# file) would lose its tail at the first keystroke. Fields are not limited in the workbook.
MAX_LINE_TEXT = 10_000_000


class LineBinding(FieldBinding):
    def __init__(self, document, widget: QLineEdit, locate, field, change, label) -> None:
        widget.setMaxLength(MAX_LINE_TEXT)
        super().__init__(document, widget, locate, field, change, label)
        widget.textEdited.connect(lambda text: self.push(text, merge=True))
        widget.editingFinished.connect(self.end_session)
        self.sync()

    def sync(self) -> None:
        value = self.value() or ""
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        if edit.text() != value:
            position = edit.cursorPosition()
            edit.setText(value)
            edit.setCursorPosition(min(position, len(value)))


class TextBinding(FieldBinding):
    def __init__(self, document, widget: QPlainTextEdit, locate, field, change, label) -> None:
        super().__init__(document, widget, locate, field, change, label)
        widget.textChanged.connect(lambda: self.push(widget.toPlainText(), merge=True))
        widget.installEventFilter(self)
        self.sync()

    def sync(self) -> None:
        value = self.value() or ""
        edit: QPlainTextEdit = self.widget  # type: ignore[assignment]
        if edit.toPlainText() != value:
            cursor = edit.textCursor()
            position = cursor.position()
            edit.blockSignals(True)
            edit.setPlainText(value)
            edit.blockSignals(False)
            cursor = edit.textCursor()
            cursor.setPosition(min(position, len(value)))
            edit.setTextCursor(cursor)


class ChoiceBinding(FieldBinding):
    """A drop-down of (label, value) choices; `none_label` adds a first "not chosen" entry."""

    def __init__(
        self,
        document,
        widget: QComboBox,
        locate,
        field,
        change,
        label,
        choices: Sequence[tuple[str, Any]],
        none_label: str | None = None,
    ) -> None:
        super().__init__(document, widget, locate, field, change, label)
        self.values: list[Any] = []
        if none_label is not None:
            widget.addItem(none_label)
            self.values.append(None)
        for text, value in choices:
            widget.addItem(text)
            self.values.append(value)
        widget.activated.connect(lambda index: self.push(self.values[index]))
        self.sync()

    def sync(self) -> None:
        combo: QComboBox = self.widget  # type: ignore[assignment]
        value = self.value()
        index = self.values.index(value) if value in self.values else -1
        if combo.currentIndex() != index:
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)


class DateBinding(FieldBinding):
    def __init__(self, document, widget: QDateEdit, locate, field, change, label) -> None:
        super().__init__(document, widget, locate, field, change, label)
        setup_date_edit(widget)
        # Typing a date changes it digit by digit: those steps merge into one undo step.
        widget.dateChanged.connect(lambda qdate: self.push(from_qdate(qdate), merge=True))
        widget.editingFinished.connect(self.end_session)
        self.sync()

    def sync(self) -> None:
        edit: QDateEdit = self.widget  # type: ignore[assignment]
        value = to_qdate(self.value())
        if edit.date() != value:
            edit.blockSignals(True)
            edit.setDate(value)
            edit.blockSignals(False)


class CheckBinding(FieldBinding):
    def __init__(self, document, widget: QCheckBox, locate, field, change, label) -> None:
        super().__init__(document, widget, locate, field, change, label)
        widget.toggled.connect(lambda checked: self.push(bool(checked)))
        self.sync()

    def sync(self) -> None:
        box: QCheckBox = self.widget  # type: ignore[assignment]
        value = bool(self.value())
        if box.isChecked() != value:
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)


class Bindings:
    """The bindings of one page, re-synced when a change touches their part."""

    def __init__(self, document: WorkbookDocument) -> None:
        self.document = document
        self._all: list[FieldBinding] = []

    def add(self, binding: FieldBinding) -> FieldBinding:
        self._all.append(binding)
        return binding

    def line(
        self, widget: QLineEdit, locate: Locator, field: str, change: Change, label: str
    ) -> FieldBinding:
        return self.add(LineBinding(self.document, widget, locate, field, change, label))

    def text(
        self, widget: QPlainTextEdit, locate: Locator, field: str, change: Change, label: str
    ) -> FieldBinding:
        return self.add(TextBinding(self.document, widget, locate, field, change, label))

    def choice(
        self,
        widget: QComboBox,
        locate: Locator,
        field: str,
        change: Change,
        label: str,
        choices: Sequence[tuple[str, Any]],
        none_label: str | None = None,
    ) -> FieldBinding:
        return self.add(
            ChoiceBinding(self.document, widget, locate, field, change, label, choices, none_label)
        )

    def date(
        self, widget: QDateEdit, locate: Locator, field: str, change: Change, label: str
    ) -> FieldBinding:
        return self.add(DateBinding(self.document, widget, locate, field, change, label))

    def check(
        self, widget: QCheckBox, locate: Locator, field: str, change: Change, label: str
    ) -> FieldBinding:
        return self.add(CheckBinding(self.document, widget, locate, field, change, label))

    def sync(self, change: Change) -> None:
        for binding in self._all:
            if binding.change & change:
                binding.sync()
