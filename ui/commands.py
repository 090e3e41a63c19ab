"""Undoable edits. Each command's redo()/undo() change the workbook, then tell the document
what changed. Commands find their target through a locator (workbook → object) rather
than holding the object, so they stay right after other commands replaced lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from planning import edits
from planning.enums import Strength
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


class DomainEdit(QUndoCommand):
    """An edit made by a planning function that returns what its undo needs (see
    planning/edits.py): redo runs `apply` afresh each time, undo hands its last result to
    `revert`. Unlike EditWorkbook it copies nothing."""

    def __init__(
        self,
        document: WorkbookDocument,
        text: str,
        change: Change,
        apply: Callable[[Workbook], Any],
        revert: Callable[[Workbook, Any], None],
    ) -> None:
        super().__init__(text)
        self._document = document
        self._change = change
        self._apply = apply
        self._revert = revert
        self._undo: Any = None

    def redo(self) -> None:
        self._undo = self._apply(self._document.workbook)
        self._document.notify(self._change)

    def undo(self) -> None:
        self._revert(self._document.workbook, self._undo)
        self._document.notify(self._change)


# What each cascading list's removal touches besides the list itself.
_REMOVALS: dict[str, tuple[Callable[[Workbook, set[str]], edits.Removal], Change]] = {
    "objectives": (edits.remove_objectives, Change.ALIGNMENT | Change.OFFICE_STRATEGY),
    "strategy": (edits.remove_strategic_objectives, Change.ALIGNMENT),
    "constituents": (edits.remove_constituents, Change.OBJECTIVES),
}
CASCADING = frozenset(_REMOVALS)
"""Top-level lists whose entities other entities link to: remove_items cascades for them."""


def remove_items(
    document: WorkbookDocument, field: str, ids: set[str], change: Change, text: str
) -> None:
    """Remove entities by id from a top-level list, with the links that point at them."""
    ids = set(ids)
    if field in _REMOVALS:
        remove, extra = _REMOVALS[field]
        document.push(
            DomainEdit(document, text, change | extra, lambda wb: remove(wb, ids), edits.restore)
        )
        return
    remove_rows(document, lambda wb: getattr(wb, field), ids, change, text)


Rows = Callable[[Workbook], list[Any]]
"""Finds a list of entities in the workbook (e.g. `lambda wb: wb.setup.participants`)."""


def insert_row(
    document: WorkbookDocument,
    rows: Rows,
    entity: Any,
    change: Change,
    text: str,
    *,
    before: str | None = None,
    after: str | None = None,
) -> None:
    """Insert a new entity before `before`, else after `after`, else at the end."""
    # Each redo inserts a fresh copy of the entity as it was given: the object an undone
    # EditWorkbook left behind may carry that command's changes.
    pristine = entity.model_copy(deep=True)

    def apply(wb: Workbook) -> None:
        edits.insert_row(rows(wb), pristine.model_copy(deep=True), before=before, after=after)

    def revert(wb: Workbook, _: None) -> None:
        edits.remove_rows(rows(wb), {pristine.id})

    document.push(DomainEdit(document, text, change, apply, revert))


def remove_rows(
    document: WorkbookDocument, rows: Rows, ids: set[str], change: Change, text: str
) -> None:
    """Remove entities nothing links to; undo puts them back where they were."""
    ids = set(ids)
    document.push(
        DomainEdit(
            document,
            text,
            change,
            lambda wb: edits.remove_rows(rows(wb), ids),
            lambda wb, taken: edits.put_back(rows(wb), taken),
        )
    )


def swap_rows(
    document: WorkbookDocument, rows: Rows, first: str, second: str, change: Change, text: str
) -> None:
    """Swap two entities of a list (a move up or down); undo swaps them back."""

    def swap(wb: Workbook, _: Any = None) -> None:
        edits.swap_rows(rows(wb), first, second)

    document.push(DomainEdit(document, text, change, swap, swap))


def set_alignment_strength(
    document: WorkbookDocument, objective_id: str, strategic_id: str, strength: Strength | None
) -> None:
    """One undoable edit of one alignment cell: add, change or remove the link."""
    text = f"Set alignment to {strength.label.lower()}" if strength else "Remove alignment"
    document.push(
        DomainEdit(
            document,
            text,
            Change.ALIGNMENT,
            lambda wb: edits.set_alignment_strength(wb, objective_id, strategic_id, strength),
            edits.undo_alignment_strength,
        )
    )
