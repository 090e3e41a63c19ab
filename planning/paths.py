"""Which file a path really is, and whether its content changed.

One answer to "are these the same file?" for the whole app (the recent-files list, the
open and save checks, the command line): both paths with symlinks resolved, compared
case-insensitively where the file system is (os.path.normcase). Writing and locking go to
the resolved path too, so saving through a link changes the file the link points to.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def real_path(path: str | os.PathLike[str]) -> Path:
    """The absolute path with every symlink resolved (a missing file keeps its name)."""
    return Path(os.path.realpath(os.path.abspath(path)))


def path_key(path: str | os.PathLike[str]) -> str:
    """A key equal for two paths exactly when they name the same file."""
    return os.path.normcase(str(real_path(path)))


def same_file(a: str | os.PathLike[str] | None, b: str | os.PathLike[str] | None) -> bool:
    if a is None or b is None:
        return False
    return path_key(a) == path_key(b)


def file_digest(path: str | os.PathLike[str]) -> str | None:
    """SHA-256 of the file's bytes, or None when it cannot be read (gone, a folder). Used
    to tell whether a file changed on disk: clocks and modification times cannot say."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def bytes_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
