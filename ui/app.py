"""Starts the desktop application (replaced by the full main window in ui/main_window.py)."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(path: Path | None, qt_args: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from planning.errors import WorkbookError
    from planning.fileformat import load_workbook

    app = QApplication([sys.argv[0], *qt_args])
    window = QMainWindow()
    window.setWindowTitle("PMO Workbook")
    text = "No workbook open."
    if path is not None:
        try:
            workbook = load_workbook(path)
            text = f"{workbook.setup.organisation} — {workbook.setup.fiscal_year.label}"
        except WorkbookError as exc:
            text = str(exc)
    window.setCentralWidget(QLabel(text))
    window.resize(1024, 700)
    window.show()
    return app.exec()
