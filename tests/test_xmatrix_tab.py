"""The X-matrix tab of the Alignment step: the same marks as the alignment heat map, and it
follows an edit of the matrix."""

from __future__ import annotations

import app_support
import pytest
from conftest import LATER_SAMPLE
from PySide6.QtCore import Qt

from planning.steps import Step

window = app_support.window
scripted = app_support.scripted
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_xmatrix_tab_shows_alignment_marks_and_follows_edits(window, qtbot, tmp_path) -> None:
    path = tmp_path / "review.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    assert window.files.open(path)
    window.show_step(Step.ALIGNMENT)
    page = window.page(Step.ALIGNMENT)
    tabs = page.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["&Heat Map", "&X-matrix"]
    tabs.setCurrentIndex(1)
    xmatrix = tabs.currentWidget()
    table = xmatrix.table
    texts = {
        (r, c): table.item(r, c).text()
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if table.item(r, c)
    }
    centre_row = next(r for (r, c), t in texts.items() if t == "X-matrix")
    centre_col = next(c for (r, c), t in texts.items() if t == "X-matrix")
    column = {texts[(centre_row, c)]: c for c in range(centre_col)}
    row = {texts[(r, centre_col)]: r for r in range(centre_row + 1, table.rowCount())}
    workbook = window.document.workbook
    cs1 = next(s for s in workbook.strategy if s.code == "CS-1")
    label = f"{cs1.code} {cs1.title}"
    assert texts[(row[label], column["PO-1"])] == "●"
    assert xmatrix.mark_at(row[label], column["PF-2"]) == ""
    assert "Measure of PO-4 (Closed projects with a benefits review) has no owner." in (
        xmatrix.checks.text()
    )
    # Mark PF-2 → CS-1 in the heat map (click cycles none → weak): the X-matrix follows.
    tabs.setCurrentIndex(0)
    model = page.model
    r = [o.code for o in model.objectives].index("PF-2")
    c = [s.code for s in model.strategic].index("CS-1")
    view = page.view
    rect = view.visualRect(model.index(r, c))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: xmatrix.mark_at(row[label], column["PF-2"]) == "△")
