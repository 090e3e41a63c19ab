"""The lock file beside an open workbook: who holds it, live or stale, taken and released."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from planning import lockfile
from planning.lockfile import LockedError, LockInfo


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "review.pmowb"
    path.write_text("{}", "utf-8")
    return path


def _write_lock(
    workbook: Path, *, host: str, pid: int, time: datetime, user: str = "colleague"
) -> None:
    lockfile.lock_path(workbook).write_text(
        json.dumps({"user": user, "host": host, "pid": pid, "time": time.isoformat()}), "utf-8"
    )


@pytest.fixture
def sleeper():
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process
    process.kill()
    process.wait()


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_lock_file_sits_beside_the_workbook_hidden(workbook):
    assert lockfile.lock_path(workbook) == workbook.parent / ".~review.pmowb.lock"


def test_acquire_writes_user_host_pid_time_and_release_removes(workbook):
    lock = lockfile.acquire(workbook)
    assert lock is not None and lock.held()
    info = lockfile.read_lock(workbook)
    assert info.pid == os.getpid() and info.host == lockfile._host()
    assert info.user == lockfile._user()
    assert abs(datetime.now(UTC) - info.time) < timedelta(seconds=10)
    lock.release()
    assert not lockfile.lock_path(workbook).exists()


def test_live_lock_of_another_process_on_this_host_is_refused(workbook, sleeper):
    now = datetime.now(UTC)
    _write_lock(workbook, host=lockfile._host(), pid=sleeper.pid, time=now)
    holder = lockfile.live_lock(workbook)
    assert holder == LockInfo(
        "colleague", lockfile._host(), sleeper.pid, datetime.fromisoformat(now.isoformat())
    )
    with pytest.raises(LockedError) as refused:
        lockfile.acquire(workbook)
    assert refused.value.info.pid == sleeper.pid
    assert f"colleague on {lockfile._host()} (process {sleeper.pid})" in str(refused.value)
    assert lockfile.read_lock(workbook).pid == sleeper.pid, "refusing leaves their lock"


def test_open_anyway_takes_a_live_lock_over(workbook, sleeper):
    _write_lock(workbook, host=lockfile._host(), pid=sleeper.pid, time=datetime.now(UTC))
    lock = lockfile.acquire(workbook, force=True)
    assert lock is not None and lockfile.read_lock(workbook).pid == os.getpid()


def test_lock_of_a_dead_process_on_this_host_is_stale_and_replaced(workbook):
    _write_lock(workbook, host=lockfile._host(), pid=_dead_pid(), time=datetime.now(UTC))
    assert lockfile.live_lock(workbook) is None
    assert lockfile.acquire(workbook) is not None
    assert lockfile.read_lock(workbook).pid == os.getpid()


def test_lock_from_another_host_is_live_until_it_stops_being_refreshed(workbook):
    fresh = datetime.now(UTC) - timedelta(seconds=lockfile.REFRESH_SECONDS)
    _write_lock(workbook, host="laptop-of-colleague", pid=4242, time=fresh)
    assert lockfile.live_lock(workbook).host == "laptop-of-colleague"
    with pytest.raises(LockedError):
        lockfile.acquire(workbook)
    old = datetime.now(UTC) - timedelta(seconds=lockfile.STALE_AFTER_SECONDS + 1)
    _write_lock(workbook, host="laptop-of-colleague", pid=4242, time=old)
    assert lockfile.live_lock(workbook) is None
    assert lockfile.acquire(workbook) is not None


def test_refresh_rewrites_the_time_only_while_the_lock_is_ours(workbook, sleeper):
    lock = lockfile.acquire(workbook)
    old = datetime.now(UTC) - timedelta(hours=1)
    _write_lock(workbook, host=lockfile._host(), pid=os.getpid(), time=old, user="me")
    lock.refresh()
    assert datetime.now(UTC) - lockfile.read_lock(workbook).time < timedelta(seconds=10)
    _write_lock(workbook, host=lockfile._host(), pid=sleeper.pid, time=old)
    lock.refresh()
    lock.release()
    assert lockfile.read_lock(workbook).pid == sleeper.pid, "never touch someone else's lock"


@pytest.mark.parametrize(
    "content",
    [
        "",
        "not json",
        '{"user": "x"}',
        "[1, 2]",
        '{"user": "a", "host": "b", "pid": "x", "time": "t"}',
    ],
)
def test_unreadable_lock_protects_nothing(workbook, content):
    lockfile.lock_path(workbook).write_text(content, "utf-8")
    assert lockfile.read_lock(workbook) is None
    assert lockfile.acquire(workbook) is not None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_folder_without_write_permission_opens_without_lock(workbook):
    workbook.parent.chmod(0o555)
    try:
        assert lockfile.acquire(workbook) is None
    finally:
        workbook.parent.chmod(0o755)


def test_describe_is_readable():
    info = LockInfo("ana", "pc-7", 12, datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
    text = info.describe()
    assert text.startswith("ana on pc-7 (process 12) since 2026-03-01 ")
