"""Typing in front of a room (issue 10, items 1–4), through real key events only: dates typed
in fields and table cells, arrows that never change a value, Add that opens the right cell
and Tab that walks the editable cells, and the objective's SMART check following each edit.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from test_pages_support import open_page, release

from planning.model import new_workbook
from ui.document import WorkbookDocument
from ui.pages.health import HealthPage
from ui.pages.objectives import ObjectivesPage
from ui.pages.setup import SetupPage
from ui.pages.signoff import SignoffPage
from ui.widgets.date_field import DateField, parse_date

# The offscreen platform logs these for any top-level widget, tool tip and pop-up.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing",
)


@pytest.fixture
def document(qapp):
    doc = WorkbookDocument(new_workbook())
    yield doc
    release(doc)


def shown(qtbot, page_class, document):
    page = open_page(qtbot, page_class, document)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def tab_into(qtbot, before, field) -> None:
    """Focus `before`, press Tab until `field` has the focus (as a user does)."""
    before.setFocus()
    for _ in range(12):
        if field.hasFocus():
            return
        focused = QApplication.focusWidget()
        assert focused is not None, (QApplication.activeWindow(), before.window().isActiveWindow())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert field.hasFocus(), f"Tab never reached {field}"


def type_keys(qtbot, text: str) -> None:
    """Each key to whichever widget has the focus then, as a keyboard does: the first key on
    a table cell opens its editor, the rest go into that editor."""
    for char in text:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClicks(focused, char)


def open_editor(view):
    found = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    found += [e for e in view.viewport().findChildren(QComboBox) if e.isVisible()]
    return found[0] if len(found) == 1 else None


# --- 1. dates ------------------------------------------------------------------------------


def test_parse_accepts_iso_compact_and_the_locale_short_format():
    assert parse_date("2027-03-15") == (True, date(2027, 3, 15))
    assert parse_date(" 2027/3/5 ") == (True, date(2027, 3, 5))
    assert parse_date("20270315") == (True, date(2027, 3, 15))
    assert parse_date("") == (True, None)
    assert parse_date("Not set0270101") == (False, None)
    assert parse_date("2027-02-30") == (False, None)
    short = QLocale.system().toString(QDate(2027, 3, 15), QLocale.FormatType.ShortFormat)
    assert parse_date(short) == (True, date(2027, 3, 15))
    uk = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert parse_date("15/03/2027", uk) == (True, date(2027, 3, 15))
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert parse_date("3/15/27", us) == (True, date(2027, 3, 15))


def test_typing_a_date_in_an_unset_field_keeps_it_on_tab(document, qtbot):
    page = shown(qtbot, SetupPage, document)
    tab_into(qtbot, page.year_label, page.year_start)
    assert page.year_start.text() == "" and page.year_start.placeholderText() == "Not set"
    qtbot.keyClicks(page.year_start, "2027-01-01")
    qtbot.keyClick(page.year_start, Qt.Key.Key_Tab)
    assert document.workbook.setup.fiscal_year.start == date(2027, 1, 1)
    assert page.year_start.text() == "2027-01-01"
    assert page.year_end.hasFocus()
    # The system's short format, confirmed with Return.
    short = QLocale.system().toString(QDate(2027, 12, 31), QLocale.FormatType.ShortFormat)
    qtbot.keyClicks(page.year_end, short)
    qtbot.keyClick(page.year_end, Qt.Key.Key_Return)
    assert document.workbook.setup.fiscal_year.end == date(2027, 12, 31)
    assert page.year_end.text() == "2027-12-31"


def test_typing_over_a_set_date_replaces_it_whole(document, qtbot):
    page = shown(qtbot, SetupPage, document)
    tab_into(qtbot, page.year_label, page.year_start)
    qtbot.keyClicks(page.year_start, "2027-09-10")
    qtbot.keyClick(page.year_start, Qt.Key.Key_Return)
    tab_into(qtbot, page.year_label, page.year_start)  # Tab selects the whole date
    qtbot.keyClicks(page.year_start, "2027-10-15")
    qtbot.keyClick(page.year_start, Qt.Key.Key_Tab)
    assert document.workbook.setup.fiscal_year.start == date(2027, 10, 15)
    assert document.undo_stack.count() == 2, "one undo step per date confirmed"


def test_a_date_not_understood_keeps_the_last_one(document, qtbot):
    page = shown(qtbot, SetupPage, document)
    tab_into(qtbot, page.year_label, page.year_start)
    qtbot.keyClicks(page.year_start, "2027-01-01")
    qtbot.keyClick(page.year_start, Qt.Key.Key_Return)
    page.year_start.selectAll()
    qtbot.keyClicks(page.year_start, "soon")
    qtbot.keyClick(page.year_start, Qt.Key.Key_Return)
    assert document.workbook.setup.fiscal_year.start == date(2027, 1, 1)
    assert page.year_start.text() == "2027-01-01"


def test_delete_clears_a_date_and_undo_brings_it_back(document, qtbot):
    page = shown(qtbot, SetupPage, document)
    tab_into(qtbot, page.year_label, page.year_start)
    qtbot.keyClicks(page.year_start, "2027-01-01")
    qtbot.keyClick(page.year_start, Qt.Key.Key_Return)
    tab_into(qtbot, page.year_label, page.year_start)
    qtbot.keyClick(page.year_start, Qt.Key.Key_Delete)
    assert document.workbook.setup.fiscal_year.start is None
    assert page.year_start.text() == ""
    document.undo_stack.undo()
    assert document.workbook.setup.fiscal_year.start == date(2027, 1, 1)
    assert page.year_start.text() == "2027-01-01"


def test_an_unset_dates_calendar_opens_inside_the_fiscal_year(document, qtbot):
    page = shown(qtbot, SetupPage, document)
    tab_into(qtbot, page.year_label, page.year_start)
    qtbot.keyClicks(page.year_start, "2031-04-01")
    qtbot.keyClick(page.year_start, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.year_end, "2032-03-31")
    qtbot.keyClick(page.year_end, Qt.Key.Key_Return)
    page.review_start.setFocus()
    qtbot.keyClick(page.review_start, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = page.review_start.calendar_popup()
    assert calendar is not None and calendar.isVisible()
    assert (calendar.yearShown(), calendar.monthShown()) == (2031, 4)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert document.workbook.setup.review_start == date(2031, 4, 2)
    # Without a fiscal year, today's month.
    fresh = WorkbookDocument(new_workbook())
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    field.open_calendar()
    calendar = field.calendar_popup()
    assert calendar is not None
    assert (calendar.yearShown(), calendar.monthShown()) == (date.today().year, date.today().month)
    release(fresh)


def test_objective_due_cell_takes_a_typed_date_and_delete_clears_it(document, qtbot):
    page = shown(qtbot, ObjectivesPage, document)
    table = page.table
    qtbot.mouseClick(table.empty_add, Qt.MouseButton.LeftButton)
    qtbot.keyClick(open_editor(table.view), Qt.Key.Key_Escape)
    model = table.model
    due = model.column_of("due")
    table.view.setCurrentIndex(model.index(0, due))
    table.view.setFocus()
    type_keys(qtbot, "2027-03-15")  # the first key opens the editor
    editor = open_editor(table.view)
    assert isinstance(editor, DateField) and editor.text() == "2027-03-15"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    QApplication.processEvents()
    objective = document.workbook.objectives[0]
    assert objective.due == date(2027, 3, 15)
    assert model.index(0, due).data() == "2027-03-15"
    # The editor is now on the next cell (Owner); Escape leaves it, Delete on Due clears.
    qtbot.keyClick(open_editor(table.view), Qt.Key.Key_Escape)
    table.view.setCurrentIndex(model.index(0, due))
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert document.workbook.objectives[0].due is None
    document.undo_stack.undo()
    assert document.workbook.objectives[0].due == date(2027, 3, 15)


def test_approval_date_is_typed_in_its_cell(document, qtbot):
    page = shown(qtbot, SignoffPage, document)
    approvals = page.approvals
    qtbot.mouseClick(approvals.empty_add, Qt.MouseButton.LeftButton)
    editor = open_editor(approvals.view)
    qtbot.keyClicks(editor, "Dana Reyes")
    for _ in range(3):  # Approver → Role → Decision → Decided on
        qtbot.keyClick(open_editor(approvals.view), Qt.Key.Key_Tab)
    editor = open_editor(approvals.view)
    assert isinstance(editor, DateField)
    qtbot.keyClicks(editor, "2027-02-01")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    approval = document.workbook.approvals[0]
    assert approval.name == "Dana Reyes" and approval.decided_on == date(2027, 2, 1)


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


def test_delete_in_an_open_date_cell_clears_it(document, qtbot):
    page = shown(qtbot, ObjectivesPage, document)
    table = page.table
    qtbot.mouseClick(table.empty_add, Qt.MouseButton.LeftButton)
    qtbot.keyClick(open_editor(table.view), Qt.Key.Key_Escape)
    model = table.model
    table.view.setCurrentIndex(model.index(0, model.column_of("due")))
    type_keys(qtbot, "2027-03-15")
    qtbot.keyClick(open_editor(table.view), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert document.workbook.objectives[0].due == date(2027, 3, 15)
    qtbot.keyClick(table.view, Qt.Key.Key_F2)  # the date opens selected
    qtbot.keyClick(open_editor(table.view), Qt.Key.Key_Delete)
    QApplication.processEvents()
    assert document.workbook.objectives[0].due is None
    document.undo_stack.undo()
    assert document.workbook.objectives[0].due == date(2027, 3, 15)


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
    index = model.index(0, model.column_of("owner"))
    table.view.setCurrentIndex(index)
    table.view.setFocus()
    QApplication.processEvents()
    rect = table.view.visualRect(index)
    image = table.view.viewport().grab().toImage()
    frame = table.view.palette().color(QPalette.ColorRole.HighlightedText)  # on a selected row
    edge = image.pixelColor(rect.left() + 2, rect.center().y())
    inside = image.pixelColor(rect.center())
    assert edge == frame != inside, "the current cell, not just its row, is marked"
    other = table.view.visualRect(model.index(0, model.column_of("title")))
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
