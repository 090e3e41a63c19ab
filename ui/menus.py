"""The menus, actions and keyboard shortcuts of the main window (the platform's standard
keys for new, open, save, save as, close, undo, redo and quit), which of them work without
a workbook, and the Open Recent menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from ui.agenda_clock import START_PAUSE_KEY

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Keys = QKeySequence.StandardKey

# The actions that need an open workbook (Start Next Year's Review does not: it asks for one).
WORKBOOK_ACTIONS = (
    "save",
    "save_as",
    "close",
    "export_tracker",
    "export_charter",
    "export_summary",
    "export_briefing",
    "summary",
    "import_tracker",
    "previous_step",
    "next_step",
)


def _action(
    window: MainWindow,
    name: str,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence.StandardKey | str | None = None,
    tip: str = "",
    checkable: bool = False,
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(f"action_{name}")
    if isinstance(shortcut, str):
        action.setShortcut(QKeySequence(shortcut))
    elif shortcut is not None:
        action.setShortcuts(QKeySequence.keyBindings(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.setCheckable(checkable)
    action.triggered.connect(lambda checked=False: slot(checked) if checkable else slot())
    window.addAction(action)  # shortcuts work while the menu bar is hidden (full screen)
    window.named_actions[name] = action
    return action


def build_menus(window: MainWindow) -> None:
    files = window.files
    bar = window.menuBar()

    file_menu = bar.addMenu("&File")
    file_menu.addAction(_action(window, "new", "&New Workbook", files.new, Keys.New))
    file_menu.addAction(_action(window, "open", "&Open…", files.open_dialog, Keys.Open))
    window.recent_menu.setObjectName("recentMenu")
    file_menu.addMenu(window.recent_menu)
    file_menu.addAction(
        _action(
            window,
            "sample",
            "Open the Sa&mple",
            files.open_sample,
            tip="Open Northwind's review as an untitled copy",
        )
    )
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "save", "&Save", files.save, Keys.Save))
    file_menu.addAction(_action(window, "save_as", "Save &As…", files.save_as, Keys.SaveAs))
    file_menu.addSeparator()
    file_menu.addAction(
        _action(
            window,
            "next_year",
            "Start Ne&xt Year's Review…",
            files.start_next_year,
            tip="A new workbook for the coming year, from this one",
        )
    )
    file_menu.addAction(
        _action(window, "export_tracker", "Export Excel &Tracker…", window.export_tracker)
    )
    file_menu.addAction(
        _action(window, "export_charter", "Export Word C&harter…", window.export_charter)
    )
    file_menu.addAction(
        _action(
            window,
            "export_summary",
            "Export One-&Page Summary…",
            window.export_summary,
            tip="Strategy on a page as a PDF, landscape A3 or A4",
        )
    )
    file_menu.addAction(
        _action(
            window,
            "export_briefing",
            "Export Briefing &Deck…",
            window.export_briefing,
            tip="PowerPoint slides for the executive meeting, with speaker notes",
        )
    )
    file_menu.addAction(
        _action(window, "import_tracker", "&Import Tracker Updates…", window.import_tracker)
    )
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "close", "&Close", files.close, Keys.Close))
    file_menu.addAction(_action(window, "quit", "&Quit", window.close, Keys.Quit))
    if not window.named_actions["quit"].shortcuts():
        window.named_actions["quit"].setShortcut(QKeySequence("Ctrl+Q"))  # Windows has no standard

    edit_menu = bar.addMenu("&Edit")
    undo = window.document.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.keyBindings(Keys.Undo))
    redo = window.document.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(QKeySequence.keyBindings(Keys.Redo))
    for name, action in (("undo", undo), ("redo", redo)):
        action.setObjectName(f"action_{name}")
        window.addAction(action)
        window.named_actions[name] = action
        edit_menu.addAction(action)

    go_menu = bar.addMenu("&Go")
    go_menu.addAction(
        _action(window, "previous_step", "&Previous Step", lambda: window.step_by(-1), "Ctrl+PgUp")
    )
    go_menu.addAction(
        _action(window, "next_step", "&Next Step", lambda: window.step_by(1), "Ctrl+PgDown")
    )

    view_menu = bar.addMenu("&View")
    summary = _action(
        window,
        "summary",
        "Strategy on a Pa&ge",
        lambda on: window.summary.set_visible(on),
        "F9",
        tip="The summary for the projector: who we are, why, what we will achieve",
        checkable=True,
    )
    window.summary.visible_changed.connect(summary.setChecked)
    view_menu.addAction(summary)
    view_menu.addAction(
        _action(
            window,
            "workshop",
            "&Workshop Mode",
            window.set_workshop_mode,
            "F11",
            tip="Full screen and larger type for a projector",
            checkable=True,
        )
    )
    step_list = _action(
        window,
        "step_list",
        "&Step List",
        window.set_step_list_visible,
        "Ctrl+Shift+L",
        checkable=True,
    )
    step_list.setChecked(True)
    view_menu.addAction(step_list)
    findings = _action(
        window, "findings", "&Findings", window.set_findings_visible, "Ctrl+Shift+F", checkable=True
    )
    findings.setChecked(window.settings.findings_panel())
    view_menu.addAction(findings)
    workshop_panel = _action(
        window,
        "workshop_panel",
        "&Agenda, Parking Lot and Decisions",
        window.set_workshop_panel_visible,
        "Ctrl+Shift+P",
        checkable=True,
        tip="The workshop's timed agenda, parking lot and decision log",
    )
    workshop_panel.setChecked(window.settings.workshop_panel())
    view_menu.addAction(workshop_panel)
    clock = window.agenda_clock
    agenda_clock = _action(
        window,
        "agenda_clock",
        "Start/Pause Agenda &Clock",
        clock.toggle,
        START_PAUSE_KEY,
        tip="Start or pause the clock of the agenda's slot",
    )
    agenda_clock.setEnabled(clock.is_available())
    clock.available_changed.connect(agenda_clock.setEnabled)  # only with an agenda to time
    view_menu.addAction(agenda_clock)


def enable_workbook_actions(window: MainWindow, has_workbook: bool) -> None:
    for name in WORKBOOK_ACTIONS:
        window.named_actions[name].setEnabled(has_workbook)
    # Start Next Year's Review works on the welcome screen too: it asks for the workbook.
    window.named_actions["next_year"].setEnabled(True)


def refresh_recent(window: MainWindow) -> None:
    """The recent files, in the File menu and on the welcome screen."""
    paths = window.settings.recent_files()
    window.welcome.set_recent_files(paths)
    menu = window.recent_menu
    menu.clear()
    for number, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{number} {path.name}")
        action.setToolTip(str(path))
        action.setData(str(path))
        action.triggered.connect(lambda _=False, p=path: window.files.open(p))
    if paths:
        menu.addSeparator()
        clear = menu.addAction("Clear Recent Files")
        clear.triggered.connect(lambda: _clear_recent(window))
    menu.setEnabled(bool(paths))


def _clear_recent(window: MainWindow) -> None:
    window.settings.clear_recent_files()
    refresh_recent(window)
