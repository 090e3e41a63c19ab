"""The workshop's timed agenda: its tab in the workshop dock (slots added, typed, removed,
undone; the half-day agenda as one undo step, asked first when it would replace slots; the
total) and the agenda clock in the status bar, driven by a fake monotonic clock: the time
left, pause, over time in a warning colour, Next slot showing the slot's step, and hidden
while there is nothing to time."""

from __future__ import annotations

import app_support
import pytest
from conftest import FIRST_SAMPLE, LATER_SAMPLE
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit
from test_workshop_panel import show_tab

from planning.agenda import half_day_agenda
from planning.fileformat import load_workbook
from planning.model import new_workbook
from planning.steps import Step
from ui import dialogs
from ui.agenda_clock import OVER_ON_DARK, OVER_ON_LIGHT, AgendaClock
from ui.document import WorkbookDocument
from ui.workshop_panel import AGENDA_EMPTY, HALF_DAY, WorkshopPanel, agenda_model

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
window = app_support.window
scripted = app_support.scripted

EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class ReplaceAnswers:
    """Stands in for dialogs.ask_replace_agenda: answers from a queue, records the asks."""

    def __init__(self) -> None:
        self.answers: list[bool] = []
        self.asked: list[int] = []

    def __call__(self, _parent, slots: int) -> bool:
        self.asked.append(slots)
        if not self.answers:
            raise AssertionError(f"unexpected question: replace {slots} slots?")
        return self.answers.pop(0)


@pytest.fixture
def replace_answers(monkeypatch) -> ReplaceAnswers:
    fake = ReplaceAnswers()
    monkeypatch.setattr(dialogs, "ask_replace_agenda", fake)
    return fake


@pytest.fixture
def empty_document(qapp):
    return WorkbookDocument(new_workbook("Acme", "FY2027"))


@pytest.fixture
def panel(qtbot, empty_document, replace_answers):
    widget = WorkshopPanel(empty_document)
    qtbot.addWidget(widget)
    widget.resize(1000, 320)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _cells(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c), DISPLAY) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


# --- the agenda model --------------------------------------------------------------------


def test_agenda_model_passes_the_model_tester_full_empty_and_after_edits(qtmodeltester, qapp):
    later = WorkbookDocument(load_workbook(LATER_SAMPLE))
    model = agenda_model(later)
    assert model.rowCount() == 14
    qtmodeltester.check(model, force_py=True)
    new_id = model.insert_row(0)
    model.move_row(0, 1)
    assert model.row_of(new_id) == 1
    assert model.setData(model.index(1, 2), 25, EDIT)
    model.remove_ids({new_id})
    later.undo_stack.undo()
    assert model.row_of(new_id) == 1
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(
        agenda_model(WorkbookDocument(new_workbook("Acme", "FY2027"))), force_py=True
    )


def test_the_sample_agenda_reads_step_topic_and_minutes(qapp):
    model = agenda_model(WorkbookDocument(load_workbook(LATER_SAMPLE)))
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Step",
        "Topic",
        "Minutes",
    ]
    cells = _cells(model)
    assert cells[0] == ["1. Review setup", "Welcome: why we are here and who takes part", "10 min"]
    assert cells[5] == ["No step", "Break", "15 min"]
    assert cells[7] == ["7. Mission and vision", "Mission and vision: reaffirm or revise", "30 min"]
    assert model.data(model.index(7, 2), EDIT) == 30


def test_set_data_keeps_minutes_whole_and_in_range(qapp):
    document = WorkbookDocument(load_workbook(LATER_SAMPLE))
    model = agenda_model(document)
    agenda = document.workbook.agenda
    assert model.setData(model.index(0, 2), 44.6, EDIT)  # a spin box hands in floats
    assert agenda[0].minutes == 45 and isinstance(agenda[0].minutes, int)
    assert model.setData(model.index(0, 2), "20", EDIT)
    assert agenda[0].minutes == 20
    assert model.setData(model.index(0, 2), 900, EDIT)
    assert agenda[0].minutes == 600
    count = document.undo_stack.count()
    for refused in (0, None, "", "an hour", -5):
        assert not model.setData(model.index(0, 2), refused, EDIT)
    assert agenda[0].minutes == 600 and document.undo_stack.count() == count
    assert model.setData(model.index(0, 0), "6. Purpose", EDIT)  # the combo's label
    assert agenda[0].step is Step.PURPOSE
    assert model.setData(model.index(0, 0), None, EDIT)  # "No step"
    assert agenda[0].step is None
    assert model.data(model.index(0, 0), DISPLAY) == "No step"
    assert not model.setData(model.index(0, 0), "13. Party", EDIT)
    assert document.undo_stack.undoText() == "Edit slot step"


