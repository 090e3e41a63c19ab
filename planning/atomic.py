"""One atomic writer for every file the app produces: workbooks, trackers and charters.

The bytes are complete in memory before the destination is touched; they go to a temporary
file in the same folder, are flushed and fsynced, then replace the destination in one
rename. A failure at any point leaves the previous file byte-identical.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from planning.errors import SaveError


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise SaveError(f"Cannot save to {target}: it is a folder.")
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise SaveError(_describe(exc, target)) from exc
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
