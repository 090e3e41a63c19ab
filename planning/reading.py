"""Reading a user's file whole, with one readable line for every way it can fail.

Shared by the workbook loader, the tracker import and the charter's organisation template:
each passes its own error type and the words for what the file should be.

Only regular files are read: a FIFO would block the open, and /dev/zero or /dev/urandom
never end while `stat` says they are empty. The read itself is bounded (never more than
`max_bytes` + 1 bytes), so a file that grows after `stat` cannot exhaust memory either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from planning.errors import WorkbookError

MB = 1024 * 1024
# The largest file any reader takes when it names no limit of its own.
DEFAULT_MAX_BYTES = 200 * MB
_CHUNK = 4 * MB


def read_user_file(
    path: Path, *, what: str, error: type[WorkbookError], max_bytes: int | None = None
) -> bytes:
    """The bytes of `path`; `what` names the expected file ("a tracker"). Files over
    `max_bytes` are refused, by their size before they are read and by the bytes read."""
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    try:
        _check_regular(path, what, error, os.stat(path))
        # O_NONBLOCK: a FIFO swapped in after the stat must not block the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            info = os.fstat(fd)
            _check_regular(path, what, error, info)
            if info.st_size > limit:
                raise _too_large(path, what, error, info.st_size)
            return _read_bounded(fd, path, what, error, limit)
        finally:
            os.close(fd)
    except FileNotFoundError as exc:
        raise error(f"{path} does not exist.") from exc
    except IsADirectoryError as exc:
        raise error(f"{path} is a folder, not {what}.") from exc
    except PermissionError as exc:
        raise error(f"No permission to read {path}.") from exc
    except OSError as exc:
        raise error(f"Cannot read {path}: {exc.strerror or exc}.") from exc


def _check_regular(path: Path, what: str, error: type[WorkbookError], info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise error(f"{path} is a folder, not {what}.")
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{path} is not a regular file (a device or a pipe), so not {what}.")


def _read_bounded(fd: int, path: Path, what: str, error: type[WorkbookError], limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise _too_large(path, what, error, limit, more=True)


def _too_large(
    path: Path, what: str, error: type[WorkbookError], size: int, *, more: bool = False
) -> WorkbookError:
    shown = f"{size // MB} MB" if size >= MB else f"{size} bytes"
    more_than = "more than " if more else ""
    return error(f"{path.name} is {more_than}{shown}, too large to be {what}; it is not opened.")
