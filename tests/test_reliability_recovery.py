"""Issue 16 item 1: a recovery is never deleted without the user's word; "stale" is decided by
content, never by clocks; a recovery whose process id now belongs to another live program is
still offered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import app_support
import openpyxl
import pytest
from app_support import edit_organisation
from conftest import LATER_SAMPLE

import main
from exporters.tracker import write_tracker
from exporters.tracker_layout import objective_column
from planning import lockfile
from planning.fileformat import load_workbook
from ui.main_window import MainWindow
from ui.recovery import find_recoveries

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
window = app_support.window
scripted = app_support.scripted


@pytest.fixture
def workbook_file(tmp_path: Path) -> Path:
    path = tmp_path / "northwind.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    return path


@pytest.fixture
def sleeper():
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as process:
        yield process
        process.kill()


def _crash_with_autosave(window, workbook_file: Path, text: str = "Contoso") -> Path:
    window.files.open(workbook_file)
    edit_organisation(window.document, text)
    written = window.files.autosave()
    window.files.has_workbook = False  # as if the process had died: nothing cleans up
    return written


def _restore_in_new_window(scripted) -> MainWindow:
    scripted.answer("ask_restore", "restore")
    other = MainWindow()
    assert other.files.offer_recoveries()
    return other


def _close(other: MainWindow) -> None:
    other.document.undo_stack.setClean()
    other.close()
    other.deleteLater()


def test_touching_the_workbook_or_a_clock_ahead_never_deletes_the_recovery(window, workbook_file):
    written = _crash_with_autosave(window, workbook_file)
    ahead = time.time() + 3600  # a file server whose clock runs an hour ahead
    os.utime(workbook_file, (ahead, ahead))
    old = time.time() - 3600
    os.utime(written, (old, old))
    recoveries = find_recoveries()
    assert [r.original for r in recoveries] == [workbook_file]
    assert not recoveries[0].changed_on_disk, "a touch changes no content"
    assert written.exists()
    window.files.has_workbook = True


def test_a_workbook_changed_on_disk_after_the_crash_still_offers_and_then_asks(
    window, workbook_file, scripted, tmp_path
):
    """import-tracker ran on the workbook after the crash: the work is offered, the offer
    says the file changed, and saving over the imported change asks first."""
    tracker = tmp_path / "tracker.xlsx"
    write_tracker(load_workbook(workbook_file), tracker)
    book = openpyxl.load_workbook(tracker)
    book["Objectives"].cell(2, objective_column("comments")).value = "From the owner"
    book.save(tracker)
    _crash_with_autosave(window, workbook_file)
    assert main.main(["import-tracker", str(workbook_file), str(tracker)]) == 0
    imported_bytes = workbook_file.read_bytes()
    assert "From the owner" in [o.comments for o in load_workbook(workbook_file).objectives]

    recoveries = find_recoveries()
    assert len(recoveries) == 1 and recoveries[0].changed_on_disk
    assert "has changed on disk since" in recoveries[0].describe()

    other = _restore_in_new_window(scripted)
    try:
        assert other.document.workbook.setup.organisation == "Contoso"
        scripted.answer("ask_changed_on_disk", "cancel")
        other.named_actions["save"].trigger()
        assert scripted.names()[-1] == "ask_changed_on_disk"
        assert workbook_file.read_bytes() == imported_bytes, "cancel keeps their change"
        assert other.document.is_modified()
        scripted.answer("ask_changed_on_disk", "overwrite")
        other.named_actions["save"].trigger()
        assert load_workbook(workbook_file).setup.organisation == "Contoso"
        assert find_recoveries() == [], "the saved work needs no recovery"
    finally:
        _close(other)
    window.files.has_workbook = True


def test_recovery_whose_pid_now_names_another_live_program_is_offered(
    window, workbook_file, sleeper
):
    written = _crash_with_autosave(window, workbook_file)
    started = lockfile.process_started(sleeper.pid)
    if started is None:
        pytest.skip("no process start times on this system")
    meta_path = written.with_suffix(".json")
    meta = json.loads(meta_path.read_text("utf-8"))
    # The crashed app's id, reused by an unrelated program that started later.
    meta.update(pid=sleeper.pid, started=str(int(started) - 500))
    meta_path.write_text(json.dumps(meta), "utf-8")
    assert [r.key for r in find_recoveries()] == [written.stem]

    meta["started"] = started  # really that program's own autosave: not a crash
    meta_path.write_text(json.dumps(meta), "utf-8")
    assert find_recoveries() == []
    assert written.exists(), "a live window's recovery is left alone"
    window.files.has_workbook = True


def test_garbage_recovery_metadata_is_left_alone(window, workbook_file):
    written = _crash_with_autosave(window, workbook_file)
    meta_path = written.with_suffix(".json")
    meta = json.loads(meta_path.read_text("utf-8"))
    meta.update(pid=2**40, saved_at="9999-12-31T23:59:59")
    meta_path.write_text(json.dumps(meta), "utf-8")
    recoveries = find_recoveries()
    assert len(recoveries) == 1 and "autosaved 9999-12-31" in recoveries[0].describe()
    window.files.has_workbook = True
