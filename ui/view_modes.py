"""What the View menu switches on the main window: workshop mode (full screen and larger
type for a projector) and which of the step list, the findings panel and the workshop
panel show. Functions of the window, called through its public methods."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize

from ui import theme
from ui.undo_keys import application

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def set_workshop_mode(window: MainWindow, on: bool, *, remember: bool = True) -> None:
    """Larger type for a projector, full screen; the step list can be folded away."""
    window.named_actions["workshop"].setChecked(on)
    theme.apply(application(), workshop=on)
    window.summary.set_large(on)
    window.step_list.setIconSize(QSize(28, 28) if on else QSize(20, 20))
    fit_step_list(window)
    # One step at a time on the projector: the page shows its own findings, the panel
    # of all findings comes back (if it was open) when the workshop is over.
    set_findings_visible(window, not on and window.settings.findings_panel(), remember=False)
    if on and not window.isFullScreen() and window.isVisible():
        window.showFullScreen()
    elif not on and window.isFullScreen():
        window.showNormal()
    if remember:
        window.settings.set_workshop_mode(on)


def fit_step_list(window: MainWindow) -> None:
    width = window.step_list.preferred_width()
    window.step_list.setMinimumWidth(width)
    total = max(window.splitter.width(), width + 400)
    window.splitter.setSizes([width, total - width])


def set_findings_visible(window: MainWindow, visible: bool, *, remember: bool = True) -> None:
    window.named_actions["findings"].setChecked(visible)
    if remember:
        window.settings.set_findings_panel(visible)
    window.findings_dock.setVisible(visible and window.files.has_workbook)


def set_workshop_panel_visible(window: MainWindow, visible: bool) -> None:
    window.named_actions["workshop_panel"].setChecked(visible)
    window.settings.set_workshop_panel(visible)
    window.workshop_dock.setVisible(visible and window.files.has_workbook)


def set_step_list_visible(window: MainWindow, visible: bool) -> None:
    window.step_list.setVisible(visible)
    window.named_actions["step_list"].setChecked(visible)
