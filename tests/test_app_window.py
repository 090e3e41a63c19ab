"""The main window around the pages: step states, findings that jump to their cause,
readiness, keyboard, workshop mode, the pages' export signals, exports and import."""

from __future__ import annotations

import sys
import threading
import types
from pathlib import Path

import app_support
import pytest
from app_support import edit_organisation
from conftest import LATER_SAMPLE
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from planning.enums import StepState
from planning.errors import SaveError
from planning.steps import Step
from ui import export_jobs, main_window, theme
from ui.commands import SetValue
from ui.document import Change
from ui.pages.base import StepPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
window = app_support.window
scripted = app_support.scripted


@pytest.fixture
def opened(window, tmp_path):
    path = tmp_path / "northwind.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    assert window.files.open(path)
    return window


def test_welcome_screen_when_nothing_is_open(window):
    assert window.screens.currentWidget() is window.welcome
    assert [b.text() for b in window.welcome.buttons.values()] == [
        "New Workbook",
        "Open…",
        "Start Next Year's Review…",
        "Open the Sample",
    ]
    assert not window.findings_dock.isVisible()
    for name in ("save", "save_as", "close", "export_tracker", "export_charter"):
        assert not window.named_actions[name].isEnabled(), name
    assert window.welcome.no_recent.isVisible()


def test_welcome_screen_shows_its_title_above_and_recent_files_beside_start(window, qtbot):
    window.resize(1366, 768)
    welcome = window.welcome
    titles = {label.text(): label for label in welcome.findChildren(QLabel)}
    assert titles["PMO Workbook"].isVisible()
    recent, start = titles["Recent workbooks"], titles["Start"]
    # The recent files' heading heads its own column, level with "Start", not the page.
    assert recent.mapTo(welcome, recent.rect().topLeft()).y() == pytest.approx(
        start.mapTo(welcome, start.rect().topLeft()).y(), abs=2
    )
    assert (
        recent.mapTo(welcome, recent.rect().topLeft()).x()
        > start.mapTo(welcome, start.rect().topRight()).x()
    )


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_welcome_buttons_answer_return_as_well_as_space(window, qtbot, key):
    button = window.welcome.buttons["sample"]
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    with qtbot.waitSignal(window.welcome.action_requested, timeout=1000) as chosen:
        qtbot.keyClick(button, key)
    assert chosen.args == ["sample"]


def test_the_current_step_stays_in_sight_when_the_workshop_dock_shortens_the_list(opened, qtbot):
    opened.set_workshop_mode(True, remember=False)
    opened.showNormal()
    opened.resize(1366, 768)
    opened.show_step(Step.SIGNOFF)
    opened.set_workshop_panel_visible(True)
    steps = opened.step_list
    qtbot.waitUntil(lambda: steps.verticalScrollBar().isVisible())  # the dock took room
    shown = steps.visualItemRect(steps.currentItem())
    assert steps.viewport().rect().contains(shown), (shown, steps.viewport().rect())
    opened.set_workshop_panel_visible(False)
    opened.set_workshop_mode(False, remember=False)


def test_signoff_with_the_workshop_dock_squeezes_no_field(opened, qtbot):
    opened.set_workshop_mode(True, remember=False)
    opened.showNormal()
    opened.resize(1366, 768)
    opened.show_step(Step.SIGNOFF)
    opened.set_workshop_panel_visible(True)
    page = opened.page(Step.SIGNOFF)
    qtbot.waitUntil(lambda: opened.workshop_dock.isVisible())
    QApplication.processEvents()
    for edit in (page.version, page.classification, page.prepared_by):
        assert edit.height() >= edit.sizeHint().height(), (edit.text(), edit.height())
    view = page.approvals.view
    assert view.viewport().height() >= view.rowHeight(0), "an approver's row is seen whole"
    opened.set_workshop_panel_visible(False)
    opened.set_workshop_mode(False, remember=False)


def test_step_list_shows_planning_states_in_words(opened):
    states = opened.document.step_states()
    for row, step in enumerate(Step):
        item = opened.step_list.item(row)
        assert item.text() == f"{step.number}. {step.title}\n{states[step].label}"
        assert item.data(Qt.ItemDataRole.AccessibleTextRole) == (
            f"Step {step.number}, {step.title}: {states[step].label}"
        )
    assert states[Step.SETUP] is StepState.COMPLETE
    assert opened.readiness_label.text() == opened.document.readiness().summary()
    assert opened.readiness_label.text().startswith("Readiness ")


def test_an_edit_updates_states_findings_and_readiness(opened, qtbot):
    opened.document.push(
        SetValue(
            opened.document,
            lambda wb: wb.setup,
            "facilitator",
            "",
            Change.SETUP,
            "Clear facilitator",
        )
    )
    expected = opened.document.step_states()[Step.SETUP]
    assert expected is not StepState.COMPLETE
    qtbot.waitUntil(lambda: opened.step_list.state_of(Step.SETUP) is expected)
    assert opened.readiness_label.text() == opened.document.readiness().summary()
    assert opened.windowTitle().endswith("— FY2027 — PMO Workbook")


