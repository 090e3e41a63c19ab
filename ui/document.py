"""The open workbook as the UI sees it: the model, its path, the undo stack, and a signal
saying what changed so each page refreshes only its part (Anki's OpChanges idea)."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planning.fileformat import save_workbook
from planning.findings import Finding
from planning.model import Workbook, new_workbook
from planning.readiness import Readiness, all_findings, readiness, step_states
from planning.steps import Step


class Change(enum.Flag):
    """What an edit touched; pages listen for the parts they show."""

    NONE = 0
    SETUP = enum.auto()
    OFFICE = enum.auto()
    STRATEGY = enum.auto()
    CONSTITUENTS = enum.auto()
    HEALTH = enum.auto()
    STATEMENTS = enum.auto()
    OBJECTIVES = enum.auto()
    ALIGNMENT = enum.auto()
    OFFICE_STRATEGY = enum.auto()
    GOVERNANCE = enum.auto()
    COMMUNICATION = enum.auto()
    SIGNOFF = enum.auto()
    WORKSHOP = enum.auto()
    ALL = (
        SETUP
        | OFFICE
        | STRATEGY
        | CONSTITUENTS
        | HEALTH
        | STATEMENTS
        | OBJECTIVES
        | ALIGNMENT
        | OFFICE_STRATEGY
        | GOVERNANCE
        | COMMUNICATION
        | SIGNOFF
        | WORKSHOP
    )


class WorkbookDocument(QObject):
    """Owns one workbook. Every edit is a QUndoCommand pushed through `push()`."""

    changed = Signal(object)  # Change
    modified_changed = Signal(bool)
    path_changed = Signal(object)  # Path | None
    replaced = Signal()  # a different workbook (new, open, restore): views rebuild

    def __init__(
        self,
        workbook: Workbook | None = None,
        path: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workbook = workbook or new_workbook()
        self._path = path
        self.read_only = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._findings: list[Finding] | None = None

    # --- state ---------------------------------------------------------------------------

    @property
    def workbook(self) -> Workbook:
        return self._workbook

    @property
    def path(self) -> Path | None:
        return self._path

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = all_findings(self._workbook)
        return self._findings

    def readiness(self) -> Readiness:
        return readiness(self._workbook, self.findings())

    def step_states(self) -> dict:
        return step_states(self._workbook, self.findings())

    def findings_for(self, step: Step) -> list[Finding]:
        return [f for f in self.findings() if f.step is step]

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # --- edits ---------------------------------------------------------------------------

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def notify(self, change: Change) -> None:
        """Called by commands after they changed the workbook."""
        self._findings = None
        self.changed.emit(change)

    # --- files ---------------------------------------------------------------------------

    def replace(self, workbook: Workbook, path: Path | None, *, modified: bool = False) -> None:
        self._workbook = workbook
        self._findings = None
        self.undo_stack.clear()
        self._set_path(path)
        if modified:
            # A restored recovery or a new-year workbook is not on disk yet: no state of
            # the stack is clean until the user saves.
            self.undo_stack.resetClean()
        self.replaced.emit()
        self.changed.emit(Change.ALL)
        self.modified_changed.emit(self.is_modified())

    def save(self, path: Path | None = None) -> None:
        """Saves atomically; on failure raises SaveError and stays modified."""
        target = path or self._path
        if target is None:
            raise ValueError("save() needs a path for a workbook never saved")
        save_workbook(self._workbook, target)
        self._set_path(target)
        self.undo_stack.setClean()

    def _set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit(path)
