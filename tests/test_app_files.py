"""The main window's file work: open, edit, undo, save, reopen; the unsaved-changes prompt;
recent files; failed saves; the sample; next year's review; dropped files; locks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import app_support
import pytest
from app_support import edit_organisation
from conftest import LATER_SAMPLE
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from planning import lockfile
from planning.fileformat import dumps, load_workbook, save_workbook
from ui.files import SAMPLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
window = app_support.window
scripted = app_support.scripted


@pytest.fixture
def workbook_file(tmp_path: Path) -> Path:
    path = tmp_path / "northwind.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    return path


def test_open_edit_undo_redo_save_reopen(window, workbook_file, qtbot):
    assert window.files.open(workbook_file)
    assert window.screens.currentWidget() is window.splitter
    assert window.windowTitle() == "northwind.pmowb[*] — FY2027 — PMO Workbook"
    assert not window.isWindowModified()
    original = window.document.workbook.setup.organisation

    edit_organisation(window.document, "Contoso")
    assert window.document.workbook.setup.organisation == "Contoso"
    assert window.isWindowModified()
    assert window.document.undo_stack.count() == 1, "typing merges into one undo step"

    window.named_actions["undo"].trigger()
    assert window.document.workbook.setup.organisation == original
    assert not window.isWindowModified(), "back at the saved state: not modified"
    window.named_actions["redo"].trigger()
    assert window.document.workbook.setup.organisation == "Contoso"
    assert window.isWindowModified()

    window.named_actions["save"].trigger()
    assert not window.isWindowModified()
    assert load_workbook(workbook_file).setup.organisation == "Contoso"
    saved = window.document.workbook.model_copy(deep=True)

    window.named_actions["close"].trigger()
    assert window.screens.currentWidget() is window.welcome
    assert window.windowTitle() == "PMO Workbook"
    assert window.files.open(workbook_file)
    assert window.document.workbook == saved


def test_undo_redo_shortcuts_reach_the_document_from_a_text_field(window, workbook_file, qtbot):
    from PySide6.QtWidgets import QLineEdit

    window.files.open(workbook_file)
    field = QLineEdit(window.page_stack.currentWidget())
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    edit_organisation(window.document, "Contoso")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.workbook.setup.organisation != "Contoso"
    qtbot.keyClick(
        field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.document.workbook.setup.organisation == "Contoso"


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_unsaved_prompt_on_close(window, scripted, workbook_file, answer):
    window.files.open(workbook_file)
    edit_organisation(window.document, "Contoso")
    scripted.answer("ask_unsaved", answer)
    window.named_actions["close"].trigger()
    assert scripted.names() == ["ask_unsaved"]
    assert scripted.calls[0][1][1] == "northwind.pmowb"
    on_disk = load_workbook(workbook_file).setup.organisation
    if answer == "cancel":
        assert window.screens.currentWidget() is window.splitter
        assert window.document.workbook.setup.organisation == "Contoso"
        assert window.isWindowModified()
        assert on_disk != "Contoso"
    else:
        assert window.screens.currentWidget() is window.welcome
        assert (on_disk == "Contoso") is (answer == "save")


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_unsaved_prompt_on_quit(window, scripted, workbook_file, answer, qtbot):
    window.files.open(workbook_file)
    edit_organisation(window.document, "Contoso")
    scripted.answer("ask_unsaved", answer)
    window.named_actions["quit"].trigger()
    assert scripted.names() == ["ask_unsaved"]
    assert window.isVisible() is (answer == "cancel")
    assert (load_workbook(workbook_file).setup.organisation == "Contoso") is (answer == "save")
    # The lock goes with the window, and stays while it is open.
    assert lockfile.lock_path(workbook_file).exists() is (answer == "cancel")


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_unsaved_prompt_on_open(window, scripted, workbook_file, tmp_path, answer):
    other = tmp_path / "other.pmowb"
    save_workbook(load_workbook(SAMPLE.with_name("northwind-fy2026.pmowb")), other)
    window.files.open(workbook_file)
    edit_organisation(window.document, "Contoso")
    scripted.answer("ask_unsaved", answer)
    if answer != "cancel":
        scripted.answer("ask_open_path", other)
    window.named_actions["open"].trigger()
    assert scripted.names()[0] == "ask_unsaved"
    if answer == "cancel":
        assert window.document.path == workbook_file
        assert window.document.workbook.setup.organisation == "Contoso"
    else:
        assert window.document.path == other
        assert window.windowTitle().startswith("other.pmowb[*] — FY2026")
    assert (load_workbook(workbook_file).setup.organisation == "Contoso") is (answer == "save")


def test_prompt_save_of_untitled_asks_where_and_cancel_keeps_it_open(window, scripted, tmp_path):
    window.named_actions["new"].trigger()
    edit_organisation(window.document, "Fabrikam")
    scripted.answer("ask_unsaved", "save")
    scripted.answer("ask_save_path", None)  # the user cancels the Save As dialog
    window.named_actions["close"].trigger()
    assert window.screens.currentWidget() is window.splitter
    assert window.document.workbook.setup.organisation == "Fabrikam"

    target = tmp_path / "fabrikam.pmowb"
    scripted.answer("ask_unsaved", "save")
    scripted.answer("ask_save_path", target)
    window.named_actions["close"].trigger()
    assert window.screens.currentWidget() is window.welcome
    assert load_workbook(target).setup.organisation == "Fabrikam"


def test_recent_files_deduplicated_capped_and_missing_dropped(window, tmp_path):
    from ui.settings import MAX_RECENT

    paths = []
    for number in range(MAX_RECENT + 2):
        path = tmp_path / f"year{number}.pmowb"
        path.write_bytes(LATER_SAMPLE.read_bytes())
        paths.append(path)
        window.files.open(path)
    window.files.open(paths[3])  # again: moves to the top, not listed twice
    expected = [paths[3], *[p for p in reversed(paths) if p != paths[3]][: MAX_RECENT - 1]]
    assert window.welcome.recent_paths() == expected
    menu_texts = [a.text() for a in window.recent_menu.actions() if a.data()]
    assert menu_texts[0] == "&1 year3.pmowb"
    assert len(menu_texts) == MAX_RECENT

    window.named_actions["close"].trigger()
    paths[3].unlink()
    window.refresh_recent()
    assert paths[3] not in window.welcome.recent_paths()
    assert window.welcome.recent_paths()[0] == expected[1]

    # A fresh start (new settings object reading the file) sees the same list.
    from ui.settings import Settings

    assert Settings().recent_files() == window.welcome.recent_paths()


def test_open_recent_that_vanished_says_so_and_forgets_it(window, scripted, tmp_path):
    path = tmp_path / "gone.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    window.files.open(path)
    window.named_actions["close"].trigger()
    path.unlink()
    assert not window.files.open(path)
    assert scripted.take_errors() == [f"{path} does not exist."]
    assert path not in window.settings.recent_files()


def test_refused_file_shows_its_reason_and_keeps_the_open_workbook(
    window, scripted, workbook_file, tmp_path
):
    window.files.open(workbook_file)
    edit_organisation(window.document, "Contoso")
    scripted.answer("ask_unsaved", "cancel")
    bad = tmp_path / "broken.pmowb"
    bad.write_text('{"format": "pmo-workbook", "schema_version": 1, "setup": ', "utf-8")
    scripted.answer("ask_unsaved", "discard")
    assert not window.files.open(bad) and not window.files.open(bad)
    assert scripted.take_errors() == [
        "broken.pmowb is truncated (it ends before the workbook does)."
    ]
    assert window.document.path == workbook_file


def _make_unwritable(folder: Path) -> Callable[[], None] | None:
    """Make `folder` refuse new files; returns how to undo it. root ignores permissions,
    so there the folder is made immutable (chattr +i) instead."""
    if os.name != "posix":
        return None
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return lambda: folder.chmod(0o755)
    chattr = shutil.which("chattr")
    if (
        chattr is None
        or subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode != 0
    ):
        return None
    return lambda: subprocess.run([chattr, "-i", str(folder)], check=True)


def test_save_into_unwritable_folder_keeps_document_modified_and_file_intact(
    window, scripted, tmp_path
):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "review.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    before = path.read_bytes()
    window.files.open(path)
    lockfile.lock_path(path).unlink()  # the lock was written while the folder was writable
    restore = _make_unwritable(folder)
    if restore is None:
        pytest.skip("cannot make a folder unwritable here")
    try:
        edit_organisation(window.document, "Contoso")
        window.named_actions["save"].trigger()
        errors = scripted.take_errors()
        assert len(errors) == 1 and "no permission to write" in errors[0], errors
        assert window.isWindowModified()
        assert window.document.is_modified()
        assert window.document.workbook.setup.organisation == "Contoso", "nothing typed is lost"
        assert path.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["review.pmowb"]
    finally:
        restore()
    window.named_actions["save"].trigger()
    assert not window.isWindowModified()
    assert load_workbook(path).setup.organisation == "Contoso"


def test_sample_opens_untitled_and_is_never_overwritten(window, scripted, tmp_path):
    before = SAMPLE.read_bytes()
    window.welcome.buttons["sample"].click()
    assert window.document.path is None
    # Unchanged, it asks nothing on close (issue 10); Save still asks for a new file.
    assert not window.isWindowModified()
    assert window.windowTitle() == "northwind-fy2027.pmowb[*] — FY2027 — PMO Workbook"

    scripted.answer("ask_save_path", SAMPLE)
    window.named_actions["save"].trigger()
    assert scripted.take_errors() == [
        "The sample that ships with PMO Workbook cannot be overwritten. Choose another name."
    ]
    assert window.document.path is None
    asked = scripted.calls[0][1][1]
    assert asked.name == "northwind-fy2027.pmowb" and asked.parent != SAMPLE.parent

    copy = tmp_path / "ours.pmowb"
    scripted.answer("ask_save_path", copy)
    window.named_actions["save"].trigger()
    assert not window.isWindowModified()
    assert window.document.path == copy
    assert SAMPLE.read_bytes() == before
    assert load_workbook(copy) == load_workbook(SAMPLE)


def test_start_next_year_opens_unsaved_workbook_and_asks_where_to_save(
    window, scripted, workbook_file, tmp_path
):
    window.files.open(workbook_file)
    window.named_actions["next_year"].trigger()
    doc = window.document
    assert doc.path is None and doc.is_modified()
    assert doc.workbook.setup.fiscal_year.label == "FY2028"
    assert doc.workbook.history[-1].fiscal_year.label == "FY2027"
    assert window.windowTitle() == "northwind FY2028.pmowb[*] — FY2028 — PMO Workbook"
    scripted.answer("ask_save_path", tmp_path / "fy2028.pmowb")
    window.named_actions["save"].trigger()
    assert scripted.calls[-1][0] == "ask_save_path"
    assert load_workbook(tmp_path / "fy2028.pmowb").setup.fiscal_year.label == "FY2028"
    assert load_workbook(workbook_file).setup.fiscal_year.label == "FY2027"


def test_start_next_year_from_welcome_asks_for_this_years_file(window, scripted, workbook_file):
    scripted.answer("ask_open_path", workbook_file)
    window.welcome.buttons["next_year"].click()
    assert window.document.workbook.setup.fiscal_year.label == "FY2028"
    assert window.files.display_name() == "northwind FY2028.pmowb"
    assert window.document.path is None


def test_dropped_workbook_opens(window, workbook_file, qtbot):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(workbook_file))])
    event = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: window.document.path == workbook_file)
    assert window.screens.currentWidget() is window.splitter


def test_open_takes_the_lock_and_close_releases_it(window, workbook_file):
    window.files.open(workbook_file)
    info = lockfile.read_lock(workbook_file)
    assert info is not None and info.pid == os.getpid()
    window.named_actions["close"].trigger()
    assert not lockfile.lock_path(workbook_file).exists()


@pytest.fixture
def live_holder(workbook_file):
    """Another live process on this host whose pid is in the workbook's lock file."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    lock = lockfile.lock_path(workbook_file)
    lock.write_text(
        f'{{"user": "colleague", "host": "{lockfile._host()}", '
        f'"pid": {process.pid}, "time": "2026-11-20T09:00:00+00:00"}}',
        "utf-8",
    )
    yield process
    process.kill()
    process.wait()


