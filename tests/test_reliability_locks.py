"""Issue 16: garbage lock files, locks only removed by their owner, locks beside a symlink's
target, and command-line outputs that are inputs or held by a running process — with real
processes holding the locks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import LATER_SAMPLE, ROOT

from planning import lockfile

HOLD_LOCK = """
import sys, time
from pathlib import Path
from planning import lockfile
lock = lockfile.acquire(Path(sys.argv[1]), force=sys.argv[2] == "force")
print("locked" if lock else "none", flush=True)
line = sys.stdin.readline()
if lock is not None:
    lock.release()
print("released", flush=True)
"""


class Holder:
    """Another app, in its own process, holding (or forcing) the lock of a workbook."""

    def __init__(self, workbook: Path, *, force: bool = False) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(workbook), "force" if force else "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert self.process.stdout.readline().strip() == "locked"
        self.pid = self.process.pid

    def close(self) -> None:
        self.process.stdin.write("close\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "released"
        self.process.communicate(timeout=30)

    def kill(self) -> None:
        self.process.kill()
        self.process.communicate()


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "review.pmowb"
    shutil.copy(LATER_SAMPLE, path)
    return path


def _write_lock_text(workbook: Path, text: str) -> None:
    lockfile.lock_path(workbook).write_text(text, "utf-8")


def _lock(pid: object, time: str) -> str:
    return json.dumps({"user": "x", "host": lockfile._host(), "pid": pid, "time": time})


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (_lock(2**40, datetime.now(UTC).isoformat()), "process id 1099511627776 is impossible"),
        (_lock(1, "9999-12-31T23:59:59-05:00"), "not a lock written by PMO Workbook"),
        (_lock(1, "9999-12-30T23:59:59+05:00"), "in the future"),
        ("[" * 10_000, "not a lock written by PMO Workbook"),
        ("[" * 100_000, "too large to be a lock"),
    ],
    ids=["pid 2^40", "year 9999 past the end of time", "year 9999", "deep", "large"],
)
def test_garbage_lock_is_reported_and_treated_as_stale(workbook: Path, content, reason) -> None:
    _write_lock_text(workbook, content)
    assert lockfile.read_lock(workbook) is None
    assert lockfile.live_lock(workbook) is None
    problem = lockfile.lock_problem(workbook)
    assert problem is not None and reason in problem and "it is ignored" in problem
    lock = lockfile.acquire(workbook)
    assert lock is not None and lockfile.read_lock(workbook).pid == os.getpid()


def test_a_folder_where_the_lock_should_be_opens_without_a_lock(workbook: Path) -> None:
    lockfile.lock_path(workbook).mkdir()
    assert lockfile.live_lock(workbook) is None
    assert "is unreadable" in lockfile.lock_problem(workbook)
    assert lockfile.acquire(workbook) is None
    assert lockfile.lock_path(workbook).is_dir(), "nothing of someone else's is removed"


def test_describe_survives_a_time_at_the_end_of_the_calendar() -> None:
    info = lockfile.LockInfo("x", "h", 1, datetime(9999, 12, 31, 23, 0, tzinfo=UTC))
    assert info.describe().startswith("x on h (process 1) since 9999-12-31")


def test_open_anyway_then_close_hands_the_lock_back_to_the_first_user(workbook: Path) -> None:
    first = Holder(workbook)
    try:
        second = Holder(workbook, force=True)
        assert lockfile.read_lock(workbook).pid == second.pid
        second.close()
        assert lockfile.read_lock(workbook).pid == first.pid, "the first user's lock is back"
        assert lockfile.live_lock(workbook).pid == first.pid
    finally:
        first.close()
    assert not lockfile.lock_path(workbook).exists(), "the owner removes its own lock"


def test_first_user_closing_first_is_not_handed_the_lock_back(workbook: Path) -> None:
    first = Holder(workbook)
    second = Holder(workbook, force=True)
    first.close()
    assert lockfile.read_lock(workbook).pid == second.pid, "their lock stays theirs"
    assert lockfile.read_lock(workbook).displaced is None
    second.close()
    assert not lockfile.lock_path(workbook).exists()


def test_open_anyway_after_the_first_user_crashed_leaves_no_lock(workbook: Path) -> None:
    first = Holder(workbook)
    second = Holder(workbook, force=True)
    first.kill()
    second.close()
    assert not lockfile.lock_path(workbook).exists()


def test_a_process_id_reused_by_another_program_does_not_hold_the_lock(workbook: Path) -> None:
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as other:
        try:
            started = lockfile.process_started(other.pid)
            if started is None:
                pytest.skip("no process start times on this system")
            text = json.loads(_lock(other.pid, datetime.now(UTC).isoformat()))
            text["started"] = str(int(started) - 100)  # the holder started earlier
            _write_lock_text(workbook, json.dumps(text))
            assert lockfile.live_lock(workbook) is None
            text["started"] = started
            _write_lock_text(workbook, json.dumps(text))
            assert lockfile.live_lock(workbook).pid == other.pid
        finally:
            other.kill()


def test_lock_sits_beside_the_target_of_a_symlink(tmp_path: Path, workbook: Path) -> None:
    link = tmp_path / "elsewhere" / "link.pmowb"
    link.parent.mkdir()
    link.symlink_to(workbook)
    lock = lockfile.acquire(link)
    assert lockfile.lock_path(link) == workbook.parent / ".~review.pmowb.lock"
    holder = lockfile.read_lock(workbook)
    assert holder is not None and holder.pid == os.getpid()
    lock.release()


# --- item 3: command-line outputs --------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _refused(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr


def test_export_refuses_to_write_the_tracker_over_its_workbook(workbook: Path) -> None:
    before = workbook.read_bytes()
    inputs = "is one of the command's inputs"
    _refused(run("export", str(workbook), "--xlsx", str(workbook)), inputs)
    link = workbook.with_name("alias.xlsx")
    link.symlink_to(workbook)
    _refused(run("export", str(workbook), "--docx", str(link)), inputs)
    assert workbook.read_bytes() == before


def test_new_year_refuses_an_output_a_running_app_holds(tmp_path: Path, workbook: Path) -> None:
    out = tmp_path / "next.pmowb"
    holder = Holder(out)
    try:
        _refused(run("new-year", str(workbook), "--out", str(out)), f"(process {holder.pid})")
        assert not out.exists()
        forced = run("new-year", str(workbook), "--out", str(out), "--force")
        assert forced.returncode == 0 and out.exists(), forced.stderr
        _refused(run("new-year", str(workbook), "--out", str(out)), "already exists")
    finally:
        holder.close()


def test_import_tracker_refuses_a_workbook_a_running_app_holds(
    tmp_path: Path, workbook: Path
) -> None:
    before = workbook.read_bytes()
    holder = Holder(workbook)
    try:
        result = run("import-tracker", str(workbook), str(tmp_path / "t.xlsx"))
        _refused(result, f"(process {holder.pid})")
        assert "close it there first" in result.stderr
    finally:
        holder.close()
    assert workbook.read_bytes() == before


def test_garbage_lock_beside_an_output_is_a_note_not_a_crash(tmp_path: Path) -> None:
    out = tmp_path / "next.pmowb"
    lockfile.lock_path(out).write_text(_lock(2**40, "x"), "utf-8")
    result = run("new-year", str(LATER_SAMPLE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "note: The lock file .~next.pmowb.lock is unreadable" in result.stderr


def _tracker_with_a_change(workbook: Path, tmp_path: Path) -> Path:
    import openpyxl

    from exporters.tracker import write_tracker
    from exporters.tracker_layout import objective_column
    from planning.fileformat import load_workbook

    tracker = tmp_path / "tracker.xlsx"
    write_tracker(load_workbook(workbook), tracker)
    book = openpyxl.load_workbook(tracker)
    book["Objectives"].cell(2, objective_column("comments")).value = "From the owner"
    book.save(tracker)
    return tracker


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_import_tracker_refuses_a_read_only_workbook(tmp_path: Path, workbook: Path, capsys):
    import main

    tracker = _tracker_with_a_change(workbook, tmp_path)
    workbook.chmod(0o444)
    before = workbook.read_bytes()
    assert main.main(["import-tracker", str(workbook), str(tracker)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "review.pmowb: the file is read-only" in err
    assert workbook.read_bytes() == before


def test_import_tracker_through_a_symlink_updates_the_target(tmp_path: Path, workbook: Path):
    import main
    from planning.fileformat import load_workbook

    tracker = _tracker_with_a_change(workbook, tmp_path)
    link = tmp_path / "link.pmowb"
    link.symlink_to(workbook)
    assert main.main(["import-tracker", str(link), str(tracker)]) == 0
    assert link.is_symlink()
    assert "From the owner" in [o.comments for o in load_workbook(workbook).objectives]


def test_a_garbage_displaced_holder_does_not_void_a_live_lock(workbook: Path) -> None:
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as other:
        try:
            text = json.loads(_lock(other.pid, datetime.now(UTC).isoformat()))
            text["displaced"] = {"user": "y", "host": "h", "pid": 2**40, "time": "x"}
            _write_lock_text(workbook, json.dumps(text))
            holder = lockfile.live_lock(workbook)
            assert holder is not None and holder.pid == other.pid and holder.displaced is None
        finally:
            other.kill()
