"""The lock file beside an open workbook: who holds it (user, host, process id, time).

A workbook on a shared drive may be opened by a colleague on another machine. The app that
opens a workbook writes `.~<name>.lock` next to it and removes it on close. Another app that
finds the lock asks whether it is *live*:

- held on this host: live while the process id is running;
- held on another host: live while the holder keeps refreshing it (every
  REFRESH_SECONDS); a lock not refreshed for STALE_AFTER_SECONDS is stale, because a
  crashed or switched-off machine never removes its lock.

Stale locks are ignored and replaced. A folder where no lock can be written (a read-only
share) does not stop anyone opening the workbook: `acquire` then returns None.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

REFRESH_SECONDS = 5 * 60
STALE_AFTER_SECONDS = 30 * 60


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    time: datetime

    def describe(self) -> str:
        """One line a PMO leader can read: who, where and since when."""
        when = self.time.astimezone().strftime("%Y-%m-%d %H:%M")
        return f"{self.user} on {self.host} (process {self.pid}) since {when}"

    def is_mine(self) -> bool:
        return self.host == _host() and self.pid == os.getpid()


class LockedError(Exception):
    """The workbook is held by a live lock of someone else."""

    def __init__(self, info: LockInfo) -> None:
        super().__init__(f"The workbook is open by {info.describe()}.")
        self.info = info


def lock_path(workbook_path: Path) -> Path:
    return workbook_path.with_name(f".~{workbook_path.name}.lock")


def current_info() -> LockInfo:
    return LockInfo(_user(), _host(), os.getpid(), datetime.now(UTC))


def read_lock(workbook_path: Path) -> LockInfo | None:
    """The lock beside `workbook_path`, or None when there is none or it is unreadable
    (an unreadable lock protects nothing and is treated as stale)."""
    try:
        data = json.loads(lock_path(workbook_path).read_text(encoding="utf-8"))
        return LockInfo(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            time=datetime.fromisoformat(str(data["time"])),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_live(info: LockInfo, now: datetime | None = None) -> bool:
    if info.host == _host():
        return _process_running(info.pid)
    now = now or datetime.now(UTC)
    time = info.time if info.time.tzinfo else info.time.replace(tzinfo=UTC)
    return now - time < timedelta(seconds=STALE_AFTER_SECONDS)


def live_lock(workbook_path: Path) -> LockInfo | None:
    """The lock of someone else that still holds the workbook, or None."""
    info = read_lock(workbook_path)
    if info is None or info.is_mine() or not is_live(info):
        return None
    return info


class WorkbookLock:
    """A lock this process holds; `release()` removes it only while it is still ours."""

    def __init__(self, workbook_path: Path) -> None:
        self.workbook_path = workbook_path
        self.path = lock_path(workbook_path)

    def refresh(self) -> None:
        """Rewrite the time so colleagues on other hosts see the lock is still live."""
        if self.held():
            with contextlib.suppress(OSError):
                _write(self.path, current_info(), exclusive=False)

    def held(self) -> bool:
        info = read_lock(self.workbook_path)
        return info is not None and info.is_mine()

    def release(self) -> None:
        if self.held():
            with contextlib.suppress(OSError):
                self.path.unlink()


def acquire(workbook_path: Path, *, force: bool = False) -> WorkbookLock | None:
    """Take the lock beside `workbook_path`.

    Raises LockedError when someone else holds a live lock, unless `force` (the user chose
    "open anyway"). Stale locks are replaced. Returns None when the folder takes no lock.
    """
    path = lock_path(workbook_path)
    for _ in range(3):
        try:
            _write(path, current_info(), exclusive=True)
            return WorkbookLock(workbook_path)
        except FileExistsError:
            info = read_lock(workbook_path)
            if info is not None and not info.is_mine() and is_live(info) and not force:
                raise LockedError(info) from None
            # Stale, unreadable, ours already, or taken over on purpose: replace it. A
            # colleague racing us for the same stale lock makes the exclusive create fail
            # again, and the loop reads their fresh lock.
            with contextlib.suppress(FileNotFoundError, PermissionError):
                path.unlink()
        except OSError:
            return None
    return None


def _write(path: Path, info: LockInfo, *, exclusive: bool) -> None:
    data = json.dumps(
        {"user": info.user, "host": info.host, "pid": info.pid, "time": info.time.isoformat()}
    ).encode("utf-8")
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    fd = os.open(path, flags, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _process_running(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return _windows_process_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # running, owned by another user
    except OSError:
        return False
    return _not_zombie(pid)


def _not_zombie(pid: int) -> bool:
    """A killed child not yet reaped by its parent is a zombie: it holds nothing."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def _windows_process_running(pid: int) -> bool:
    import ctypes

    process_query_limited_information = 0x1000
    still_active = 259
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return bool(code.value == still_active)
    finally:
        kernel32.CloseHandle(handle)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown user"


def _host() -> str:
    return socket.gethostname() or "unknown host"
