"""The window never grows past a 1366×768 projector: a step whose minimum size is larger
makes Qt widen the window off the screen, and the room loses its right edge (the sign-off
page did so in workshop type with its row of five export buttons)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from planning.steps import Step

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SIZE = (1366, 768)


def settle() -> None:
    loop = QEventLoop()
    QTimer.singleShot(30, loop.quit)
    loop.exec()
    QApplication.processEvents()


@pytest.mark.parametrize("workshop", [False, True], ids=["normal", "workshop"])
def test_no_step_widens_the_window_past_the_projector(qapp, workshop):
    from ui.main_window import MainWindow

    window = MainWindow()
    try:
        window.set_workshop_mode(workshop, remember=False)
        window.showNormal()
        window.resize(*SIZE)
        window.files.open_sample()
        too_big = []
        for dock in (False, True):
            window.set_workshop_panel_visible(dock)
            for step in Step:
                window.show_step(step)
                settle()
                hint = window.minimumSizeHint()
                if window.width() > SIZE[0] or hint.width() > SIZE[0] or hint.height() > SIZE[1]:
                    too_big.append(
                        f"{step.title}{' (dock)' if dock else ''}: window {window.width()} px, "
                        f"needs {hint.width()}×{hint.height()}"
                    )
        assert too_big == []
    finally:
        window.set_workshop_mode(False, remember=False)
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
