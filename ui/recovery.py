"""Autosave and crash recovery: copies of modified workbooks in a per-user recovery folder.

While a workbook is modified, the main window writes it every N seconds to
`<user state folder>/recovery/<key>.pmowb`, with `<key>.json` beside it saying which file it
belongs to (none for a never-saved workbook), when and by which process. A clean save or
close removes both. At start, a recovery left by a process that is no longer running is
offered for restore when it is newer than its workbook, or its workbook was never saved or
has gone; older ones are stale and are cleaned away.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from planning.atomic import atomic_write
from planning.fileformat import dumps, load_workbook
from planning.lockfile import LockInfo, is_live
from planning.model import Workbook
from ui.settings import APP_NAME


def recovery_folder() -> Path:
    return platformdirs.user_state_path(APP_NAME, appauthor=False) / "recovery"


@dataclass(frozen=True)
class Recovery:
    key: str
    data_path: Path
    original: Path | None
    saved_at: datetime
    title: str

    def describe(self) -> str:
        when = self.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        where = str(self.original) if self.original else "a workbook that was never saved"
        return f"{self.title} ({where}), autosaved {when}"

    def load(self) -> Workbook:
        return load_workbook(self.data_path)

    def discard(self) -> None:
        for path in (self.data_path, self.data_path.with_suffix(".json")):
            with contextlib.suppress(OSError):
                path.unlink()


class RecoveryWriter:
    """Writes the recovery copy of one document session under a key of its own."""

    def __init__(self, key: str | None = None) -> None:
        self.key = key or uuid.uuid4().hex

    @property
    def data_path(self) -> Path:
        return recovery_folder() / f"{self.key}.pmowb"

    @property
    def meta_path(self) -> Path:
        return recovery_folder() / f"{self.key}.json"

    def write(self, workbook: Workbook, original: Path | None) -> Path:
        """Raises SaveError when the recovery folder cannot be written."""
        folder = recovery_folder()
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.data_path, dumps(workbook))
        meta = {
            "original": str(original) if original else None,
            "saved_at": datetime.now(UTC).isoformat(),
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "title": _title(workbook),
        }
        atomic_write(self.meta_path, json.dumps(meta).encode("utf-8"))
        return self.data_path

    def exists(self) -> bool:
        return self.data_path.exists()

    def discard(self) -> None:
        for path in (self.data_path, self.meta_path):
            with contextlib.suppress(OSError):
                path.unlink()


def find_recoveries() -> list[Recovery]:
    """Recoveries worth offering, newest first; stale ones are removed on the way."""
    folder = recovery_folder()
    if not folder.is_dir():
        return []
    found = []
    for meta_path in folder.glob("*.json"):
        data_path = meta_path.with_suffix(".pmowb")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            saved_at = datetime.fromisoformat(meta["saved_at"])
            owner = LockInfo(
                str(meta.get("user", "")), str(meta["host"]), int(meta["pid"]), saved_at
            )
            original = Path(meta["original"]) if meta.get("original") else None
            title = str(meta.get("title") or data_path.stem)
        except (OSError, ValueError, KeyError, TypeError):
            continue  # half-written by a process that died mid-write: leave it be
        if not data_path.exists():
            with contextlib.suppress(OSError):
                meta_path.unlink()
            continue
        if owner.pid != os.getpid() and is_live(owner):
            continue  # another running window's autosave, not a crash
        recovery = Recovery(meta_path.stem, data_path, original, saved_at, title)
        if original is not None and original.exists() and not _newer(data_path, original):
            recovery.discard()
            continue
        found.append(recovery)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _newer(recovery_path: Path, original: Path) -> bool:
    try:
        return recovery_path.stat().st_mtime > original.stat().st_mtime
    except OSError:
        return True


def _title(workbook: Workbook) -> str:
    setup = workbook.setup
    parts = [p for p in (setup.organisation, setup.fiscal_year.label) if p]
    return " · ".join(parts) or "Untitled workbook"
