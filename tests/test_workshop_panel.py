"""The workshop aids: the parking lot and the decision log in their dock (the agenda, their
third tab, has tests/test_workshop_agenda.py). Rows are added with the panel's buttons, cells
typed the way the table's delegate writes them, every edit undone and redone through the
document's one undo stack; the dock is shown from the View menu, hidden without a workbook,
and remembered across restarts."""

from __future__ import annotations

from datetime import date

import app_support
import pytest
from conftest import LATER_SAMPLE
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from planning.fileformat import load_workbook
from planning.model import new_workbook
from ui.document import WorkbookDocument
from ui.workshop_panel import (
    AGENDA_EMPTY,
    DECISION_LOG_EMPTY,
    PARKING_LOT_EMPTY,
    WorkshopPanel,
    decision_log_model,
    parking_lot_model,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
window = app_support.window
scripted = app_support.scripted

EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole
CHECK = Qt.ItemDataRole.CheckStateRole
TOPIC = "Who owns benefits tracking after go-live?"


@pytest.fixture
def empty_document(qapp):
    return WorkbookDocument(new_workbook("Acme", "FY2027"))


@pytest.fixture
def panel(qtbot, empty_document):
    widget = WorkshopPanel(empty_document)
    qtbot.addWidget(widget)
    widget.resize(1000, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show_tab(panel, editor) -> None:
    """Click the dock's tab holding `editor`, as the facilitator would."""
    tabs = panel.tabs
    index = next(
        i
        for i in range(tabs.count())
        if tabs.widget(i) is editor or tabs.widget(i).isAncestorOf(editor)
    )
    tab_bar = tabs.tabBar()
    QTest.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def _cells(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c), DISPLAY) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


# --- the models --------------------------------------------------------------------------


@pytest.mark.parametrize("factory", [parking_lot_model, decision_log_model])
def test_models_pass_the_model_tester_full_empty_and_after_edits(qtmodeltester, qapp, factory):
    later = WorkbookDocument(load_workbook(LATER_SAMPLE))
    model = factory(later)
    assert model.rowCount() == 1
    qtmodeltester.check(model, force_py=True)
    new_id = model.insert_row(0)
    model.move_row(0, 1)
    assert model.row_of(new_id) == 1
    model.remove_ids({new_id})
    later.undo_stack.undo()
    assert model.row_of(new_id) == 1
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(factory(WorkbookDocument(new_workbook("Acme", "FY2027"))), force_py=True)


def test_sample_rows_read_as_the_leader_wrote_them(qapp):
    later = WorkbookDocument(load_workbook(LATER_SAMPLE))
    parked = parking_lot_model(later)
    assert [parked.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Topic",
        "Raised by",
        "Resolved",
    ]
    assert _cells(parked) == [
        ["Should the office own benefits tracking after go-live?", "Ingrid Berg", ""]
    ]
    assert parked.data(parked.index(0, 2), CHECK) == Qt.CheckState.Unchecked
    decisions = decision_log_model(later)
    assert [decisions.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Decision",
        "Made by",
        "Date",
    ]
    assert _cells(decisions) == [
        [
            "The office becomes a portfolio management office from January.",
            "Hana Sato",
            "2026-11-24",
        ]
    ]


# --- the panel ---------------------------------------------------------------------------


def test_empty_lists_say_what_to_write_down(panel):
    assert [panel.tabs.tabText(i) for i in range(3)] == ["Agenda", "Parking lot", "Decisions"]
    for editor, text in (
        (panel.agenda, AGENDA_EMPTY),
        (panel.parking_lot, PARKING_LOT_EMPTY),
        (panel.decisions, DECISION_LOG_EMPTY),
    ):
        show_tab(panel, editor)
        assert editor.stack.currentIndex() == 0
        assert editor.empty_label.text() == text
        assert editor.empty_label.isVisible()
        assert not editor.view.isVisible()
        assert not editor.remove_button.isEnabled()


def test_park_a_topic_type_it_tick_it_and_undo_each_step(panel, qtbot, empty_document):
    document, workbook = empty_document, empty_document.workbook
    editor = panel.parking_lot
    model = editor.model
    show_tab(panel, editor)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert len(workbook.parking_lot) == 1
    assert editor.view.isVisible() and not editor.empty_label.isVisible()

    # Add opened the topic cell's editor: type into it and press Enter, as a user would.
    line = editor.view.findChild(QLineEdit)
    assert line is not None and line.isVisible()
    qtbot.keyClicks(line, TOPIC)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # The delegate commits on Return through a queued call.
    qtbot.waitUntil(lambda: workbook.parking_lot[0].topic == TOPIC, timeout=2000)
    assert editor.view.state() != editor.view.State.EditingState

    assert model.setData(model.index(0, 1), "Ingrid Berg", EDIT)
    assert model.setData(model.index(0, 2), Qt.CheckState.Checked.value, CHECK)
    assert workbook.parking_lot[0].resolved is True
    assert _cells(model) == [[TOPIC, "Ingrid Berg", ""]]
    assert model.data(model.index(0, 2), CHECK) == Qt.CheckState.Checked
    assert document.undo_stack.undoText() == "Edit parked topic resolved"

    stack = document.undo_stack
    stack.undo()
    assert model.data(model.index(0, 2), CHECK) == Qt.CheckState.Unchecked
    stack.undo()
    assert _cells(model) == [[TOPIC, "", ""]]
    stack.undo()
    assert _cells(model) == [["", "", ""]]
    stack.undo()
    assert workbook.parking_lot == [] and model.rowCount() == 0
    assert editor.empty_label.isVisible()
    for _ in range(4):
        stack.redo()
    assert _cells(model) == [[TOPIC, "Ingrid Berg", ""]]
    assert workbook.parking_lot[0].resolved is True


def test_space_on_the_resolved_cell_toggles_it(panel, qtbot, empty_document):
    editor = panel.parking_lot
    editor.model.insert_row()
    editor.select_row(0, column=2)
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Space)
    assert empty_document.workbook.parking_lot[0].resolved is True
    qtbot.keyClick(editor.view, Qt.Key.Key_Space)
    assert empty_document.workbook.parking_lot[0].resolved is False
    assert empty_document.undo_stack.count() == 3


