"""What happens to workbook files: new, open, save, save as, close, the sample, next year's
review, with the unsaved-changes prompt, the lock beside an open workbook, recent files,
autosave to the recovery folder and the restore offer after a crash.

Every failure is reported through ui.errors and leaves the document as it was: a failed
save keeps it modified (and planning.atomic keeps the file on disk intact).

Before saving over its own file, the app compares the file's SHA-256 with the one it loaded
or last saved: when someone else wrote it meanwhile (an `import-tracker`, a colleague, a
sync tool) it asks before replacing their change. Paths are compared with
planning.paths.same_file (symlinks resolved), the one path identity of the app.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

import resources
from planning import lockfile
from planning.carry_forward import carry_forward, next_year_label
from planning.errors import WorkbookError
from planning.fileformat import EXTENSION, load_workbook, read_workbook
from planning.model import Workbook, new_workbook
from planning.paths import file_digest, same_file
from ui import dialogs, errors
from ui.document import WorkbookDocument
from ui.recovery import Recovery, RecoveryWriter, find_recoveries
from ui.settings import Settings

SAMPLE = Path(resources.__file__).resolve().parent / "samples" / "northwind-fy2027.pmowb"


def _next_year_name(stem: str, nxt: Workbook) -> str:
    """northwind-fy2027 → northwind-fy2028; a name without a year gets the new label."""
    if any(ch.isdigit() for ch in stem):
        return f"{next_year_label(stem)}{EXTENSION}"
    label = nxt.setup.fiscal_year.label.strip() or "next year"
    return f"{stem} {label}{EXTENSION}"


class WorkbookFiles(QObject):
    """The file side of the one open document. `has_workbook` is False on the welcome
    screen."""

    workbook_shown = Signal(bool)  # True: a workbook is open; False: back to welcome
    recent_changed = Signal()
    autosaved = Signal(object)  # Path of the recovery copy
    title_changed = Signal()  # the name, the read-only mark or the suggested name changed

    def __init__(self, document: WorkbookDocument, settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.settings = settings
        self.window = window
        self.has_workbook = False
        self.suggested_name = "Untitled.pmowb"
        self.lock: lockfile.WorkbookLock | None = None
        self.recovery = RecoveryWriter()
        # SHA-256 of the document's file as loaded or last saved: "changed on disk" is
        # decided by content, never by modification times.
        self.disk_digest: str | None = None
        self._changes = 0
        self._autosaved_changes = 0
        document.changed.connect(self._count_change)

    def _count_change(self, _change: object) -> None:
        self._changes += 1

    # --- the prompt ------------------------------------------------------------------

    def display_name(self) -> str:
        return self.document.path.name if self.document.path else self.suggested_name

    def confirm_close(self) -> bool:
        """True when the current workbook may go: unmodified, saved, or changes discarded."""
        if not self.has_workbook or not self.document.is_modified():
            return True
        answer = dialogs.ask_unsaved(self.window, self.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    # --- opening ---------------------------------------------------------------------

    def new(self) -> bool:
        if not self.confirm_close():
            return False
        self._show(new_workbook(), None, modified=False, suggested="Untitled.pmowb")
        return True

    def open_dialog(self) -> bool:
        if not self.confirm_close():
            return False
        path = dialogs.ask_open_path(self.window, self._folder())
        return self.open(path, confirmed=True) if path else False

    def open(self, path: Path, *, confirmed: bool = False) -> bool:
        """Open `path`: prompt for unsaved changes, respect a colleague's lock."""
        path = Path(os.path.abspath(path))
        if self.has_workbook and same_file(path, self.document.path):
            return True
        if not confirmed and not self.confirm_close():
            return False
        if same_file(path, SAMPLE):
            return self.open_sample(confirmed=True)
        try:
            workbook, digest = read_workbook(path)
        except WorkbookError as exc:
            if not path.exists():
                self.settings.remove_recent_file(path)
                self.recent_changed.emit()
            errors.report(self.window, "Open Workbook", exc)
            return False
        problem = lockfile.lock_problem(path)
        if problem is not None:
            dialogs.show_info(self.window, "Open Workbook", problem)
        holder = lockfile.live_lock(path)
        read_only = False
        if holder is not None:
            answer = dialogs.ask_locked(self.window, path.name, holder.describe())
            if answer == "cancel":
                return False
            read_only = answer == "read_only"
        self._show(
            workbook,
            path,
            modified=False,
            read_only=read_only,
            force_lock=holder is not None and not read_only,
        )
        self.disk_digest = digest
        return True

    def open_sample(self, *, confirmed: bool = False) -> bool:
        """The shipped sample, as an untitled workbook: saving asks for a new file."""
        if not confirmed and not self.confirm_close():
            return False
        try:
            workbook = load_workbook(SAMPLE)
        except WorkbookError as exc:
            errors.report(self.window, "Open the Sample", exc)
            return False
        # Unchanged, it asks nothing on close; Save still asks for a new file (it is untitled).
        self._show(workbook, None, modified=False, suggested=SAMPLE.name)
        return True

    def start_next_year(self) -> bool:
        """Next year's review from the open workbook, or from a file chosen on the welcome
        screen; the result is a new unsaved workbook."""
        if self.has_workbook:
            source = self.document.workbook
            stem = Path(self.display_name()).stem
            if not self.confirm_close():
                return False
        else:
            path = dialogs.ask_open_path(self.window, self._folder())
            if path is None:
                return False
            try:
                source = load_workbook(path)
            except WorkbookError as exc:
                errors.report(self.window, "Start Next Year's Review", exc)
                return False
            stem = path.stem
        nxt = carry_forward(source)
        self._show(nxt, None, modified=True, suggested=_next_year_name(stem, nxt))
        return True

    def restore(self, recovery: Recovery) -> bool:
        try:
            workbook = recovery.load()
        except WorkbookError as exc:
            errors.report(self.window, "Restore Unsaved Work", exc)
            return False
        original = (
            recovery.original if recovery.original and recovery.original.parent.is_dir() else None
        )
        holder = lockfile.live_lock(original) if original else None
        read_only = (
            holder is not None
            and dialogs.ask_locked(
                self.window, original.name if original else "", holder.describe()
            )
            != "open_anyway"
        )
        self._show(
            workbook,
            original,
            modified=True,
            read_only=read_only,
            force_lock=holder is not None and not read_only,
            suggested=original.name if original else "Recovered.pmowb",
        )
        # Keep writing to the same recovery file: it goes away once the work is saved.
        self.recovery = RecoveryWriter(recovery.key)
        # Compared before the first save: a file changed since the lost session began asks.
        self.disk_digest = recovery.base_digest
        return True

    def offer_recoveries(self) -> bool:
        """Offer each recovery left by a crash, newest first; True once one is restored."""
        for recovery in find_recoveries():
            answer = dialogs.ask_restore(self.window, recovery.describe())
            if answer == "restore":
                return self.restore(recovery)
            if answer == "discard":
                recovery.discard()
        return False

    def _show(
        self,
        workbook: Workbook,
        path: Path | None,
        *,
        modified: bool,
        read_only: bool = False,
        force_lock: bool = False,
        suggested: str | None = None,
    ) -> None:
        self._release()
        self.recovery = RecoveryWriter()
        self.disk_digest = None
        if path is not None and not read_only:
            try:
                self.lock = lockfile.acquire(path, force=force_lock)
            except lockfile.LockedError:
                # Taken by someone between our check and now: their work wins.
                read_only = True
        self.document.read_only = read_only
        self.suggested_name = suggested or (path.name if path else "Untitled.pmowb")
        self.has_workbook = True
        self.document.replace(workbook, path, modified=modified)
        self._autosaved_changes = self._changes
        if path is not None:
            self._remember(path)
        self.workbook_shown.emit(True)
        self.title_changed.emit()

    # --- saving ----------------------------------------------------------------------

    def save(self) -> bool:
        path = self.document.path
        if path is None or self.document.read_only or same_file(path, SAMPLE):
            return self.save_as()
        return self._save_to(path)

    def save_as(self) -> bool:
        folder = self.document.path.parent if self.document.path else self._folder()
        if same_file(folder, SAMPLE.parent):
            folder = self._folder()
        target = dialogs.ask_save_path(self.window, folder / self.suggested_name)
        if target is None:
            return False
        if same_file(target, SAMPLE):
            dialogs.show_error(
                self.window,
                "Save Workbook As",
                "The sample that ships with "
                "PMO Workbook cannot be overwritten. Choose another name.",
            )
            return False
        if self.document.read_only or not same_file(target, self.document.path):
            holder = lockfile.live_lock(target)
            if holder is not None:
                dialogs.show_error(
                    self.window,
                    "Save Workbook As",
                    f"{target.name} is open by {holder.describe()}. Choose another name.",
                )
                return False
        return self._save_to(target)

    def _save_to(self, target: Path) -> bool:
        old_path = self.document.path
        if same_file(target, old_path):
            answer = self._changed_on_disk_answer(target)
            if answer == "save_as":
                return self.save_as()
            if answer == "cancel":
                return False
        try:
            self.document.save(target)
        except (WorkbookError, OSError) as exc:
            errors.report(self.window, "Save Workbook", exc)
            return False
        self.disk_digest = file_digest(target)
        if not same_file(target, old_path) or self.lock is None:
            self._release_lock()
            try:
                self.lock = lockfile.acquire(target, force=True)
            except lockfile.LockedError:
                self.lock = None
        self.document.read_only = False
        self.suggested_name = target.name
        self.recovery.discard()
        self._autosaved_changes = self._changes
        self._remember(target)
        self.title_changed.emit()
        return True

    def _changed_on_disk_answer(self, target: Path) -> str:
        """ "overwrite" when the file is as this session loaded or saved it (or gone);
        otherwise the user's answer: "overwrite", "save_as" or "cancel"."""
        if self.disk_digest is None:
            return "overwrite"
        current = file_digest(target)
        if current is None or current == self.disk_digest:
            return "overwrite"
        return dialogs.ask_changed_on_disk(self.window, target.name)

    # --- closing ---------------------------------------------------------------------

    def close(self) -> bool:
        """Close the workbook and go back to the welcome screen."""
        if not self.confirm_close():
            return False
        self.shutdown()
        self.has_workbook = False
        self.document.replace(new_workbook(), None)
        self.document.read_only = False
        self.workbook_shown.emit(False)
        return True

    def shutdown(self) -> None:
        """The window goes (after the prompt): no lock and no recovery stays behind."""
        self._release()

    def _release(self) -> None:
        self._release_lock()
        self.recovery.discard()

    def _release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # --- autosave --------------------------------------------------------------------

    def autosave(self) -> Path | None:
        """Write the recovery copy when the workbook changed since the last one."""
        if not self.has_workbook or not self.document.is_modified():
            return None
        if self._changes == self._autosaved_changes and self.recovery.exists():
            return None
        written = self.recovery.write(self.document.workbook, self.document.path, self.disk_digest)
        self._autosaved_changes = self._changes
        self.autosaved.emit(written)
        return written

    def emergency_save(self) -> Path | None:
        """Called before an unexpected error is shown: the unsaved work goes to recovery."""
        if not self.has_workbook or not self.document.is_modified():
            return None
        return self.recovery.write(self.document.workbook, self.document.path, self.disk_digest)

    def refresh_lock(self) -> None:
        if self.lock is not None:
            self.lock.refresh()

    # --- helpers ---------------------------------------------------------------------

    def _remember(self, path: Path) -> None:
        self.settings.add_recent_file(path)
        self.settings.set_last_folder(path.parent)
        self.recent_changed.emit()

    def _folder(self) -> Path:
        return self.settings.last_folder()
