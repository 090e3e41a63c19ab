"""Autosave and crash recovery: copies of modified workbooks in a per-user recovery folder.

While a workbook is modified, the main window writes it every N seconds to
`<user state folder>/recovery/<key>.pmowb`, with `<key>.json` beside it saying which file it
belongs to (none for a never-saved workbook), when and by which process, and the SHA-256 of
the saved file the session started from. A clean save or close removes both.

At start, a recovery left by a process that is no longer running is offered, whatever the
clocks say: modification times lie after a `touch`, an import or a file server whose clock
runs ahead. "No longer running" compares the process start time too, so a process id reused
by another program does not hide a crash. Only a recovery whose content is byte for byte
the workbook's saved file is removed without asking (it holds nothing unsaved); when the
workbook changed on disk since the session started, the offer says so.
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
from planning.lockfile import LockInfo, is_live, process_started
from planning.model import Workbook
from planning.paths import file_digest
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
    # The SHA-256 of the saved workbook the lost session started from (None if unknown).
    base_digest: str | None = None
    changed_on_disk: bool = False

    def describe(self) -> str:
        try:
            when = self.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        except (OverflowError, ValueError, OSError):
            when = self.saved_at.isoformat()
        where = str(self.original) if self.original else "a workbook that was never saved"
        text = f"{self.title} ({where}), autosaved {when}"
        if self.changed_on_disk:
            text += (
                ". The workbook has changed on disk since; saving the restored work asks "
                "before replacing that change."
            )
        return text

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

    def write(
        self, workbook: Workbook, original: Path | None, base_digest: str | None = None
    ) -> Path:
        """Raises SaveError when the recovery folder cannot be written. `base_digest` is the
        SHA-256 of `original` as it was loaded or last saved by this session."""
        folder = recovery_folder()
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.data_path, dumps(workbook))
        meta = {
            "original": str(original) if original else None,
            "saved_at": datetime.now(UTC).isoformat(),
            "pid": os.getpid(),
            "started": process_started(os.getpid()),
            "host": socket.gethostname(),
            "title": _title(workbook),
            "base_digest": base_digest,
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
    """Recoveries worth offering, newest first. Only one identical to its saved workbook is
    removed on the way; nothing else is deleted without the user's word."""
    folder = recovery_folder()
    if not folder.is_dir():
        return []
    found = []
    for meta_path in folder.glob("*.json"):
        data_path = meta_path.with_suffix(".pmowb")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            saved_at = datetime.fromisoformat(meta["saved_at"])
            saved_at = saved_at if saved_at.tzinfo else saved_at.replace(tzinfo=UTC)
            started = meta.get("started")
            owner = LockInfo(
                str(meta.get("user", "")),
                str(meta["host"]),
                int(meta["pid"]),
                saved_at,
                str(started) if started is not None else None,
            )
            original = Path(meta["original"]) if meta.get("original") else None
            title = str(meta.get("title") or data_path.stem)
            base = meta.get("base_digest")
            base_digest = str(base) if base else None
        except (OSError, ValueError, KeyError, TypeError, OverflowError):
            continue  # half-written by a process that died mid-write: leave it be
        if not data_path.exists():
            with contextlib.suppress(OSError):
                meta_path.unlink()
            continue
        if owner.pid != os.getpid() and is_live(owner):
            continue  # another running window's autosave, not a crash
        on_disk = file_digest(original) if original is not None else None
        if on_disk is not None and on_disk == file_digest(data_path):
            # Byte for byte what is saved: nothing to recover, nothing lost by removing it.
            Recovery(meta_path.stem, data_path, original, saved_at, title).discard()
            continue
        changed = on_disk is not None and base_digest is not None and on_disk != base_digest
        found.append(
            Recovery(meta_path.stem, data_path, original, saved_at, title, base_digest, changed)
        )
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _title(workbook: Workbook) -> str:
    setup = workbook.setup
    parts = [p for p in (setup.organisation, setup.fiscal_year.label) if p]
    return " · ".join(parts) or "Untitled workbook"