def test_lock_of_a_live_process_offers_read_only(
    window, scripted, workbook_file, live_holder, tmp_path
):
    lock_before = lockfile.lock_path(workbook_file).read_bytes()
    scripted.answer("ask_locked", "read_only")
    assert window.files.open(workbook_file)
    name, holder = scripted.calls[0][1][1:]
    assert name == "northwind.pmowb"
    assert holder.startswith(f"colleague on {lockfile._host()} (process {live_holder.pid})")
    assert window.document.read_only
    assert "(read-only)" in window.windowTitle()
    assert lockfile.lock_path(workbook_file).read_bytes() == lock_before

    # Save goes to Save As; saving over the locked file is refused.
    edit_organisation(window.document, "Contoso")
    scripted.answer("ask_save_path", workbook_file)
    window.named_actions["save"].trigger()
    assert scripted.take_errors()[0].startswith("northwind.pmowb is open by colleague")
    copy = tmp_path / "my-copy.pmowb"
    scripted.answer("ask_save_path", copy)
    window.named_actions["save"].trigger()
    assert load_workbook(copy).setup.organisation == "Contoso"
    assert not window.document.read_only and "(read-only)" not in window.windowTitle()
    window.named_actions["close"].trigger()
    assert lockfile.lock_path(workbook_file).read_bytes() == lock_before, "theirs stays"


