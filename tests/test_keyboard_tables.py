"""Moving and adding in tables in front of a room (issue 10, items 2–4 and 8), through real
key events only: arrows that never change a value, Add that opens the first editable cell
and Tab that walks the editable ones, the objective's SMART check following each edit, the
focus ring and the current cell's frame."""

from __future__ import annotations

import pytest
from keyboard_support import document, open_editor, shown, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from ui.pages.health import HealthPage
from ui.pages.objectives import ObjectivesPage
from ui.pages.signoff import SignoffPage

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing",
)
__all__ = ["document"]  # the fixture, shared


# --- 2. arrows never change data -----------------------------------------------------------


def test_arrows_tab_and_page_keys_move_through_the_health_table_without_editing(document, qtbot):
    page = shown(qtbot, HealthPage, document)
    view = page.view
    page.focus_first_input()
    assert view.hasFocus() and view.currentIndex().column() == 2
    for key in (
        (Qt.Key.Key_Down,) * 8
        + (Qt.Key.Key_Up,) * 3
        + (
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_Right,
            Qt.Key.Key_Left,
        )
    ):
        qtbot.keyClick(view, key)
        assert open_editor(view) is None, f"{key} opened an editor"
    assert document.undo_stack.count() == 0
    assert all(r.score is None for r in document.workbook.health)
    # An explicit edit: typing the rating's digit, then Return.
    view.setCurrentIndex(page.model.index(1, 2))
    qtbot.keyClicks(view, "4")
    qtbot.keyClick(open_editor(view), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert [r.score for r in document.workbook.health][:3] == [None, 4, None]
    # F2 opens the drop-down on the current cell; Down inside it chooses, Return keeps.
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    combo = open_editor(view)
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert [r.score for r in document.workbook.health][:3] == [None, 4, 1]
    # Return opens the current cell too; Escape leaves it unchanged.
    qtbot.keyClick(view, Qt.Key.Key_Return)
    combo = open_editor(view)
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert [r.score for r in document.workbook.health][:3] == [None, 4, 1]


# --- 3. Add opens the first editable cell; Tab moves to the next -----------------------------


def test_add_objective_code_tab_title_keeps_both(document, qtbot):
    page = shown(qtbot, ObjectivesPage, document)
    table = page.table
    qtbot.mouseClick(table.empty_add, Qt.MouseButton.LeftButton)
    for code, title in (("PF-1", "Faster decisions"), ("PF-2", "Fewer late projects")):
        if code == "PF-2":
            table.view.setFocus()
            qtbot.keyClick(table.view, Qt.Key.Key_Insert)
        editor = open_editor(table.view)
        assert editor is not None
        current = table.view.currentIndex()
        assert table.model.column(current.column()).field == "code", "editor and cell agree"
        qtbot.keyClicks(editor, code)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        editor = open_editor(table.view)
        assert table.model.column(table.view.currentIndex().column()).field == "title"
        qtbot.keyClicks(editor, title)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()
    assert [(o.code, o.title) for o in document.workbook.objectives] == [
        ("PF-1", "Faster decisions"),
        ("PF-2", "Fewer late projects"),
    ]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_return_on_a_focused_add_button_adds_a_row(document, qtbot, key):
    page = shown(qtbot, ObjectivesPage, document)
    table = page.table
    for button in (table.empty_add, table.add_button):  # the empty list's, then the bar's
        button.setFocus()
        qtbot.waitUntil(button.hasFocus)
        qtbot.keyClick(button, key)
        QApplication.processEvents()
        editor = open_editor(table.view)
        assert editor is not None, "the new row's first cell opens"
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert len(document.workbook.objectives) == 2


def test_tab_skips_read_only_cells_and_wraps_to_the_next_row(document, qtbot):
    page = shown(qtbot, ObjectivesPage, document)
    table = page.table
    qtbot.mouseClick(table.empty_add, Qt.MouseButton.LeftButton)
    qtbot.keyClick(open_editor(table.view), Qt.Key.Key_Escape)
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Insert)
    model = table.model
    last = max(c for c in range(model.columnCount()) if table.view.editable(model.index(0, c)))
    assert model.column(last).field == "status"
    # Shift+Tab from the second row's Code goes back to the first row's last column, not
    # to the read-only SMART mark.
    qtbot.keyClick(open_editor(table.view), Qt.Key.Key_Backtab)
    assert (table.view.currentIndex().row(), table.view.currentIndex().column()) == (0, last)
    assert document.workbook.objectives[0].code == ""