def test_findings_panel_lists_this_step_and_all(opened):
    findings = opened.document.findings()
    step = next(f.step for f in findings)
    opened.show_step(step)
    mine = [f.message for f in findings if f.step is step]
    assert opened.findings.messages("step") == mine
    assert opened.findings.messages("all") == [
        f"{f.step.number}. {f.step.title} — {f.message}" for f in findings
    ]
    assert opened.findings.tabText(1) == f"All ({len(findings)})"


def test_clicking_a_finding_jumps_to_its_step_and_entity(opened, qtbot, monkeypatch):
    finding = next(
        f for f in opened.document.findings() if f.entity_id and f.step is not Step.SETUP
    )
    focused = []

    class RecordingPage(StepPage):
        step = finding.step

        def focus_entity(self, entity_id, field=None):
            focused.append((entity_id, field))

    _substitute_page(monkeypatch, finding.step, RecordingPage)
    opened._pages.pop(finding.step, None)
    all_list = opened.findings.all_list
    row = next(
        i
        for i in range(all_list.count())
        if all_list.item(i).data(Qt.ItemDataRole.UserRole) == finding
    )
    rect = all_list.visualItemRect(all_list.item(row))
    all_list.scrollToItem(all_list.item(row))
    rect = all_list.visualItemRect(all_list.item(row))
    qtbot.mouseClick(all_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.current_step() is finding.step
    assert isinstance(opened.page_stack.currentWidget(), RecordingPage)
    assert focused[0] == (finding.entity_id, finding.field)


def test_ctrl_page_down_and_up_move_between_steps(opened, qtbot):
    opened.step_list.setFocus()
    qtbot.keyClick(opened.step_list, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert opened.current_step() is Step.OFFICE
    assert opened.page_stack.currentWidget().step is Step.OFFICE
    qtbot.keyClick(opened.step_list, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert opened.current_step() is Step.SETUP
    qtbot.keyClick(opened.step_list, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert opened.current_step() is Step.SETUP, "no step before the first"


def test_standard_shortcuts_are_set(window):
    from PySide6.QtGui import QKeySequence

    for name, key in (
        ("new", QKeySequence.StandardKey.New),
        ("open", QKeySequence.StandardKey.Open),
        ("save", QKeySequence.StandardKey.Save),
        ("save_as", QKeySequence.StandardKey.SaveAs),
        ("undo", QKeySequence.StandardKey.Undo),
        ("redo", QKeySequence.StandardKey.Redo),
    ):
        assert window.named_actions[name].shortcuts() == QKeySequence.keyBindings(key), name
    assert window.named_actions["quit"].shortcut().toString() == "Ctrl+Q"
    assert window.named_actions["workshop"].shortcut().toString() == "F11"


def _substitute_page(monkeypatch, step, page_cls):
    real_page_class = main_window.page_class
    monkeypatch.setattr(
        main_window,
        "page_class",
        lambda wanted: page_cls if wanted is step else real_page_class(wanted),
    )


def test_pages_get_refreshed_lazily(opened, monkeypatch):
    seen = []

    class CountingPage(StepPage):
        step = Step.PURPOSE

        def refresh(self, change):
            seen.append(change)

    _substitute_page(monkeypatch, Step.PURPOSE, CountingPage)
    edit_organisation(opened.document, "Contoso")
    assert seen == []
    opened.show_step(Step.PURPOSE)
    assert seen == [Change.ALL], "a new page reads everything once"
    opened.document.push(
        SetValue(
            opened.document,
            lambda wb: wb.purpose,
            "text",
            "Help.",
            Change.STATEMENTS,
            "Edit purpose",
        )
    )
    assert seen[-1] == Change.STATEMENTS
    opened.show_step(Step.SETUP)
    edit_organisation(opened.document, "Contoso 2")
    opened.show_step(Step.PURPOSE)
    assert seen[-1] == Change.SETUP, "what changed while hidden, once, when shown"


def test_workshop_mode_scales_type_goes_full_screen_and_is_remembered(opened, qtbot):
    app = QApplication.instance()
    base = theme.base_point_size(app)
    qtbot.keyClick(opened, Qt.Key.Key_F11)
    assert opened.named_actions["workshop"].isChecked()
    assert app.font().pointSizeF() == pytest.approx(base * theme.WORKSHOP_SCALE)
    assert opened.isFullScreen()
    assert opened.settings.workshop_mode()
    opened.named_actions["step_list"].trigger()
    assert not opened.step_list.isVisible()
    opened.named_actions["step_list"].trigger()
    assert opened.step_list.isVisible()
    qtbot.keyClick(opened, Qt.Key.Key_F11)
    assert app.font().pointSizeF() == pytest.approx(base)
    assert not opened.isFullScreen() and not opened.settings.workshop_mode()


def test_page_export_signals_reach_the_export_actions(opened, scripted):
    page = opened.page(Step.SIGNOFF)
    scripted.answer("ask_save_path", None)
    page.export_tracker_requested.emit()
    assert scripted.calls[-1][0] == "ask_save_path"
    assert scripted.calls[-1][1][1].name == "northwind tracker.xlsx"
    scripted.answer("ask_charter_template", (False, None))
    page.export_charter_requested.emit()
    assert scripted.calls[-1][0] == "ask_charter_template"


@pytest.fixture
def slow_tracker(monkeypatch):
    """An exporter that takes a while, to see the window stay responsive meanwhile."""
    release = threading.Event()
    module = types.ModuleType("exporters.tracker")

    def write_tracker(workbook, path):
        release.wait(10)
        Path(path).write_bytes(b"tracker of " + workbook.setup.organisation.encode())
        return ["text truncated in Objectives!C4"]

    module.write_tracker = write_tracker
    monkeypatch.setitem(sys.modules, "exporters.tracker", module)
    return release


def test_export_runs_off_the_ui_thread_with_progress_then_offers_open(
    opened, scripted, slow_tracker, tmp_path, qtbot, monkeypatch
):
    organisation = opened.document.workbook.setup.organisation
    shown = []
    monkeypatch.setattr(export_jobs, "show_in_folder", lambda path: shown.append(path))
    target = tmp_path / "out.xlsx"
    scripted.answer("ask_save_path", target)
    scripted.answer("ask_after_export", "folder")
    opened.named_actions["export_tracker"].trigger()
    assert opened.exports.progress.isVisible()
    assert opened.exports.label.text() == "Exporting out.xlsx…"
    assert not opened.named_actions["export_tracker"].isEnabled()
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    edit_organisation(opened.document, "Edited during the export")
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop runs while the export works
    timer.stop()
    slow_tracker.set()
    qtbot.waitUntil(lambda: shown == [target])
    assert target.read_bytes() == b"tracker of " + organisation.encode(), "a copy taken at start"
    after = next(args for name, args in scripted.calls if name == "ask_after_export")
    assert after[1:] == (target, ["text truncated in Objectives!C4"])
    assert not opened.exports.progress.isVisible()
    assert opened.named_actions["export_tracker"].isEnabled()


def test_failed_export_says_why_and_keeps_the_workbook(
    opened, scripted, monkeypatch, tmp_path, qtbot
):
    module = types.ModuleType("exporters.tracker")

    def write_tracker(workbook, path):
        raise SaveError("Cannot save out.xlsx: the disk is full. The previous file is unchanged.")

    module.write_tracker = write_tracker
    monkeypatch.setitem(sys.modules, "exporters.tracker", module)
    edit_organisation(opened.document, "Contoso")
    scripted.answer("ask_save_path", tmp_path / "out.xlsx")
    opened.named_actions["export_tracker"].trigger()
    qtbot.waitUntil(lambda: not opened.exports.is_running())
    assert scripted.take_errors() == [
        "Cannot save out.xlsx: the disk is full. The previous file is unchanged."
    ]
    assert opened.document.workbook.setup.organisation == "Contoso"
    assert opened.isWindowModified()


def test_charter_template_choice_is_remembered(opened, scripted, monkeypatch, tmp_path, qtbot):
    used = []
    module = types.ModuleType("exporters.charter")

    def write_charter(workbook, path, template=None):
        used.append(template)
        Path(path).write_bytes(b"docx")
        return []

    module.write_charter = write_charter
    monkeypatch.setitem(sys.modules, "exporters.charter", module)
    template = tmp_path / "house style.docx"
    template.write_bytes(b"x")
    scripted.answer("ask_charter_template", (True, template))
    scripted.answer("ask_save_path", tmp_path / "charter.docx")
    scripted.answer("ask_after_export", "close")
    opened.named_actions["export_charter"].trigger()
    qtbot.waitUntil(lambda: not opened.exports.is_running())
    assert used == [template]
    assert opened.settings.charter_template() == template
    scripted.answer("ask_charter_template", (False, None))
    opened.named_actions["export_charter"].trigger()
    offered = [args for name, args in scripted.calls if name == "ask_charter_template"][-1]
    assert offered[1] == template


def test_real_tracker_export_from_the_window(opened, scripted, tmp_path, qtbot):
    pytest.importorskip("exporters.tracker")
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "tracker.xlsx"
    scripted.answer("ask_save_path", target)
    scripted.answer("ask_after_export", "close")
    opened.named_actions["export_tracker"].trigger()
    qtbot.waitUntil(lambda: not opened.exports.is_running(), timeout=60000)
    assert "ask_after_export" in scripted.names(), scripted.take_errors()
    book = openpyxl.load_workbook(target)
    assert len(book.sheetnames) > 3


def test_import_tracker_missing_module_says_so(opened, scripted, monkeypatch):
    monkeypatch.setitem(sys.modules, "ui.import_dialog", None)
    opened.named_actions["import_tracker"].trigger()
    assert scripted.take_errors() == [
        "Importing tracker updates is not available in this installation of PMO Workbook."
    ]


def test_import_tracker_calls_the_import_dialog(opened, monkeypatch):
    called = []
    module = types.ModuleType("ui.import_dialog")
    module.run_import = lambda parent, document: called.append((parent, document))
    monkeypatch.setitem(sys.modules, "ui.import_dialog", module)
    opened.named_actions["import_tracker"].trigger()
    assert called == [(opened, opened.document)]
