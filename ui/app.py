"""Starts the desktop application: `run_app(path, qt_args)` is what `pmo-workbook [PATH]`
calls. Only Qt, the domain and the main window load here; the exporters (openpyxl,
python-docx) load the first time an export runs."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import resources
from ui.errors import ExceptionHook
from ui.main_window import MainWindow
from ui.settings import APP_NAME, Settings


def create_application(qt_args: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("PMO Workbook")
    app.setOrganizationName(APP_NAME)
    # Matches packaging/linux/pmo-workbook.desktop, so a desktop shows the entry's icon.
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The application icon in every shipped PNG size (no SVG plugin needed)."""
    icon = QIcon()
    for png in sorted(resources.ICONS.glob("pmo-workbook-*.png")):
        icon.addFile(str(png))
    return icon


def start_main_window(path: Path | None, settings: Settings | None = None) -> MainWindow:
    """The main window, shown, with a crash's recovery offered and then `path` opened."""
    window = MainWindow(settings or Settings())
    window.show()
    if window.settings.workshop_mode():
        window.showFullScreen()
    window.start(path)
    return window


def run_app(path: Path | None, qt_args: list[str]) -> int:
    app = create_application(qt_args)
    window = start_main_window(path)
    hook = ExceptionHook(window.files.emergency_save)
    hook.install()
    try:
        return app.exec()
    finally:
        hook.uninstall()
