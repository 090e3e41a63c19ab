"""Every step at 1366×768, normal and workshop type (F11), with and without the workshop dock:
no header, cell value, step name, label, button, date or choice cut off, and no widgets a
layout squeezed on top of each other (issue 10, item 5). The measures are the fonts' own
(tests/layout_check.py)."""

from __future__ import annotations

import pytest
from layout_check import problems, table_problems
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView

from planning.steps import Step

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SIZE = (1366, 768)


def settle() -> None:
    loop = QEventLoop()
    QTimer.singleShot(50, loop.quit)
    loop.exec()
    QApplication.processEvents()


@pytest.fixture
def projector(qapp, tmp_path_factory):
    from ui.main_window import MainWindow

    windows = []

    def make(workshop: bool) -> MainWindow:
        window = MainWindow()
        window.set_workshop_mode(workshop, remember=False)
        window.showNormal()
        window.resize(*SIZE)
        window.files.open_sample()
        settle()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.set_workshop_mode(False, remember=False)
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()


def test_the_checker_sees_a_cut_header(qapp):
    from PySide6.QtGui import QStandardItemModel

    model = QStandardItemModel(1, 1)
    model.setHorizontalHeaderLabels(["Baseline"])
    model.setData(model.index(0, 0), "2027-03-15")
    view = QTableView()
    view.setModel(model)
    view.resize(400, 200)
    view.show()
    view.setColumnWidth(0, 30)
    found = table_problems(view, "demo")
    assert "demo: header 'Baseline' cut (30px)" in found
    assert any("2027-03-15" in p for p in found)
    view.resizeColumnsToContents()
    view.setColumnWidth(0, view.columnWidth(0) + 20)
    assert table_problems(view, "demo") == []
    view.close()


@pytest.mark.slow
@pytest.mark.parametrize("workshop", [False, True], ids=["normal", "workshop"])
def test_every_step_fits_a_projector(projector, workshop):
    window = projector(workshop)
    assert window.width() == SIZE[0] and window.height() <= SIZE[1]
    found: list[str] = []
    for dock in (False, True):
        window.set_workshop_panel_visible(dock)
        for step in Step:
            window.show_step(step)
            settle()
            where = f"{step.number}. {step.title}{' (dock)' if dock else ''}"
            if window.width() > SIZE[0] or window.height() > SIZE[1]:
                found.append(f"{where}: the window grew to {window.width()}×{window.height()}")
            found += problems(window, where)
    window.set_workshop_panel_visible(False)
    assert found == []


def test_the_alignment_matrix_shows_full_titles_of_both_axes(projector):
    window = projector(True)
    window.show_step(Step.ALIGNMENT)
    settle()
    page = window.page(Step.ALIGNMENT)
    workbook = window.document.workbook
    model = page.model
    columns = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(len(workbook.strategy))
    ]
    rows = [str(model.headerData(r, Qt.Orientation.Vertical)) for r in range(len(model.objectives))]
    for strategic, text in zip(workbook.strategy, columns, strict=True):
        assert strategic.title in text and strategic.code in text
    for objective, text in zip(model.objectives, rows, strict=True):
        assert objective.title in text
    # Every column, the totals included, is in view without scrolling; nothing is cut.
    header = page.view.horizontalHeader()
    assert header.length() + page.view.verticalHeader().width() <= page.view.width()
    assert problems(window, "alignment") == []
