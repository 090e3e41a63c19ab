"""Helpers (no tests here) for driving the walk's pages the way a user does: typing into
fields and table cells, choosing from drop-downs, clicking buttons. Shared by the page
and walk tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from ui.document import WorkbookDocument
from ui.widgets.date_field import DateField
from ui.widgets.list_editor import ListEditor


def open_page(qtbot, page_class, document: WorkbookDocument):
    """A page as the main window holds it: shown, refreshed on every change."""
    page = page_class(document)
    qtbot.addWidget(page)
    document.changed.connect(page.refresh)
    page.resize(1200, 800)
    page.show()
    return page


def release(document: WorkbookDocument) -> None:
    """Drop the document's undo history so its commands let go of pages' objects."""
    document.undo_stack.clear()


def type_into(qtbot, edit, text: str, *, replace: bool = True) -> None:
    edit.setFocus()
    if replace:
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
    if isinstance(edit, QLineEdit):
        edit.editingFinished.emit()


def choose(combo: QComboBox, label: str) -> None:
    """Picks an entry the way a click in the drop-down does (activated is user-only)."""
    index = combo.findText(label)
    assert index >= 0, f"{label!r} not among {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def set_date(edit: DateField, year: int, month: int, day: int) -> None:
    """Types the date over the field's text (as Tab into it selects it) and presses Return."""
    from pytestqt.qtbot import QtBot

    edit.setFocus()
    edit.selectAll()
    QtBot.keyClicks(edit, f"{year:04d}-{month:02d}-{day:02d}")
    QtBot.keyClick(edit, Qt.Key.Key_Return)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def add_row(qtbot, editor: ListEditor, text: str) -> str:
    """Clicks Add (the first text cell opens for typing), types `text`, presses Return."""
    rows = editor.model.rowCount()
    button = editor.add_button if rows else editor.empty_add
    click(qtbot, button)
    assert editor.model.rowCount() == rows + 1
    cell_editor = open_cell_editor(editor)
    assert cell_editor is not None, "the new row's first cell did not open for typing"
    qtbot.keyClicks(cell_editor, text)
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the cell in a queued call
    entity_id = editor.current_id()
    assert entity_id is not None
    return entity_id


def open_cell_editor(editor: ListEditor) -> QLineEdit | None:
    """The cell editor open now (closed ones linger hidden until deleted)."""
    found = [e for e in editor.view.viewport().findChildren(QLineEdit) if e.isVisible()]
    return found[0] if len(found) == 1 else None


def type_cell(qtbot, editor: ListEditor, entity_id: str, field: str, text: str) -> None:
    """Opens a text cell's editor as a double click would, types, presses Return."""
    model = editor.model
    index = model.index(model.row_of(entity_id), model.column_of(field))
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    cell_editor = open_cell_editor(editor)
    assert cell_editor is not None
    cell_editor.selectAll()
    qtbot.keyClicks(cell_editor, text)
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the cell in a queued call


def set_cell(
    editor: ListEditor, entity_id: str, field: str, value, role=Qt.ItemDataRole.EditRole
) -> None:
    """What a delegate's setModelData does with the value its editor holds."""
    model = editor.model
    assert model.setData(model.index(model.row_of(entity_id), model.column_of(field)), value, role)


def cell_text(editor: ListEditor, entity_id: str, field: str) -> str:
    model = editor.model
    return model.index(model.row_of(entity_id), model.column_of(field)).data()
