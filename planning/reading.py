"""Reading a user's file whole, with one readable line for every way it can fail.

Shared by the workbook loader, the tracker import and the charter's organisation template:
each passes its own error type and the words for what the file should be.
"""

from __future__ import annotations

from pathlib import Path

from planning.errors import WorkbookError

MB = 1024 * 1024


def read_user_file(
    path: Path, *, what: str, error: type[WorkbookError], max_bytes: int | None = None
) -> bytes:
    """The bytes of `path`; `what` names the expected file ("a tracker"). Files over
    `max_bytes` are refused before they are read."""
    try:
        if max_bytes is not None:
            size = path.stat().st_size
            if size > max_bytes:
                raise error(
                    f"{path.name} is {size // MB} MB, too large to be {what}; it is not opened."
                )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise error(f"{path} does not exist.") from exc
    except IsADirectoryError as exc:
        raise error(f"{path} is a folder, not {what}.") from exc
    except PermissionError as exc:
        raise error(f"No permission to read {path}.") from exc
    except OSError as exc:
        raise error(f"Cannot read {path}: {exc.strerror or exc}.") from exc
