"""File → Import Tracker Updates…: owners' updates from the Excel tracker, previewed before
they are applied.

The tracker is read in a worker thread (a hostile file may take seconds to be refused)
while a busy indicator keeps the window responsive. The preview lists every change as
old → new and every problem (row, column, value found); nothing changes until the leader
applies it, and then the whole import is one undoable step, applied whole or not at all.
The file dialog, the refusal message and the preview's exec() sit behind small functions so
tests replace them (pytest-qt's note on dialogs).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exporters.tracker_import import prepare_import
from planning.errors import WorkbookError
from planning.model import Workbook
from planning.tracker_updates import ImportPlan, apply_updates, shown
from ui import dialogs
from ui.commands import EditWorkbook
from ui.document import Change, WorkbookDocument

TITLE = "Import Tracker Updates"


def choose_tracker_file(parent: QWidget | None, folder: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, TITLE, str(folder), dialogs.TRACKER_FILTER)
    return Path(name) if name else None


def show_refusal(parent: QWidget | None, message: str) -> None:
    dialogs.show_error(parent, TITLE, message)


def confirm_import(dialog: ImportPreviewDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class ImportPreviewDialog(QDialog):
    """The changes and problems of one tracker; Apply is offered only when there is a
    change to apply."""

    def __init__(self, plan: ImportPlan, tracker_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{TITLE} — {tracker_name}")
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            plan.summary()
            + (
                " Apply the changes to bring them into the workbook (one undo step); the cells "
                "with problems are skipped."
                if plan.changes
                else " There is nothing to apply."
            )
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        layout.addWidget(QLabel(f"<b>Changes ({len(plan.changes)})</b>"))
        self.changes = _table(
            ["Objective", "Column", "Old", "New"],
            [[c.code, c.column, shown(c.old), shown(c.new)] for c in plan.changes],
        )
        layout.addWidget(self.changes, 3)

        layout.addWidget(QLabel(f"<b>Problems, not imported ({len(plan.problems)})</b>"))
        self.problems = _table(
            ["Row", "Column", "Found", "Problem"],
            [
                [_row_text(p.row, p.code), p.column or "", p.value or "", p.message]
                for p in plan.problems
            ],
        )
        layout.addWidget(self.problems, 2)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        count = len(plan.changes)
        apply_button.setText(f"Apply {count} change{'s' if count != 1 else ''}")
        apply_button.setEnabled(bool(plan.changes))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


def _row_text(row: int | None, code: str | None) -> str:
    if row is None:
        return "—"
    return f"{row} ({code})" if code else str(row)


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    for column in range(len(headers) - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class _Finished(QObject):
    finished = Signal()


def read_off_thread(parent: QWidget | None, workbook: Workbook, path: Path) -> ImportPlan:
    """prepare_import in a worker thread, on a copy of the workbook, while a busy dialog
    keeps the window painted. Raises what prepare_import raises."""
    copy = workbook.model_copy(deep=True)
    outcome: dict[str, Any] = {}
    relay = _Finished()
    loop = QEventLoop()
    relay.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            outcome["plan"] = prepare_import(copy, path)
        except BaseException as exc:  # handed to the UI thread, raised there
            outcome["error"] = exc
        finally:
            relay.finished.emit()

    busy = QProgressDialog(f"Reading {path.name}…", "", 0, 0, parent)
    busy.setWindowTitle(TITLE)
    busy.setCancelButton(None)
    busy.setWindowModality(Qt.WindowModality.ApplicationModal)
    # Shown only when reading takes a while; QProgressDialog's own delay waits for a
    # setValue() that a busy indicator never gets.
    reveal = QTimer()
    reveal.setSingleShot(True)
    reveal.timeout.connect(busy.show)
    thread = threading.Thread(target=work, name="import-tracker", daemon=True)
    thread.start()
    reveal.start(400)
    try:
        loop.exec()
        thread.join()
    finally:
        reveal.stop()
        busy.close()
        busy.deleteLater()
        relay.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    plan: ImportPlan = outcome["plan"]
    return plan


def run_import(parent: QWidget | None, document: WorkbookDocument) -> bool:
    """Asks for the tracker, previews it, and applies it as one undoable step. True when
    changes were applied."""
    folder = document.path.parent if document.path else Path.home()
    path = choose_tracker_file(parent, folder)
    if path is None:
        return False
    try:
        plan = read_off_thread(parent, document.workbook, path)
        # A trial on a copy first: the import is applied whole or not at all, so the undo
        # step never holds half of it.
        apply_updates(document.workbook.model_copy(deep=True), plan)
    except WorkbookError as exc:
        show_refusal(parent, str(exc))
        return False
    dialog = ImportPreviewDialog(plan, path.name, parent)
    try:
        if not confirm_import(dialog) or not plan.changes:
            return False
    finally:
        dialog.deleteLater()

    def mutate(workbook: Workbook) -> None:
        apply_updates(workbook, plan)

    document.push(
        EditWorkbook(document, "Import tracker updates", Change.OBJECTIVES, ("objectives",), mutate)
    )
    return True
