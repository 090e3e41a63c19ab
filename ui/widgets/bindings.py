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

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from planning.model import Workbook
from ui.commands import SetValue
from ui.document import Change, WorkbookDocument
from ui.widgets.date_field import DateField

Locator = Callable[[Workbook], Any]

_sessions = itertools.count(1)


def suggested_date(workbook: Workbook) -> date:
    """Where an unset date's calendar opens: today inside the fiscal year, else its start."""
    year = workbook.setup.fiscal_year
    today = date.today()
    if year.start is None or year.contains(today):
        return today
    return year.start


class SelectedEntity:
    """A locator for the entity selected in a table (a detail panel edits it): the entity
    with `entity_id` in `rows(workbook)`, or the part of it `owner` returns."""

    def __init__(
        self, rows: Callable[[Workbook], list[Any]], owner: Callable[[Any], Any] | None = None
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
    def __init__(
        self,
        document: WorkbookDocument,
        widget: QLineEdit,
        locate: Locator,
        field: str,
        change: Change,
        label: str,
    ) -> None:
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
    def __init__(
        self,
        document: WorkbookDocument,
        widget: QPlainTextEdit,
        locate: Locator,
        field: str,
        change: Change,
        label: str,
    ) -> None:
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


def parse_number(text: str) -> tuple[bool, float | None]:
    """(understood, number) of a typed number: thousands commas allowed, empty is None."""
    cleaned = text.replace(",", "").strip()
    if not cleaned:
        return True, None
    try:
        return True, float(cleaned)
    except ValueError:
        return False, None


def show_number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


class NumberBinding(FieldBinding):
    """A number typed in a line edit, kept on Return or Tab (one undo step); text that is
    not a number goes back to the value kept."""

    def __init__(
        self,
        document: WorkbookDocument,
        widget: QLineEdit,
        locate: Locator,
        field: str,
        change: Change,
        label: str,
    ) -> None:
        super().__init__(document, widget, locate, field, change, label)
        widget.editingFinished.connect(self._commit)
        self.sync()

    def _commit(self) -> None:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        ok, value = parse_number(edit.text())
        if not ok:
            edit.setText(show_number(self.value()))
            return
        self.push(value)
        edit.setText(show_number(value))

    def sync(self) -> None:
        edit: QLineEdit = self.widget  # type: ignore[assignment]
        value = self.value()
        if edit.hasFocus() and parse_number(edit.text()) == (True, value):
            return
        if edit.text() != show_number(value):
            edit.setText(show_number(value))


class ChoiceBinding(FieldBinding):
    """A drop-down of (label, value) choices; `none_label` adds a first "not chosen" entry."""

    def __init__(
        self,
        document: WorkbookDocument,
        widget: QComboBox,
        locate: Locator,
        field: str,
        change: Change,
        label: str,
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
    """A DateField: one undo step per confirmed date (Return, Tab, a calendar pick,
    Delete to clear)."""

    def __init__(
        self,
        document: WorkbookDocument,
        widget: DateField,
        locate: Locator,
        field: str,
        change: Change,
        label: str,
    ) -> None:
        super().__init__(document, widget, locate, field, change, label)
        widget.suggest = lambda: suggested_date(document.workbook)
        widget.date_edited.connect(self.push)
        self.sync()

    def sync(self) -> None:
        edit: DateField = self.widget  # type: ignore[assignment]
        value = self.value()
        # While the field has focus, text being typed stays until it is confirmed.
        if edit.date() != value or not edit.hasFocus():
            edit.set_date(value)


class CheckBinding(FieldBinding):
    def __init__(
        self,
        document: WorkbookDocument,
        widget: QCheckBox,
        locate: Locator,
        field: str,
        change: Change,
        label: str,
    ) -> None:
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

    def number(
        self, widget: QLineEdit, locate: Locator, field: str, change: Change, label: str
    ) -> FieldBinding:
        return self.add(NumberBinding(self.document, widget, locate, field, change, label))

    def date(
        self, widget: DateField, locate: Locator, field: str, change: Change, label: str
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
