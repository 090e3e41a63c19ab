"""Typing dates in front of a room (issue 10, item 1), through real key events only: in form
fields and table cells, "Not set" and the calendar, Delete to clear."""

from __future__ import annotations

from datetime import date

import pytest
from keyboard_support import document, open_editor, shown, tab_into, type_keys
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication
from test_pages_support import release

from planning.model import new_workbook
from ui.document import WorkbookDocument
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
__all__ = ["document"]  # the fixture, shared


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
