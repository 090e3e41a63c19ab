"""One atomic writer for every file the app produces: workbooks, trackers and charters.

The bytes are complete in memory before the destination is touched; they go to a temporary
file in the same folder, are flushed and fsynced, then replace the destination in one
rename. A failure at any point leaves the previous file byte-identical.

The destination is the path with symlinks resolved: saving through a link writes the file
it points to and keeps the link. A read-only destination is refused, never replaced (the
rename would otherwise succeed, since it needs only the folder's permission).

The temporary file is `.<name>.<random>.tmp`, held under an advisory lock while written.
A save killed mid-way leaves one behind; the next save in that folder removes those of
this pattern older than a day that no live process holds.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from planning.errors import SaveError
from planning.paths import real_path

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

LEFTOVER_AGE_SECONDS = 24 * 60 * 60
# mkstemp's random part: 8 characters of [a-z0-9_].
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    target = real_path(path)
    folder = target.parent
    if target.is_dir():
        raise SaveError(f"Cannot save to {target}: it is a folder.")
    _refuse_read_only(target)
    _clean_leftovers(folder)
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise SaveError(_describe(exc, target)) from exc
    _hold(fd)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(target, temp_name)
        os.replace(temp_name, target)
    except OSError as exc:
        _discard(temp_name)
        raise SaveError(_describe(exc, target)) from exc
    except BaseException:
        _discard(temp_name)
        raise
    _sync_folder(folder)


def _refuse_read_only(target: Path) -> None:
    try:
        info = os.stat(target)
    except OSError:
        return  # a new file, or one the write itself will report on
    # Checked by the mode bits too: for root, os.access says every file is writable.
    if not info.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise SaveError(
            f"Cannot save {target.name}: the file is read-only. Save under another name, or "
            "make it writable first. The file is unchanged."
        )


def _hold(fd: int) -> None:
    """Mark the temporary file as in use, so another save's clean-up leaves it alone."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _clean_leftovers(folder: Path) -> None:
    """Remove temporary files of ours that a killed save left: older than a day and held
    by no live process. Never fails a save."""
    cutoff = time.time() - LEFTOVER_AGE_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_mtime > cutoff:
                continue
            if _held_by_someone(entry.path):
                continue
            os.unlink(entry.path)
        except OSError:
            continue


def _held_by_someone(path: str) -> bool:
    if fcntl is None:
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _keep_mode(target: Path, temp_name: str) -> None:
    try:
        os.chmod(temp_name, os.stat(target).st_mode & 0o7777)
    except FileNotFoundError:
        os.chmod(temp_name, 0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _discard(temp_name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp_name)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _describe(exc: OSError, target: Path) -> str:
    where = target.parent.resolve() if str(target.parent) else Path.cwd()
    if exc.errno == errno.ENOSPC:
        return f"Cannot save {target.name}: the disk is full. The previous file is unchanged."
    if exc.errno == errno.ENOENT:
        return f"Cannot save {target.name}: the folder {where} does not exist."
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return (
            f"Cannot save {target.name}: no permission to write in {where}, or the file is "
            "open in another program. Close it or choose another folder."
        )
    if exc.errno == errno.EROFS:
        return f"Cannot save {target.name}: {where} is read-only."
    return f"Cannot save {target.name}: {exc.strerror or exc}."
