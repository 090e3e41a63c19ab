"""Issue 16 in the desktop app: a file changed on disk is not silently overwritten, garbage
locks and special files are messages (never a crash), "open anyway" leaves the first user's
lock to them, saving goes through symlinks, and read-only or over-size saves are refused
with the old file untouched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import app_support
import pytest
from app_support import edit_organisation
from conftest import LATER_SAMPLE, ROOT

from planning import fileformat, lockfile
from planning.fileformat import load_workbook, save_workbook

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
window = app_support.window
scripted = app_support.scripted

HOLD_LOCK = """
import sys
from pathlib import Path
from planning import lockfile
lock = lockfile.acquire(Path(sys.argv[1]))
print("locked", flush=True)
sys.stdin.readline()
lock.release()
"""


@pytest.fixture
def workbook_file(tmp_path: Path) -> Path:
    path = tmp_path / "northwind.pmowb"
    shutil.copy(LATER_SAMPLE, path)
    return path


def _change_on_disk(path: Path, organisation: str) -> bytes:
    """What `import-tracker` or a colleague does: a new complete version of the file."""
    other = load_workbook(path)
    other.setup.organisation = organisation
    save_workbook(other, path)
    return path.read_bytes()


def test_touch_alone_does_not_ask(window, scripted, workbook_file):
    window.files.open(workbook_file)
    edit_organisation(window.document, "Mine")
    ahead = time.time() + 3600
    os.utime(workbook_file, (ahead, ahead))
    window.named_actions["save"].trigger()
    assert "ask_changed_on_disk" not in scripted.names()
    assert load_workbook(workbook_file).setup.organisation == "Mine"


def test_file_changed_on_disk_asks_and_cancel_keeps_their_change(window, scripted, workbook_file):
    window.files.open(workbook_file)
    edit_organisation(window.document, "Mine")
    theirs = _change_on_disk(workbook_file, "Theirs")
    scripted.answer("ask_changed_on_disk", "cancel")
    window.named_actions["save"].trigger()
    assert scripted.calls[-1][1][1] == "northwind.pmowb"
    assert workbook_file.read_bytes() == theirs
    assert window.document.is_modified()


def test_file_changed_on_disk_save_as_keeps_both(window, scripted, workbook_file, tmp_path):
    window.files.open(workbook_file)
    edit_organisation(window.document, "Mine")
    theirs = _change_on_disk(workbook_file, "Theirs")
    copy = tmp_path / "mine.pmowb"
    scripted.answer("ask_changed_on_disk", "save_as")
    scripted.answer("ask_save_path", copy)
    window.named_actions["save"].trigger()
    assert workbook_file.read_bytes() == theirs
    assert load_workbook(copy).setup.organisation == "Mine"
    assert window.document.path == copy and not window.document.is_modified()


def test_file_changed_on_disk_replace_then_next_save_does_not_ask(window, scripted, workbook_file):
    window.files.open(workbook_file)
    edit_organisation(window.document, "Mine")
    _change_on_disk(workbook_file, "Theirs")
    scripted.answer("ask_changed_on_disk", "overwrite")
    window.named_actions["save"].trigger()
    assert load_workbook(workbook_file).setup.organisation == "Mine"
    edit_organisation(window.document, "Mine again")
    window.named_actions["save"].trigger()  # the file is as we saved it: no question
    assert scripted.names().count("ask_changed_on_disk") == 1
    assert load_workbook(workbook_file).setup.organisation == "Mine again"


@pytest.mark.parametrize("garbage", ["pid", "directory"])
def test_garbage_lock_is_reported_and_the_workbook_opens(window, scripted, workbook_file, garbage):
    lock = lockfile.lock_path(workbook_file)
    if garbage == "directory":
        lock.mkdir()
    else:
        lock.write_text(
            f'{{"user": "x", "host": "{lockfile._host()}", "pid": {2**40}, '
            '"time": "9999-12-31T23:59:59-05:00"}',
            "utf-8",
        )
    assert window.files.open(workbook_file)
    assert scripted.names() == ["show_info"]
    assert "is unreadable" in scripted.calls[0][1][2]
    assert window.document.path == workbook_file
    window.named_actions["close"].trigger()


def test_open_anyway_and_close_leaves_the_first_users_lock(window, scripted, workbook_file):
    first = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(workbook_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert first.stdout.readline().strip() == "locked"
        scripted.answer("ask_locked", "open_anyway")
        assert window.files.open(workbook_file)
        assert lockfile.read_lock(workbook_file).pid == os.getpid()
        window.named_actions["close"].trigger()
        holder = lockfile.live_lock(workbook_file)
        assert holder is not None and holder.pid == first.pid, "the first user keeps theirs"
    finally:
        first.communicate("close\n", timeout=30)
    assert not lockfile.lock_path(workbook_file).exists()


def test_saving_through_a_symlink_changes_the_shared_file(window, workbook_file, tmp_path):
    link_folder = tmp_path / "desktop"
    link_folder.mkdir()
    link = link_folder / "shortcut.pmowb"
    link.symlink_to(workbook_file)
    assert window.files.open(link)
    assert lockfile.lock_path(workbook_file).exists(), "the lock is beside the real file"
    assert not (link_folder / ".~shortcut.pmowb.lock").exists()
    edit_organisation(window.document, "Through the link")
    window.named_actions["save"].trigger()
    assert link.is_symlink()
    assert load_workbook(workbook_file).setup.organisation == "Through the link"


def test_opening_the_same_file_through_a_link_is_the_same_workbook(window, workbook_file):
    link = workbook_file.with_name("alias.pmowb")
    link.symlink_to(workbook_file)
    window.files.open(workbook_file)
    edit_organisation(window.document, "Unsaved")
    assert window.files.open(link), "already open: nothing asked, nothing lost"
    assert window.document.workbook.setup.organisation == "Unsaved"
    assert window.settings.recent_files() == [workbook_file]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_read_only_workbook_save_is_refused_with_a_clear_message(window, scripted, workbook_file):
    window.files.open(workbook_file)
    workbook_file.chmod(0o444)
    before = workbook_file.read_bytes()
    edit_organisation(window.document, "Contoso")
    window.named_actions["save"].trigger()
    assert "the file is read-only" in scripted.take_errors()[0]
    assert workbook_file.read_bytes() == before
    assert window.document.is_modified()


def test_over_size_save_is_refused_and_the_old_file_kept(
    window, scripted, workbook_file, monkeypatch
):
    window.files.open(workbook_file)
    before = workbook_file.read_bytes()
    monkeypatch.setattr(fileformat, "MAX_FILE_BYTES", len(before) + 100)
    window.document.workbook.objectives[0].comments = "x" * 500
    edit_organisation(window.document, "Contoso")
    window.named_actions["save"].trigger()
    message = scripted.take_errors()[0]
    assert "a workbook file may hold" in message and "previous file is unchanged" in message
    assert workbook_file.read_bytes() == before
    assert window.document.is_modified()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_opening_dev_zero_is_a_message_within_a_second(window, scripted):
    started = time.monotonic()
    assert not window.files.open(Path("/dev/zero"))
    assert time.monotonic() - started < 1
    assert "not a regular file" in scripted.take_errors()[0]


def test_recent_files_treat_a_link_and_its_target_as_one(workbook_file, tmp_path):
    """One path identity (planning.paths): adding and removing agree with de-duplicating."""
    from ui.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    link = tmp_path / "link.pmowb"
    link.symlink_to(workbook_file)
    settings.add_recent_file(workbook_file)
    settings.add_recent_file(link)
    assert settings.recent_files() == [link]
    settings.remove_recent_file(workbook_file)
    assert settings.recent_files() == []
