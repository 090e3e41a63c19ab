"""File › Export One-Page Summary… and Export Briefing Deck…: ask where (and on which page
size or template), then run the export off the UI thread like the tracker and the charter.

The questions live behind small functions (`ask_summary_target`, `ask_briefing_target`) so
tests can answer them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui import dialogs
from ui.export_jobs import BRIEFING, SUMMARY

A3_FILTER = "One-page summary, A3 landscape (*.pdf)"
A4_FILTER = "One-page summary, A4 landscape (*.pdf)"
DECK_FILTER = "PowerPoint presentations (*.pptx)"
DECK_TEMPLATE_FILTER = "PowerPoint presentations (*.pptx)"


def _with_suffix(name: str, suffix: str) -> Path:
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_summary_target(parent: QWidget, suggested: Path) -> tuple[Path, str] | None:
    """Where to write the PDF, and its page size ("A3" or "A4", by the filter chosen)."""
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        "Export One-Page Summary",
        str(suggested),
        f"{A3_FILTER};;{A4_FILTER}",
        A3_FILTER,
    )
    if not name:
        return None
    return _with_suffix(name, ".pdf"), "A4" if chosen == A4_FILTER else "A3"


def ask_briefing_target(parent: QWidget, suggested: Path) -> tuple[Path, Path | None] | None:
    """Where to write the deck, and the organisation's .pptx template if one is wanted."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Export Briefing Deck")
    box.setText("Build the briefing deck on which design?")
    box.setInformativeText(
        "The built-in design is 16:9. Your organisation's PowerPoint template keeps its "
        "slide size, masters and layouts."
    )
    built_in = box.addButton("&Built-in Design", QMessageBox.ButtonRole.AcceptRole)
    own = box.addButton("Our &Template…", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(built_in)
    box.exec()
    template: Path | None = None
    if box.clickedButton() is own:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            "Organisation's PowerPoint Template",
            str(suggested.parent),
            DECK_TEMPLATE_FILTER,
        )
        if not name:
            return None
        template = Path(name)
    elif box.clickedButton() is not built_in:
        return None
    path = dialogs.ask_save_path(parent, suggested, "Export Briefing Deck", DECK_FILTER, ".pptx")
    return None if path is None else (path, template)


def _suggested(window, suffix: str, what: str) -> Path:
    stem = Path(window.files.display_name()).stem
    folder = window.document.path.parent if window.document.path else window.settings.last_folder()
    return folder / f"{stem} {what}{suffix}"


def export_summary(window) -> None:
    answer = ask_summary_target(window, _suggested(window, ".pdf", "summary"))
    if answer is not None:
        path, page_size = answer
        window.exports.start(
            SUMMARY, window.document.workbook, path, options={"page_size": page_size}
        )


def export_briefing(window) -> None:
    answer = ask_briefing_target(window, _suggested(window, ".pptx", "briefing"))
    if answer is not None:
        path, template = answer
        window.exports.start(BRIEFING, window.document.workbook, path, template)
