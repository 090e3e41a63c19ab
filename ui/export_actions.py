"""File › Export Excel Tracker…, Export Word Charter… and Import Tracker Updates… for the
main window: ask where (and which charter template), then hand the export to the window's
ExportRunner (ui.export_jobs). Also connects what a page asks of the window (the sign-off
page's export buttons, the summary, a finding to show) to it, so a page never knows the
window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ui import dialogs
from ui.export_jobs import CHARTER, TRACKER

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.pages.base import StepPage

# The actions that write a file while an export runs: disabled until it is done.
EXPORT_ACTIONS = ("export_tracker", "export_charter", "export_summary", "export_briefing")


def connect_page_requests(window: MainWindow, page: StepPage) -> None:
    """Connect whichever export, summary and finding signals `page` has to the window."""
    for signal_name, slot in (
        ("export_tracker_requested", window.export_tracker),
        ("export_charter_requested", window.export_charter),
        ("export_summary_requested", window.export_summary),
        ("export_briefing_requested", window.export_briefing),
        ("summary_requested", lambda: window.summary.set_visible(True)),
    ):
        signal = getattr(page, signal_name, None)
        if signal is not None:
            signal.connect(lambda *_a, s=slot: s())
    finding_requested = getattr(page, "show_finding_requested", None)
    if finding_requested is not None:
        finding_requested.connect(window.jump_to_finding)


def _export_path(window: MainWindow, kind: str) -> Path | None:
    stem = Path(window.files.display_name()).stem
    folder = window.document.path.parent if window.document.path else window.settings.last_folder()
    if kind == TRACKER:
        return dialogs.ask_save_path(
            window,
            folder / f"{stem} tracker.xlsx",
            "Export Excel Tracker",
            dialogs.TRACKER_FILTER,
            ".xlsx",
        )
    return dialogs.ask_save_path(
        window,
        folder / f"{stem} charter.docx",
        "Export Word Charter",
        dialogs.CHARTER_FILTER,
        ".docx",
    )


def export_tracker(window: MainWindow) -> None:
    path = _export_path(window, TRACKER)
    if path is not None:
        window.exports.start(TRACKER, window.document.workbook, path)


def export_charter(window: MainWindow) -> None:
    settings = window.settings
    accepted, template = dialogs.ask_charter_template(
        window, settings.charter_template(), settings.last_folder()
    )
    if not accepted:
        return
    if template is not None and not template.is_file():
        dialogs.show_error(
            window, "Export Word Charter", f"The template {template} does not exist."
        )
        return
    settings.set_charter_template(template)
    path = _export_path(window, CHARTER)
    if path is not None:
        window.exports.start(CHARTER, window.document.workbook, path, template)


def enable_exports(window: MainWindow, running: bool) -> None:
    for name in EXPORT_ACTIONS:
        window.named_actions[name].setEnabled(window.files.has_workbook and not running)


def import_tracker(window: MainWindow) -> None:
    try:
        from ui.import_dialog import run_import
    except ImportError:
        dialogs.show_error(
            window,
            "Import Tracker Updates",
            "Importing tracker updates is not available in this installation of PMO Workbook.",
        )
        return
    run_import(window, window.document)