# --- 4. the SMART check follows the edit that caused it -----------------------------------


def test_smart_check_of_the_objective_follows_each_edit(document, qtbot):
    page = shown(qtbot, ObjectivesPage, document)
    table = page.table
    qtbot.mouseClick(table.empty_add, Qt.MouseButton.LeftButton)
    editor = open_editor(table.view)
    qtbot.keyClicks(editor, "PF-1")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClicks(open_editor(table.view), "Faster decisions")
    qtbot.keyClick(open_editor(table.view), Qt.Key.Key_Return)
    QApplication.processEvents()

    def shown_rules() -> set[str]:
        items = [page.objective_findings.item(i) for i in range(page.objective_findings.count())]
        return {f.rule for f in (i.data(Qt.ItemDataRole.UserRole) for i in items) if f}

    def page_rules() -> set[str]:
        objective = document.workbook.objectives[0]
        return {f.rule for f in document.findings_for(page.step) if f.entity_id == objective.id}

    assert shown_rules() == page_rules()
    model = table.model
    table.view.setCurrentIndex(model.index(0, model.column_of("owner")))
    before = shown_rules()
    type_keys(qtbot, "Ana Lima")
    qtbot.keyClick(open_editor(table.view), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert document.workbook.objectives[0].owner == "Ana Lima"
    assert shown_rules() == page_rules() != before


# --- 8. the focus a room can see -------------------------------------------------------------


def test_a_thick_ring_follows_the_keyboard_focus(qtbot):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from ui.widgets.focus_ring import RING, FocusRing

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    layout.setSpacing(3 * RING)
    ring = FocusRing(top)
    top.resize(300, 120)
    top.show()
    top.activateWindow()
    qtbot.waitUntil(top.isActiveWindow)
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert second.hasFocus() and ring.target is second and ring.isVisible()
    assert ring.geometry() == second.geometry().adjusted(-RING, -RING, RING, RING)
    image = top.grab().toImage()
    colour = top.palette().color(QPalette.ColorRole.Highlight)
    left = ring.geometry().left() + 1
    middle = ring.geometry().center().y()
    assert image.pixelColor(left, middle) == colour, "the ring is drawn beside the field"


def test_the_current_cell_of_a_focused_table_is_framed(document, qtbot):
    from PySide6.QtGui import QPalette

    page = shown(qtbot, ObjectivesPage, document)
    table = page.table
    qtbot.mouseClick(table.empty_add, Qt.MouseButton.LeftButton)
    qtbot.keyClick(open_editor(table.view), Qt.Key.Key_Escape)
    model = table.model
    index = model.index(0, model.column_of("title"))
    table.view.setCurrentIndex(index)
    table.view.scrollTo(index)
    table.view.setFocus()
    QApplication.processEvents()
    rect = table.view.visualRect(index)
    image = table.view.viewport().grab().toImage()
    frame = table.view.palette().color(QPalette.ColorRole.HighlightedText)  # on a selected row
    edge = image.pixelColor(rect.left() + 2, rect.center().y())
    inside = image.pixelColor(rect.center())
    assert edge == frame != inside, "the current cell, not just its row, is marked"
    other = table.view.visualRect(model.index(0, model.column_of("code")))
    assert image.pixelColor(other.left() + 2, other.center().y()) != frame


def test_space_on_a_choice_cell_opens_its_drop_down(document, qtbot):
    page = shown(qtbot, SignoffPage, document)
    approvals = page.approvals
    qtbot.mouseClick(approvals.empty_add, Qt.MouseButton.LeftButton)
    qtbot.keyClick(open_editor(approvals.view), Qt.Key.Key_Escape)
    model = approvals.model
    approvals.view.setCurrentIndex(model.index(0, model.column_of("decision")))
    qtbot.keyClick(approvals.view, Qt.Key.Key_Space)
    combo = open_editor(approvals.view)
    assert isinstance(combo, QComboBox) and combo.view().isVisible(), "the choices show"
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)  # picks "Approved"
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # keeps it
    QApplication.processEvents()
    assert document.workbook.approvals[0].decision.label == "Approved"
