"""Undoable edits. Each command's redo()/undo() change the workbook, then tell the document
what changed. Commands find their target through a locator (workbook → object) rather
than holding the object, so they stay right after other commands replaced lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from planning.model import Workbook
from ui.document import Change, WorkbookDocument

Locator = Callable[[Workbook], Any]

_SET_VALUE_ID = 1001


class SetValue(QUndoCommand):
    """Set one field of one object. Consecutive typing in the same field merges into one
    undo step when `merge` is true (the key identifies the field: e.g. ("mission", "text"))."""

    def __init__(
        self,
        document: WorkbookDocument,
        locate: Locator,
        field: str,
        value: Any,
        change: Change,
        text: str,
        *,
        merge_key: tuple | None = None,
    ) -> None:
        super().__init__(text)
        self._document = document
        self._locate = locate
        self._field = field
        self._new = value
        self._old = getattr(locate(document.workbook), field)
        self._change = change
        self._merge_key = merge_key

    def id(self) -> int:
        return _SET_VALUE_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValue) or other._merge_key != self._merge_key:
            return False
        self._new = other._new
        return True

    def _apply(self, value: Any) -> None:
        setattr(self._locate(self._document.workbook), self._field, value)
        self._document.notify(self._change)

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)


class EditWorkbook(QUndoCommand):
    """A structural edit (add, remove, reorder, cascade) as a function of the workbook.

    The top-level fields it touches are copied before and after, so undo and redo restore
    them exactly, cascades included. Name only the fields the edit changes: copying is
    what it costs.
    """

    def __init__(
        self,
        document: WorkbookDocument,
        text: str,
        change: Change,
        fields: tuple[str, ...],
        mutate: Callable[[Workbook], None],
    ) -> None:
        super().__init__(text)
        self._document = document
        self._change = change
        self._fields = fields
        self._mutate: Callable[[Workbook], None] | None = mutate
        self._before = self._copy()
        self._after: dict[str, Any] | None = None

    def _copy(self) -> dict[str, Any]:
        wb = self._document.workbook
        return {name: _deep(getattr(wb, name)) for name in self._fields}

    def _restore(self, values: dict[str, Any]) -> None:
        wb = self._document.workbook
        for name, value in values.items():
            setattr(wb, name, _deep(value))
        self._document.notify(self._change)

    def redo(self) -> None:
        if self._after is None and self._mutate is not None:
            self._mutate(self._document.workbook)
            self._mutate = None
            self._after = self._copy()
            self._document.notify(self._change)
        elif self._after is not None:
            self._restore(self._after)

    def undo(self) -> None:
        self._restore(self._before)


def _deep(value: Any) -> Any:
    if hasattr(value, "model_copy"):
        return value.model_copy(deep=True)
    if isinstance(value, list):
        return [_deep(v) for v in value]
    return value


def insert_item(
    document: WorkbookDocument, field: str, index: int, item: Any, change: Change, text: str
) -> None:
    def mutate(wb: Workbook) -> None:
        items = getattr(wb, field)
        items.insert(max(0, min(index, len(items))), item)

    document.push(EditWorkbook(document, text, change, (field,), mutate))


def remove_items(
    document: WorkbookDocument, field: str, ids: set[str], change: Change, text: str
) -> None:
    """Remove entities by id from a top-level list, with the links that point at them."""

    def mutate(wb: Workbook) -> None:
        setattr(wb, field, [x for x in getattr(wb, field) if x.id not in ids])
        if field in ("objectives", "strategy"):
            wb.alignment = [
                a for a in wb.alignment if a.objective_id not in ids and a.strategic_id not in ids
            ]
        if field == "objectives":
            for s in wb.office_strategy:
                s.objective_ids = [i for i in s.objective_ids if i not in ids]
        if field == "constituents":
            for o in wb.objectives:
                o.constituent_ids = [i for i in o.constituent_ids if i not in ids]

    cascade = {
        "objectives": (field, "alignment", "office_strategy"),
        "strategy": (field, "alignment"),
        "constituents": (field, "objectives"),
    }.get(field, (field,))
    extra = Change.ALIGNMENT if field in ("objectives", "strategy") else Change.NONE
    if field == "constituents":
        extra = Change.OBJECTIVES
    document.push(EditWorkbook(document, text, change | extra, cascade, mutate))


def move_item(
    document: WorkbookDocument, field: str, source: int, destination: int, change: Change, text: str
) -> None:
    def mutate(wb: Workbook) -> None:
        items = getattr(wb, field)
        item = items.pop(source)
        items.insert(max(0, min(destination, len(items))), item)

    document.push(EditWorkbook(document, text, change, (field,), mutate))