def test_lock_of_a_live_process_open_anyway_takes_it_over(
    window, scripted, workbook_file, live_holder
):
    scripted.answer("ask_locked", "open_anyway")
    assert window.files.open(workbook_file)
    assert not window.document.read_only
    assert lockfile.read_lock(workbook_file).pid == os.getpid()


def test_lock_of_a_live_process_cancel_opens_nothing(window, scripted, workbook_file, live_holder):
    scripted.answer("ask_locked", "cancel")
    assert not window.files.open(workbook_file)
    assert window.screens.currentWidget() is window.welcome
    assert lockfile.read_lock(workbook_file).pid == live_holder.pid


def test_stale_lock_is_ignored_and_replaced(window, scripted, workbook_file):
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    lockfile.lock_path(workbook_file).write_text(
        f'{{"user": "ghost", "host": "{lockfile._host()}", "pid": {process.pid}, '
        '"time": "2026-01-01T00:00:00+00:00"}',
        "utf-8",
    )
    assert window.files.open(workbook_file)
    assert scripted.calls == []
    assert lockfile.read_lock(workbook_file).pid == os.getpid()


def test_recovery_content_matches_open_workbook_bytes(window, workbook_file):
    window.files.open(workbook_file)
    edit_organisation(window.document, "Contoso")
    written = window.files.autosave()
    assert written is not None
    assert written.read_bytes() == dumps(window.document.workbook)
