"""Exports off the UI thread: the tracker and the charter are built in a worker thread from a
copy of the workbook, while the status bar shows progress; afterwards the user may open the
file or show it in its folder.

The exporters (openpyxl, python-docx) are imported inside the worker the first time they
are needed, never at start-up.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from planning.errors import WorkbookError
from planning.model import Workbook
from ui import dialogs, errors

TRACKER = "tracker"
CHARTER = "charter"
SUMMARY = "summary"
BRIEFING = "briefing"


@dataclass(frozen=True)
class ExportFormat:
    """One export the app offers: the kind its job runs, its menu title, its file suffix."""

    kind: str
    title: str
    suffix: str


# Every export the app has. `pmo-workbook self-test` exports and reads back each one, so a
# format added here (and in `_write`) is tested from the first build, frozen or not.
FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(TRACKER, "Export Excel Tracker", ".xlsx"),
    ExportFormat(CHARTER, "Export Word Charter", ".docx"),
    ExportFormat(SUMMARY, "Export One-Page Summary", ".pdf"),
    ExportFormat(BRIEFING, "Export Briefing Deck", ".pptx"),
)
TITLES = {fmt.kind: fmt.title for fmt in FORMATS}
# The writer behind each kind of job, in exporters.formats.EXPORT_FORMATS (shared with the
# command line's --xlsx, --docx, --pdf and --pptx).
FORMAT_OF = {TRACKER: "xlsx", CHARTER: "docx", SUMMARY: "pdf", BRIEFING: "pptx"}


class ExportUnavailableError(WorkbookError):
    """The exporter module is not part of this installation."""


def _write(
    kind: str, workbook: Workbook, path: Path, template: Path | None, options: dict | None = None
) -> list[str]:
    from exporters.formats import FORMATS, write_export

    key = FORMAT_OF[kind]
    try:
        return write_export(key, workbook, path, template=template, **(options or {}))
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(("exporters", "pptx", "ui.summary")):
            raise ExportUnavailableError(
                f"The {FORMATS[key].title} export is not available in this installation of "
                "PMO Workbook."
            ) from exc
        raise


class ExportJob(QObject):
    """One export in a worker thread. The workbook is copied first: the user may go on
    editing while it runs."""

    done = Signal(object, object)  # Path, list[str] notes
    failed = Signal(object, object)  # Path, BaseException

    def __init__(
        self,
        kind: str,
        workbook: Workbook,
        path: Path,
        template: Path | None = None,
        parent: QObject | None = None,
        options: dict | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.path = path
        self._workbook = workbook.model_copy(deep=True)
        self._template = template
        self._options = options
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=f"export-{self.kind}", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            # Options (the PDF's page size) only when given: `_write` keeps the four
            # arguments every export has.
            extra = {"options": self._options} if self._options else {}
            notes = _write(self.kind, self._workbook, self.path, self._template, **extra)
        except Exception as exc:
            self.failed.emit(self.path, exc)
        else:
            self.done.emit(self.path, notes)


class ExportRunner(QObject):
    """Starts exports, shows their progress in the status bar and what came of them."""

    running_changed = Signal(bool)

    def __init__(self, parent: QWidget, status_bar: QStatusBar) -> None:
        super().__init__(parent)
        self._parent = parent
        self._jobs: list[ExportJob] = []
        self.label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the exporters report no steps
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName("Export progress")
        status_bar.addPermanentWidget(self.label)
        status_bar.addPermanentWidget(self.progress)
        self._show_progress()

    def is_running(self) -> bool:
        return bool(self._jobs)

    def wait_all(self, timeout: float = 60.0) -> None:
        """Block until the worker threads are done (used when the app quits)."""
        for job in list(self._jobs):
            job.wait(timeout)

    def start(
        self,
        kind: str,
        workbook: Workbook,
        path: Path,
        template: Path | None = None,
        options: dict | None = None,
    ) -> ExportJob:
        job = ExportJob(kind, workbook, path, template, self, options)
        job.done.connect(lambda p, notes, j=job: self._finished(j, p, notes))
        job.failed.connect(lambda p, exc, j=job: self._failed(j, p, exc))
        self._jobs.append(job)
        self._show_progress()
        job.start()
        return job

    def _show_progress(self) -> None:
        running = bool(self._jobs)
        names = ", ".join(job.path.name for job in self._jobs)
        self.label.setText(f"Exporting {names}…" if running else "")
        self.label.setVisible(running)
        self.progress.setVisible(running)
        self.running_changed.emit(running)

    def _forget(self, job: ExportJob) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        self._show_progress()
        job.deleteLater()

    def _finished(self, job: ExportJob, path: Path, notes: list[str]) -> None:
        self._forget(job)
        answer = dialogs.ask_after_export(self._parent, path, notes)
        if answer == "open":
            open_path(path)
        elif answer == "folder":
            show_in_folder(path)

    def _failed(self, job: ExportJob, path: Path, exc: BaseException) -> None:
        self._forget(job)
        errors.report(self._parent, TITLES[job.kind], exc)


def open_path(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path, run: Callable[..., object] = subprocess.Popen) -> bool:
    """Select the file in the system's file manager where it can, else open its folder."""
    if sys.platform == "win32":
        run(["explorer", "/select,", os.path.normpath(path)])
        return True
    if sys.platform == "darwin":
        run(["open", "-R", str(path)])
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
