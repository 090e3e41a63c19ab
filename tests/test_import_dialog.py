"""The app's tracker import: the preview dialog lists changes and problems, applying is one
undoable step, cancelling or a refused file changes nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from exporters.tracker import write_tracker
from exporters.tracker_layout import objective_column
from planning.enums import ObjectiveStatus
from planning.fileformat import dumps
from planning.tracker_updates import ImportPlan
from ui import import_dialog
from ui.document import Change, WorkbookDocument

# The offscreen platform says so when a dialog is shown; it is not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def document(later_sample, tmp_path, qtbot):
    document = WorkbookDocument(later_sample, tmp_path / "northwind.pmowb")
    yield document


@pytest.fixture
def edited_tracker(later_sample, tmp_path):
    path = tmp_path / "tracker.xlsx"
    write_tracker(later_sample, path)
    book = openpyxl.load_workbook(path)
    ws = book["Objectives"]
    ws.cell(2, objective_column("status")).value = "Off track"  # PO-1
    ws.cell(2, objective_column("q2")).value = 71
    ws.cell(3, objective_column("q1")).value = "n/a"  # PO-4
    book.save(path)
    return path


def _texts(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_preview_then_apply_is_one_undo_step(document, edited_tracker, monkeypatch, qtbot):
    original = dumps(document.workbook)
    seen = {}

    def confirm(dialog):
        seen["changes"] = _texts(dialog.changes)
        seen["problems"] = _texts(dialog.problems)
        button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["button"] = (button.text(), button.isEnabled())
        return True

    monkeypatch.setattr(import_dialog, "choose_tracker_file", lambda parent, folder: edited_tracker)
    monkeypatch.setattr(import_dialog, "confirm_import", confirm)
    with qtbot.waitSignal(document.changed) as signal:
        assert import_dialog.run_import(None, document) is True
    assert signal.args == [Change.OBJECTIVES]
    assert seen["changes"] == [
        ["PO-1", "Status", "On track", "Off track"],
        ["PO-1", "Q2 actual", "(empty)", "71"],
    ]
    assert seen["problems"] == [
        ["3 (PO-4)", "Q1 actual", '"n/a"', "a number is expected, not text; skipped"]
    ]
    assert seen["button"] == ("Apply 2 changes", True)

    po1 = document.workbook.active_objectives()[0]
    assert po1.status is ObjectiveStatus.OFF_TRACK and po1.actuals[:2] == [70.0, 71.0]
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Import tracker updates"
    assert document.is_modified()
    document.undo_stack.undo()
    assert dumps(document.workbook) == original
    assert not document.is_modified()
    document.undo_stack.redo()
    assert document.workbook.active_objectives()[0].status is ObjectiveStatus.OFF_TRACK


def test_cancel_changes_nothing(document, edited_tracker, monkeypatch):
    original = dumps(document.workbook)
    monkeypatch.setattr(import_dialog, "choose_tracker_file", lambda parent, folder: edited_tracker)
    monkeypatch.setattr(import_dialog, "confirm_import", lambda dialog: False)
    assert import_dialog.run_import(None, document) is False
    assert dumps(document.workbook) == original
    assert document.undo_stack.count() == 0
    monkeypatch.setattr(import_dialog, "choose_tracker_file", lambda parent, folder: None)
    assert import_dialog.run_import(None, document) is False


def test_refused_tracker_shows_one_message(document, first_sample, tmp_path, monkeypatch):
    other = tmp_path / "other.xlsx"
    write_tracker(first_sample, other)
    messages = []
    monkeypatch.setattr(import_dialog, "choose_tracker_file", lambda parent, folder: other)
    monkeypatch.setattr(import_dialog, "show_refusal", lambda parent, text: messages.append(text))
    monkeypatch.setattr(
        import_dialog, "confirm_import", lambda dialog: pytest.fail("no preview for a refused file")
    )
    assert import_dialog.run_import(None, document) is False
    assert len(messages) == 1 and "exported from another workbook" in messages[0]
    assert document.undo_stack.count() == 0


def test_dialog_buttons(later_sample, edited_tracker, qtbot):
    from exporters.tracker_import import prepare_import

    plan = prepare_import(later_sample, edited_tracker)
    dialog = import_dialog.ImportPreviewDialog(plan, "tracker.xlsx")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Import Tracker Updates — tracker.xlsx"
    assert dialog.summary.text().startswith("5 objectives matched, 2 changes, 1 problem.")
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted

    empty = import_dialog.ImportPreviewDialog(
        ImportPlan([], plan.problems, plan.rows_matched), "t.xlsx"
    )
    qtbot.addWidget(empty)
    ok = empty.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and ok.text() == "Apply 0 changes"
    assert "nothing to apply" in empty.summary.text()


def test_the_tracker_is_read_off_the_ui_thread(document, edited_tracker, monkeypatch, qtbot):
    """Issue 16 item 5: a hostile tracker may take seconds to refuse; the window keeps
    processing events (here a timer) while a worker thread reads it."""
    import threading
    import time

    from PySide6.QtCore import QTimer

    real = import_dialog.prepare_import
    seen = {}

    from PySide6.QtWidgets import QApplication, QProgressDialog

    def slow_prepare(workbook, path):
        seen["thread"] = threading.current_thread() is not threading.main_thread()
        time.sleep(0.8)
        seen["ui_ran_meanwhile"] = seen.get("timer", False)
        return real(workbook, path)

    def busy_texts():
        seen["busy"] = [
            w.labelText()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        ]

    QTimer.singleShot(50, lambda: seen.__setitem__("timer", True))
    QTimer.singleShot(600, busy_texts)
    monkeypatch.setattr(import_dialog, "prepare_import", slow_prepare)
    monkeypatch.setattr(import_dialog, "choose_tracker_file", lambda parent, folder: edited_tracker)
    monkeypatch.setattr(import_dialog, "confirm_import", lambda dialog: True)
    assert import_dialog.run_import(None, document) is True
    assert seen == {
        "thread": True,
        "timer": True,
        "ui_ran_meanwhile": True,
        "busy": ["Reading tracker.xlsx…"],
    }
    assert document.workbook.active_objectives()[0].status is ObjectiveStatus.OFF_TRACK


def test_1e999_is_a_problem_and_the_import_one_whole_step(
    document, later_sample, tmp_path, monkeypatch
):
    """Issue 16 item 8: `1e999` in a quarter half-applied the app's "one undo step" import
    and redo raised again. It is a problem of its cell; the rest is one step, undone and
    redone whole."""
    path = tmp_path / "inf.xlsx"
    write_tracker(later_sample, path)
    book = openpyxl.load_workbook(path)
    ws = book["Objectives"]
    ws.cell(2, objective_column("q1")).value = "1e999"
    ws.cell(2, objective_column("q2")).value = 71
    ws.cell(3, objective_column("status")).value = "At risk"
    book.save(path)
    original = dumps(document.workbook)
    seen = {}

    def confirm(dialog):
        seen["changes"] = _texts(dialog.changes)
        seen["problems"] = _texts(dialog.problems)
        return True

    monkeypatch.setattr(import_dialog, "choose_tracker_file", lambda parent, folder: path)
    monkeypatch.setattr(import_dialog, "confirm_import", confirm)
    assert import_dialog.run_import(None, document) is True
    assert seen["problems"] == [
        ["2 (PO-1)", "Q1 actual", '"1e999"', "not a finite number; skipped"]
    ]
    assert [row[1:] for row in seen["changes"]] == [
        ["Q2 actual", "(empty)", "71"],
        ["Status", "Not started", "At risk"],
    ]
    applied = dumps(document.workbook)
    for _ in range(2):
        document.undo_stack.undo()
        assert dumps(document.workbook) == original
        document.undo_stack.redo()
        assert dumps(document.workbook) == applied


def test_an_import_that_cannot_be_applied_whole_changes_nothing(document, monkeypatch):
    """Should a planned change be invalid (the planner never makes one: this stands for any
    future slip), nothing is applied and no undo step is pushed: never half an import."""
    from planning.tracker_updates import FieldChange

    first, second = document.workbook.active_objectives()[:2]
    plan = ImportPlan(
        [
            FieldChange(first.id, first.code, "q2", None, 71.0, 2),
            FieldChange(second.id, second.code, "q1", None, float("inf"), 3),
        ],
        [],
        2,
    )
    original = dumps(document.workbook)
    messages = []
    monkeypatch.setattr(import_dialog, "choose_tracker_file", lambda parent, folder: Path("t.xlsx"))
    monkeypatch.setattr(import_dialog, "read_off_thread", lambda parent, workbook, path: plan)
    monkeypatch.setattr(import_dialog, "show_refusal", lambda parent, text: messages.append(text))
    monkeypatch.setattr(import_dialog, "confirm_import", lambda dialog: pytest.fail("no preview"))
    assert import_dialog.run_import(None, document) is False
    assert messages == [
        "The tracker's changes cannot be applied (ValidationError); nothing is imported."
    ]
    assert dumps(document.workbook) == original
    assert document.undo_stack.count() == 0