def test_log_a_decision_with_its_date_then_remove_it(panel, qtbot, empty_document):
    document, workbook = empty_document, empty_document.workbook
    editor = panel.decisions
    model = editor.model
    show_tab(panel, editor)
    qtbot.mouseClick(editor.empty_add, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 1
    assert model.setData(model.index(0, 0), "Stage gates are retired.", EDIT)
    assert model.setData(model.index(0, 1), "Hana Sato", EDIT)
    assert model.setData(model.index(0, 2), QDate(2026, 11, 24), EDIT)
    assert workbook.decision_log[0].made_on == date(2026, 11, 24)
    assert _cells(model) == [["Stage gates are retired.", "Hana Sato", "2026-11-24"]]
    assert document.undo_stack.undoText() == "Edit decision date"

    editor.select_row(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert workbook.decision_log == [] and editor.empty_label.isVisible()
    document.undo_stack.undo()
    assert _cells(model) == [["Stage gates are retired.", "Hana Sato", "2026-11-24"]]
    document.undo_stack.undo()
    # A new decision is dated today: undoing the edit of its date goes back to today.
    assert workbook.decision_log[0].made_on == date.today()
    assert model.data(model.index(0, 2), DISPLAY) == date.today().isoformat()


def test_a_different_workbook_fills_the_panel(panel, empty_document):
    assert panel.parking_lot.model.rowCount() == 0
    empty_document.replace(load_workbook(LATER_SAMPLE), LATER_SAMPLE)
    assert _cells(panel.parking_lot.model)[0][0] == (
        "Should the office own benefits tracking after go-live?"
    )
    assert panel.decisions.model.rowCount() == 1
    for editor in (panel.agenda, panel.parking_lot, panel.decisions):
        show_tab(panel, editor)
        assert editor.view.isVisible()
    assert panel.total_label.text() == "Total: 4 h 00 min"
    assert [panel.tabs.tabText(i) for i in range(3)] == [
        "Agenda (14 slots)",
        "Parking lot (1 open)",
        "Decisions (1)",
    ]
    empty_document.replace(new_workbook("Other", "FY2028"), None)
    for editor in (panel.agenda, panel.parking_lot, panel.decisions):
        show_tab(panel, editor)
        assert editor.empty_label.isVisible()
    assert panel.total_label.text() == "Total: 0 min"
    assert [panel.tabs.tabText(i) for i in range(3)] == ["Agenda", "Parking lot", "Decisions"]


def test_read_only_workbook_cannot_be_edited_from_the_panel(panel, qtbot, empty_document):
    empty_document.replace(load_workbook(LATER_SAMPLE), LATER_SAMPLE)
    empty_document.read_only = True
    editor = panel.parking_lot
    show_tab(panel, editor)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.model.rowCount() == 1
    assert not editor.model.setData(editor.model.index(0, 2), Qt.CheckState.Checked, CHECK)
    assert empty_document.undo_stack.count() == 0


# --- the dock in the main window ---------------------------------------------------------


@pytest.fixture
def opened(window, tmp_path):
    path = tmp_path / "northwind.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    assert window.files.open(path)
    return window


def test_dock_is_hidden_until_asked_for_and_hidden_without_a_workbook(window, tmp_path):
    dock = window.workshop_dock
    action = window.named_actions["workshop_panel"]
    assert dock.objectName() == "workshopDock"
    assert dock.windowTitle() == "Workshop: agenda, parking lot and decisions"
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert action.text() == "&Agenda, Parking Lot and Decisions"
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    assert action.isCheckable() and not action.isChecked()
    view_menu = next(m.menu() for m in window.menuBar().actions() if m.text() == "&View")
    names = [a.objectName() for a in view_menu.actions()]
    assert names.index("action_workshop_panel") == names.index("action_findings") + 1

    action.trigger()  # no workbook yet: checked, but nothing to show
    assert action.isChecked() and not dock.isVisible()
    path = tmp_path / "northwind.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    assert window.files.open(path)
    assert dock.isVisible()
    assert dock.panel.decisions.model.rowCount() == 1
    window.files.close()
    assert window.screens.currentWidget() is window.welcome
    assert not dock.isVisible()


def test_edits_in_the_dock_go_through_the_window_undo(opened, qtbot):
    opened.named_actions["workshop_panel"].trigger()
    panel = opened.workshop_dock.panel
    show_tab(panel, panel.decisions)
    qtbot.mouseClick(panel.decisions.add_button, Qt.MouseButton.LeftButton)
    model = panel.decisions.model
    assert model.rowCount() == 2
    model.setData(model.index(1, 0), "Keep the quarterly review.", EDIT)
    assert opened.isWindowModified()
    assert opened.named_actions["undo"].text() == "&Undo Edit decision decision"
    opened.named_actions["undo"].trigger()
    opened.named_actions["undo"].trigger()
    assert model.rowCount() == 1 and not opened.isWindowModified()
    opened.named_actions["redo"].trigger()
    opened.named_actions["redo"].trigger()
    assert opened.document.workbook.decision_log[1].decision == "Keep the quarterly review."


def test_tab_titles_count_what_each_list_holds(opened, qtbot):
    opened.set_workshop_panel_visible(True)
    panel = opened.workshop_dock.panel
    titles = lambda: [panel.tabs.tabText(i) for i in range(3)]  # noqa: E731
    assert titles() == ["Agenda (14 slots)", "Parking lot (1 open)", "Decisions (1)"]
    show_tab(panel, panel.parking_lot)
    model = panel.parking_lot.model
    assert model.setData(model.index(0, 2), Qt.CheckState.Checked, CHECK)
    assert titles()[1] == "Parking lot (0 open)"
    opened.named_actions["undo"].trigger()
    assert titles()[1] == "Parking lot (1 open)"


def test_dock_is_remembered_across_restarts(scripted, qtbot, tmp_path):
    from ui.main_window import MainWindow
    from ui.settings import Settings

    path = tmp_path / "review.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    first = MainWindow()
    first.show()
    try:
        first.files.open(path)
        assert not first.workshop_dock.isVisible()
        first.named_actions["workshop_panel"].trigger()
        assert first.workshop_dock.isVisible()
    finally:
        first.close()
        first.deleteLater()
    assert Settings().workshop_panel() is True
    second = MainWindow()
    second.show()
    try:
        assert second.named_actions["workshop_panel"].isChecked()
        assert not second.workshop_dock.isVisible()  # the welcome screen first
        second.files.open(path)
        assert second.workshop_dock.isVisible()
        # Workshop mode keeps it: it is a workshop aid.
        second.set_workshop_mode(True, remember=False)
        assert second.workshop_dock.isVisible()
        second.set_workshop_mode(False, remember=False)
        second.named_actions["workshop_panel"].trigger()
        assert not second.workshop_dock.isVisible()
    finally:
        second.close()
        second.deleteLater()
    assert Settings().workshop_panel() is False
