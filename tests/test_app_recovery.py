"""Autosave, crash recovery and the emergency save of unexpected errors — including a real
crash: the app in a subprocess, killed with SIGKILL after an autosave."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import app_support
import pytest
from app_support import edit_organisation
from conftest import LATER_SAMPLE, ROOT

from planning import lockfile
from planning.fileformat import load_workbook
from ui.errors import ExceptionHook
from ui.main_window import MainWindow
from ui.recovery import find_recoveries, recovery_folder
from ui.settings import AUTOSAVE_ENV

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
window = app_support.window
scripted = app_support.scripted

CRASHING_APP = """
import sys
from pathlib import Path

from ui.app import create_application, start_main_window
from ui.commands import SetValue
from ui.document import Change

app = create_application([])
window = start_main_window(Path(sys.argv[1]))
document = window.document
document.push(SetValue(document, lambda wb: wb.setup, "organisation", "Typed before the crash",
                       Change.SETUP, "Edit organisation"))
print("edited", flush=True)
sys.exit(app.exec())
"""


@pytest.fixture
def workbook_file(tmp_path: Path) -> Path:
    path = tmp_path / "northwind.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    return path


def _recovery_files() -> list[Path]:
    folder = recovery_folder()
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_recovery_after_a_real_crash_is_offered_and_restored(
    workbook_file, tmp_path, scripted, qtbot
):
    before = workbook_file.read_bytes()
    env = {**os.environ, AUTOSAVE_ENV: "1", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    script = tmp_path / "crashing_app.py"
    script.write_text(CRASHING_APP, "utf-8")
    app = subprocess.Popen(
        [sys.executable, str(script), str(workbook_file)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not any(p.suffix == ".json" for p in _recovery_files()):
            assert app.poll() is None, app.communicate()[1]
            assert time.monotonic() < deadline, "no autosave within 60 s"
            time.sleep(0.1)
        assert lockfile.read_lock(workbook_file).pid == app.pid
    finally:
        app.send_signal(signal.SIGKILL)
        app.communicate()
    assert app.returncode == -signal.SIGKILL
    assert workbook_file.read_bytes() == before, "the crash did not touch the workbook"

    # A new start finds the recovery and restores it.
    scripted.answer("ask_restore", "restore")
    main = MainWindow()
    main.show()
    try:
        main.start(workbook_file)
        assert scripted.names() == ["ask_restore"]
        description = scripted.calls[0][1][1]
        assert (
            description.startswith("Typed before the crash · FY2027 (")
            and str(workbook_file) in description
        )
        assert main.document.workbook.setup.organisation == "Typed before the crash"
        assert main.document.path == workbook_file
        assert main.document.is_modified() and main.isWindowModified()
        assert main.windowTitle() == "northwind.pmowb[*] — FY2027 — PMO Workbook"
        assert lockfile.read_lock(workbook_file).pid == os.getpid(), "the dead lock is replaced"

        main.named_actions["save"].trigger()
        assert load_workbook(workbook_file).setup.organisation == "Typed before the crash"
        assert _recovery_files() == [], "a clean save removes the recovery"
    finally:
        main.document.undo_stack.setClean()
        main.close()
        main.deleteLater()


def test_autosave_writes_only_while_modified_and_close_removes_it(window, workbook_file, qtbot):
    window.files.open(workbook_file)
    window.autosave_timer.setInterval(50)
    qtbot.wait(200)
    assert _recovery_files() == [], "nothing to recover while unmodified"
    edit_organisation(window.document, "Contoso")
    qtbot.waitUntil(lambda: len(_recovery_files()) == 2)
    data = next(p for p in _recovery_files() if p.suffix == ".pmowb")
    meta = json.loads(data.with_suffix(".json").read_text("utf-8"))
    assert meta["original"] == str(workbook_file) and meta["pid"] == os.getpid()
    assert load_workbook(data).setup.organisation == "Contoso"
    window.document.undo_stack.setClean()
    window.named_actions["close"].trigger()
    assert _recovery_files() == []


def test_never_saved_workbook_is_recovered_as_untitled(window, scripted, qtbot):
    window.named_actions["new"].trigger()
    edit_organisation(window.document, "Fabrikam")
    window.files.autosave()
    window.files.has_workbook = False  # as if the process had died: nothing cleans up
    recoveries = find_recoveries()
    assert [r.original for r in recoveries] == [None]
    assert "a workbook that was never saved" in recoveries[0].describe()

    scripted.answer("ask_restore", "restore")
    other = MainWindow()
    try:
        assert other.files.offer_recoveries()
        assert other.document.path is None and other.document.is_modified()
        assert other.document.workbook.setup.organisation == "Fabrikam"
        assert other.windowTitle().startswith("Recovered.pmowb[*]")
    finally:
        other.document.undo_stack.setClean()
        other.close()
        other.deleteLater()


def test_recovery_identical_to_its_saved_workbook_is_not_offered(window, workbook_file):
    """Stale is decided by content (issue 16): a recovery byte for byte the saved file holds
    nothing unsaved, so it is cleaned away; an older modification time alone proves nothing
    (see test_reliability_recovery.py)."""
    window.files.open(workbook_file)
    edit_organisation(window.document, "Contoso")
    written = window.files.autosave()
    workbook_file.write_bytes(written.read_bytes())  # the same work was saved after all
    assert find_recoveries() == []
    assert not written.exists(), "a stale recovery is cleaned away"


def test_discard_removes_recovery_and_later_keeps_it(window, workbook_file, scripted):
    window.files.open(workbook_file)
    edit_organisation(window.document, "Contoso")
    window.files.autosave()
    window.files.has_workbook = False  # as if crashed
    scripted.answer("ask_restore", "later")
    assert not window.files.offer_recoveries()
    assert len(find_recoveries()) == 1
    scripted.answer("ask_restore", "discard")
    assert not window.files.offer_recoveries()
    assert find_recoveries() == [] and _recovery_files() == []
    window.files.has_workbook = True


def test_unexpected_exception_saves_to_recovery_first_then_says_so(
    window, workbook_file, scripted, capsys
):
    window.files.open(workbook_file)
    edit_organisation(window.document, "Contoso")
    hook = ExceptionHook(window.files.emergency_save)
    try:
        raise RuntimeError("page exploded")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    message = scripted.take_errors()[0]
    assert message.startswith("Something went wrong: page exploded.")
    assert "saved to the recovery folder" in message
    saved = next(p for p in _recovery_files() if p.suffix == ".pmowb")
    assert str(saved) in message
    assert load_workbook(saved).setup.organisation == "Contoso"
    assert "RuntimeError: page exploded" in capsys.readouterr().err
    assert window.document.workbook.setup.organisation == "Contoso", "nothing typed is lost"


def test_exception_hook_installs_and_uninstalls(window):
    hook = ExceptionHook(window.files.emergency_save)
    previous = sys.excepthook
    hook.install()
    try:
        assert sys.excepthook is hook
    finally:
        hook.uninstall()
    assert sys.excepthook is previous
