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

A lock that cannot be read (not JSON, a process id no system has, a time in year 9999, a
folder in its place) protects nothing: `lock_problem` says what is wrong with it, and it is
treated as stale. The lock sits beside the workbook's real file (symlinks resolved), so
everyone who opens it through any link finds the same lock.

A lock is removed only by its owner. "Open anyway" takes a live lock over but remembers
the holder it displaced; releasing it hands the lock back to that holder while they are
still live, so the first user stays protected after the second closes.
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
from typing import Any

from planning.paths import real_path

REFRESH_SECONDS = 5 * 60
STALE_AFTER_SECONDS = 30 * 60


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    time: datetime
    # When the process started (Linux: ticks since boot), so a process id reused by another
    # program after a crash is not mistaken for the holder. None where unknown.
    started: str | None = None
    displaced: LockInfo | None = None

    def describe(self) -> str:
        """One line a PMO leader can read: who, where and since when."""
        try:
            when = self.time.astimezone().strftime("%Y-%m-%d %H:%M")
        except (OverflowError, ValueError, OSError):
            when = self.time.isoformat()
        return f"{self.user} on {self.host} (process {self.pid}) since {when}"

    def is_mine(self) -> bool:
        return self.host == _host() and self.pid == os.getpid()


class LockedError(Exception):
    """The workbook is held by a live lock of someone else."""

    def __init__(self, info: LockInfo) -> None:
        super().__init__(f"The workbook is open by {info.describe()}.")
        self.info = info


# Larger than any process id a system hands out (Linux caps them at 2^22, Windows at 2^32).
MAX_PID = 2**32
# A lock stamped further in the future than this is garbage, not a clock a bit ahead.
MAX_CLOCK_AHEAD = timedelta(days=1)
MAX_LOCK_BYTES = 64 * 1024


class UnreadableLockError(ValueError):
    """A lock file that exists but says nothing usable."""


def lock_path(workbook_path: Path) -> Path:
    real = real_path(workbook_path)
    return real.with_name(f".~{real.name}.lock")


def current_info() -> LockInfo:
    pid = os.getpid()
    return LockInfo(_user(), _host(), pid, datetime.now(UTC), process_started(pid))


def read_lock(workbook_path: Path) -> LockInfo | None:
    """The lock beside `workbook_path`, or None when there is none or it is unreadable
    (an unreadable lock protects nothing and is treated as stale)."""
    try:
        return _read(lock_path(workbook_path))
    except (OSError, UnreadableLockError):
        return None