# --- the agenda tab ----------------------------------------------------------------------


def test_empty_agenda_says_how_to_plan_it(panel):
    show_tab(panel, panel.agenda)
    assert panel.tabs.tabText(0) == "Agenda"
    assert panel.agenda.empty_label.text() == AGENDA_EMPTY
    assert panel.agenda.empty_label.isVisible()
    assert panel.half_day_button.isVisible() and panel.half_day_button.text() == HALF_DAY
    assert panel.total_label.text() == "Total: 0 min"


def test_add_a_slot_pick_its_step_type_its_minutes_remove_it_and_undo(panel, qtbot, empty_document):
    document, agenda = empty_document, empty_document.workbook.agenda
    editor = panel.agenda
    model = editor.model
    show_tab(panel, editor)
    qtbot.mouseClick(editor.empty_add, Qt.MouseButton.LeftButton)
    assert len(agenda) == 1 and model.rowCount() == 1

    # Add opened the step's drop-down: pick a step and press Enter, as a user would.
    combo = editor.view.indexWidget(model.index(0, 0))
    assert isinstance(combo, QComboBox) and combo.isVisible()
    assert [combo.itemText(i) for i in (0, 1, 8)] == ["No step", "1. Review setup", "8. Objectives"]
    combo.setCurrentIndex(combo.findText("8. Objectives"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.workbook.agenda[0].step is Step.OBJECTIVES, timeout=2000)

    editor.select_row(0, column=1)
    editor.view.setFocus()
    qtbot.keyClicks(editor.view, "O")  # typing on a cell starts its editor
    line = editor.view.indexWidget(model.index(0, 1))
    assert isinstance(line, QLineEdit) and line.text() == "O"
    qtbot.keyClicks(line, "bjectives and owners")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: document.workbook.agenda[0].topic == "Objectives and owners", timeout=2000
    )

    editor.view.edit(model.index(0, 2))
    spin = editor.view.indexWidget(model.index(0, 2))
    assert isinstance(spin, QDoubleSpinBox) and spin.value() == 15
    assert spin.suffix() == " min" and spin.decimals() == 0
    spin.setValue(40)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.workbook.agenda[0].minutes == 40, timeout=2000)
    assert _cells(model) == [["8. Objectives", "Objectives and owners", "40 min"]]
    assert panel.total_label.text() == "Total: 40 min"
    assert panel.tabs.tabText(0) == "Agenda (1 slot)"

    editor.select_row(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert document.workbook.agenda == [] and editor.empty_label.isVisible()
    assert panel.total_label.text() == "Total: 0 min"
    stack = document.undo_stack
    assert stack.undoText() == "Remove slot"
    stack.undo()
    assert _cells(model) == [["8. Objectives", "Objectives and owners", "40 min"]]
    stack.undo()
    assert _cells(model) == [["8. Objectives", "Objectives and owners", "15 min"]]
    stack.undo()
    stack.undo()
    assert _cells(model) == [["No step", "", "15 min"]]
    stack.undo()
    assert document.workbook.agenda == [] and editor.empty_label.isVisible()
    for _ in range(4):
        stack.redo()
    assert _cells(model) == [["8. Objectives", "Objectives and owners", "40 min"]]
    assert panel.total_label.text() == "Total: 40 min"


def test_half_day_agenda_on_an_empty_agenda_asks_nothing(
    panel, qtbot, empty_document, replace_answers
):
    document = empty_document
    show_tab(panel, panel.agenda)
    qtbot.mouseClick(panel.half_day_button, Qt.MouseButton.LeftButton)
    assert replace_answers.asked == []
    assert len(document.workbook.agenda) == 14
    assert panel.total_label.text() == "Total: 4 h 00 min"
    assert _cells(panel.agenda.model)[5] == ["No step", "Break", "15 min"]
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == HALF_DAY
    ids = [item.id for item in document.workbook.agenda]
    document.undo_stack.undo()
    assert document.workbook.agenda == [] and panel.agenda.empty_label.isVisible()
    document.undo_stack.redo()
    assert [item.id for item in document.workbook.agenda] == ids


def test_half_day_agenda_over_slots_asks_and_one_undo_restores_them(
    panel, qtbot, empty_document, replace_answers
):
    document = empty_document
    model = panel.agenda.model
    model.insert_row()
    model.insert_row()
    assert model.setData(model.index(0, 1), "Welcome and coffee", EDIT)
    assert model.setData(model.index(1, 2), 90, EDIT)
    before = [item.model_dump() for item in document.workbook.agenda]
    count = document.undo_stack.count()
    show_tab(panel, panel.agenda)

    replace_answers.answers.append(False)  # cancelled: nothing changes, nothing to undo
    qtbot.mouseClick(panel.half_day_button, Qt.MouseButton.LeftButton)
    assert replace_answers.asked == [2]
    assert [item.model_dump() for item in document.workbook.agenda] == before
    assert document.undo_stack.count() == count

    replace_answers.answers.append(True)
    qtbot.mouseClick(panel.half_day_button, Qt.MouseButton.LeftButton)
    assert replace_answers.asked == [2, 2]
    assert [(i.step, i.topic, i.minutes) for i in document.workbook.agenda] == [
        (i.step, i.topic, i.minutes) for i in half_day_agenda()
    ]
    assert document.undo_stack.count() == count + 1
    document.undo_stack.undo()
    assert [item.model_dump() for item in document.workbook.agenda] == before
    assert _cells(model) == [["No step", "Welcome and coffee", "15 min"], ["No step", "", "90 min"]]
    assert panel.total_label.text() == "Total: 1 h 45 min"


def test_half_day_agenda_leaves_a_read_only_workbook_alone(panel, qtbot, empty_document):
    empty_document.read_only = True
    qtbot.mouseClick(panel.half_day_button, Qt.MouseButton.LeftButton)
    assert empty_document.workbook.agenda == [] and empty_document.undo_stack.count() == 0


# --- the clock on its own ----------------------------------------------------------------


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def clock_widget(qtbot, fake_clock):
    document = WorkbookDocument(load_workbook(LATER_SAMPLE))
    widget = AgendaClock(document, clock=fake_clock)
    qtbot.addWidget(widget)
    widget.set_workbook_open(True)
    widget.show()
    return widget


def test_clock_follows_its_slot_when_the_agenda_is_edited_around_it(clock_widget, fake_clock):
    clock = clock_widget
    document = clock.document
    model = agenda_model(document)
    clock.toggle()
    clock.next_slot()
    fake_clock.advance(60)
    clock.refresh()
    assert clock.label.text() == "2. Office — 14:00 left"
    model.insert_row(0)  # a slot before it: still the same slot, still running
    assert clock.index == 2 and clock.label.text() == "2. Office — 14:00 left"
    assert model.setData(model.index(2, 2), 20, EDIT)  # more time for it
    assert clock.label.text() == "2. Office — 19:00 left"
    model.remove_ids({document.workbook.agenda[2].id})  # gone: the next one starts afresh
    assert clock.index == 2 and clock.label.text() == "3. Company strategy — 15:00 left"
    assert clock.timer.running
    model.remove_ids({item.id for item in document.workbook.agenda})
    assert not clock.timer.running and not clock.tick.isActive()
    assert not clock.is_available() and clock.isHidden()


# --- the clock in the main window --------------------------------------------------------


@pytest.fixture
def opened(window, tmp_path, fake_clock):
    path = tmp_path / "northwind.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    assert window.files.open(path)
    window.agenda_clock.clock = fake_clock
    window.agenda_clock.refresh()
    return window


def test_clock_counts_down_pauses_and_turns_over_time(opened, qtbot, fake_clock):
    clock = opened.agenda_clock
    assert clock.isVisible() and clock.parent() is opened.statusBar()
    assert clock.label.text() == "1. Review setup — 10:00 left"
    assert clock.start_button.text() == "Start"
    assert clock.start_button.accessibleName() == "Start the agenda clock"
    assert "Ctrl+Shift+Space" in clock.start_button.toolTip()
    assert clock.next_button.accessibleName() == "Next agenda slot"
    assert clock.next_button.toolTip()

    opened.show_step(Step.OBJECTIVES)
    qtbot.mouseClick(clock.start_button, Qt.MouseButton.LeftButton)
    assert opened.current_step() is Step.SETUP  # starting the first slot shows its step
    assert clock.start_button.text() == "Pause"
    assert clock.start_button.accessibleName() == "Pause the agenda clock"
    fake_clock.advance(90)
    # The one-second timer repaints from the monotonic clock.
    qtbot.waitUntil(lambda: clock.label.text() == "1. Review setup — 08:30 left", timeout=3000)

    qtbot.mouseClick(clock.start_button, Qt.MouseButton.LeftButton)  # pause
    assert clock.start_button.text() == "Start" and not clock.tick.isActive()
    fake_clock.advance(600)
    clock.refresh()
    assert clock.label.text() == "1. Review setup — 08:30 left"

    opened.show_step(Step.HEALTH)
    qtbot.mouseClick(clock.start_button, Qt.MouseButton.LeftButton)  # resumes, stays put
    assert opened.current_step() is Step.HEALTH
    assert not clock.is_over()
    fake_clock.advance(510 + 80)
    clock.refresh()
    assert clock.label.text() == "1. Review setup — over by 01:20"
    assert clock.is_over() and clock.label.font().bold()
    colour = clock.label.palette().color(QPalette.ColorRole.WindowText)
    assert colour in (OVER_ON_LIGHT, OVER_ON_DARK)
    assert colour != opened.statusBar().palette().color(QPalette.ColorRole.WindowText)

    qtbot.mouseClick(clock.next_button, Qt.MouseButton.LeftButton)
    assert clock.label.text() == "2. Office — 15:00 left"
    assert not clock.is_over() and not clock.label.font().bold()
    assert clock.label.palette().color(QPalette.ColorRole.WindowText) == (
        opened.statusBar().palette().color(QPalette.ColorRole.WindowText)
    )
    # The clock is session state: nothing in the workbook changed.
    assert opened.document.undo_stack.count() == 0 and not opened.isWindowModified()


def test_next_slot_shows_each_slots_step_and_stops_at_the_last(opened, qtbot, fake_clock):
    clock = opened.agenda_clock
    shown = []
    for _ in range(13):
        qtbot.mouseClick(clock.next_button, Qt.MouseButton.LeftButton)
        step = opened.current_step()
        assert opened.page_stack.currentWidget() is opened.page(step)
        shown.append((clock.label.text(), step))
    assert shown[0] == ("2. Office — 15:00 left", Step.OFFICE)
    # The break has no step: the projector stays where the discussion was.
    assert shown[4] == ("Break — 15:00 left", Step.HEALTH)
    assert shown[6] == ("7. Mission and vision — 30:00 left", Step.MISSION_VISION)
    assert opened.page_stack.currentWidget() is opened.page(Step.SIGNOFF)
    assert shown[-1] == ("13. Sign-off and export — 10:00 left", Step.SIGNOFF)
    assert [step for _text, step in shown if step is not Step.HEALTH] == list(Step)[1:4] + list(
        Step
    )[5:]
    assert not clock.next_button.isEnabled()
    clock.next_slot()
    assert clock.index == 13


def test_start_pause_action_and_shortcut(opened, qtbot):
    action = opened.named_actions["agenda_clock"]
    assert action.text() == "Start/Pause Agenda &Clock"
    assert action.shortcut().toString() == "Ctrl+Shift+Space"
    view_menu = next(m.menu() for m in opened.menuBar().actions() if m.text() == "&View")
    assert action in view_menu.actions()
    assert action.isEnabled()
    shortcuts = [
        s.toString()
        for a in opened.findChildren(type(action))
        if a is not action
        for s in a.shortcuts()
    ]
    assert "Ctrl+Shift+Space" not in shortcuts
    action.trigger()
    assert opened.agenda_clock.timer.running
    opened.activateWindow()
    qtbot.waitUntil(lambda: opened.isActiveWindow(), timeout=2000)
    qtbot.keyClick(
        opened.step_list,
        Qt.Key.Key_Space,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not opened.agenda_clock.timer.running


def test_clock_hidden_without_a_workbook_or_without_an_agenda(window, tmp_path, replace_answers):
    clock = window.agenda_clock
    action = window.named_actions["agenda_clock"]
    assert not clock.isVisible() and not action.isEnabled()
    first = tmp_path / "fy2026.pmowb"
    first.write_bytes(FIRST_SAMPLE.read_bytes())
    assert window.files.open(first)  # the first year planned no agenda
    assert window.document.workbook.agenda == []
    assert not clock.isVisible() and not action.isEnabled()

    window.set_workshop_panel_visible(True)
    panel = window.workshop_dock.panel
    show_tab(panel, panel.agenda)
    panel.half_day_button.click()
    assert clock.isVisible() and action.isEnabled()
    assert clock.label.text() == "1. Review setup — 10:00 left"
    window.set_workshop_mode(True, remember=False)  # the projector keeps the clock
    assert clock.isVisible()
    window.set_workshop_mode(False, remember=False)
    window.document.undo_stack.undo()
    assert not clock.isVisible() and not action.isEnabled()

    later = tmp_path / "fy2027.pmowb"
    later.write_bytes(LATER_SAMPLE.read_bytes())
    window.document.undo_stack.setClean()
    assert window.files.open(later)
    assert clock.isVisible()
    action.trigger()
    assert clock.timer.running
    window.files.close()
    assert not clock.isVisible() and not action.isEnabled()
    assert not clock.timer.running and not clock.tick.isActive()


def test_a_new_workbook_starts_the_clock_afresh(opened, fake_clock, tmp_path):
    clock = opened.agenda_clock
    clock.toggle()
    clock.next_slot()
    fake_clock.advance(30)
    path = tmp_path / "again.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    assert opened.files.open(path)
    assert clock.index == 0 and not clock.timer.running
    assert clock.label.text() == "1. Review setup — 10:00 left"


def test_agenda_tools_sit_beside_the_tabs_only_on_the_agenda_tab(panel):
    show_tab(panel, panel.agenda)
    assert panel.tabs.cornerWidget(Qt.Corner.TopRightCorner) is panel.agenda_tools
    assert panel.total_label.isVisible() and panel.half_day_button.isVisible()
    show_tab(panel, panel.decisions)
    assert not panel.half_day_button.isVisible() and not panel.total_label.isVisible()
    show_tab(panel, panel.agenda)
    assert panel.half_day_button.isVisible()


def test_projector_type_dock_and_every_page_still_fit_768_pixels(opened, qtbot):
    """The clock walks every page; the dock squeezes (it scrolls) and the tallest page seen
    does not set the window's minimum, or a full-screen 1366x768 projector would lose the
    status bar and its clock, and the dock its rows."""
    opened.set_workshop_panel_visible(True)
    opened.set_workshop_mode(True, remember=False)
    opened.showNormal()  # the offscreen screen is not a projector's: the projector's size
    opened.resize(1366, 768)
    try:
        clock = opened.agenda_clock
        for _ in range(12):
            clock.next_slot()
            qtbot.wait(20)  # the posted layout requests run, as on screen
            assert opened.minimumSizeHint().height() <= 768, opened.current_step()
        opened.show_step(Step.MISSION_VISION)
        qtbot.wait(20)
        assert opened.page_stack.minimumSizeHint().height() < 400
        dock = opened.workshop_dock.widget()
        assert dock.sizeHint().height() > dock.minimumSizeHint().height() * 2
    finally:
        opened.set_workshop_mode(False, remember=False)