def lock_problem(workbook_path: Path) -> str | None:
    """Why the lock beside `workbook_path` cannot be read, or None (no lock, or a good one):
    one line to show the user before the lock is ignored."""
    path = lock_path(workbook_path)
    try:
        _read(path)
    except FileNotFoundError:
        return None
    except (OSError, UnreadableLockError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return f"The lock file {path.name} is unreadable ({reason}); it is ignored."
    return None


def _read(path: Path) -> LockInfo:
    with open(path, "rb") as handle:
        raw = handle.read(MAX_LOCK_BYTES + 1)
    if len(raw) > MAX_LOCK_BYTES:
        raise UnreadableLockError("too large to be a lock")
    try:
        data = json.loads(raw.decode("utf-8"))
        return _info(data, depth=0)
    except UnreadableLockError:
        raise
    except (ValueError, KeyError, TypeError, OverflowError, RecursionError) as exc:
        raise UnreadableLockError("not a lock written by PMO Workbook") from exc


def _info(data: Any, depth: int) -> LockInfo:
    if not isinstance(data, dict):
        raise UnreadableLockError("not a lock written by PMO Workbook")
    pid = int(data["pid"])
    if not 0 < pid < MAX_PID:
        raise UnreadableLockError(f"process id {pid} is impossible")
    time = datetime.fromisoformat(str(data["time"]))
    time = time.astimezone(UTC) if time.tzinfo else time.replace(tzinfo=UTC)
    if time - datetime.now(UTC) > MAX_CLOCK_AHEAD:
        raise UnreadableLockError(f"its time {time:%Y-%m-%d} is in the future")
    started = data.get("started")
    return LockInfo(
        user=str(data["user"]),
        host=str(data["host"]),
        pid=pid,
        time=time,
        started=str(started) if started is not None else None,
        displaced=_displaced(data.get("displaced")) if depth == 0 else None,
    )


def _displaced(data: Any) -> LockInfo | None:
    """The holder an "open anyway" displaced; a garbage one is forgotten, while the lock
    itself still holds."""
    if not data:
        return None
    try:
        return _info(data, depth=1)
    except (ValueError, KeyError, TypeError, OverflowError):
        return None


def is_live(info: LockInfo, now: datetime | None = None) -> bool:
    if info.host == _host():
        if not _process_running(info.pid):
            return False
        # The id now names another program: the holder is gone.
        current = process_started(info.pid)
        return info.started is None or current is None or current == info.started
    now = now or datetime.now(UTC)
    time = info.time if info.time.tzinfo else info.time.replace(tzinfo=UTC)
    return now - time < timedelta(seconds=STALE_AFTER_SECONDS)


def process_started(pid: int) -> str | None:
    """When process `pid` started, as an opaque token (Linux /proc), or None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[-1].split()[19]
    except (OSError, IndexError, ValueError):
        return None


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
        info = read_lock(self.workbook_path)
        if info is not None and info.is_mine():
            fresh = LockInfo(*_fields(current_info()), displaced=info.displaced)
            with contextlib.suppress(OSError):
                _write(self.path, fresh, exclusive=False)

    def held(self) -> bool:
        info = read_lock(self.workbook_path)
        return info is not None and info.is_mine()

    def release(self) -> None:
        """Remove the lock if it is still ours, or hand it back to the holder "open anyway"
        displaced while they still have the workbook open."""
        info = read_lock(self.workbook_path)
        if info is None:
            return
        if not info.is_mine():
            if info.displaced is not None and info.displaced.is_mine():
                # We were displaced and now close: the holder must not hand the lock back
                # to us. Their lock itself stays as it is.
                with contextlib.suppress(OSError):
                    _write(self.path, LockInfo(*_fields(info)), exclusive=False)
            return
        with contextlib.suppress(OSError):
            if info.displaced is not None and is_live(info.displaced):
                _write(self.path, info.displaced, exclusive=False)
            else:
                self.path.unlink()


def acquire(workbook_path: Path, *, force: bool = False) -> WorkbookLock | None:
    """Take the lock beside `workbook_path`.

    Raises LockedError when someone else holds a live lock, unless `force` (the user chose
    "open anyway"). Stale locks are replaced. Returns None when the folder takes no lock.
    """
    path = lock_path(workbook_path)
    displaced: LockInfo | None = None
    for _ in range(3):
        try:
            mine = current_info()
            _write(path, LockInfo(*_fields(mine), displaced=displaced), exclusive=True)
            return WorkbookLock(workbook_path)
        except FileExistsError:
            info = read_lock(workbook_path)
            if info is not None and not info.is_mine() and is_live(info):
                if not force:
                    raise LockedError(info) from None
                displaced = LockInfo(*_fields(info))
            # Stale, unreadable, ours already, or taken over on purpose: replace it. A
            # colleague racing us for the same stale lock makes the exclusive create fail
            # again, and the loop reads their fresh lock.
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                return None  # a folder in its place, or no permission: no lock to take
        except OSError:
            return None
    return None


def _fields(info: LockInfo) -> tuple[str, str, int, datetime, str | None]:
    return (info.user, info.host, info.pid, info.time, info.started)


def _as_json(info: LockInfo) -> dict[str, Any]:
    data: dict[str, Any] = {
        "user": info.user,
        "host": info.host,
        "pid": info.pid,
        "time": info.time.isoformat(),
    }
    if info.started is not None:
        data["started"] = info.started
    if info.displaced is not None:
        data["displaced"] = _as_json(info.displaced)
    return data


def _write(path: Path, info: LockInfo, *, exclusive: bool) -> None:
    data = json.dumps(_as_json(info)).encode("utf-8")
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
    except OverflowError:
        return False
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
