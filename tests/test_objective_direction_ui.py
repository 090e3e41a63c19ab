"""Direction in the objectives table: chosen per objective, a range's high end in the
details, and progress shown the way planning.progress (and the tracker) compute it."""

from __future__ import annotations

from clean_workbook import clean_workbook
from PySide6.QtCore import Qt
from test_pages_support import open_page, release, type_into

from planning.enums import Direction
from ui.document import WorkbookDocument
from ui.pages.objectives import ObjectivesPage


def test_direction_range_and_progress(qapp, qtbot) -> None:
    wb = clean_workbook()
    objective = wb.objectives[0]  # weeks to launch, 20 → 12, down
    objective.actuals = [16, None, None, None]
    document = WorkbookDocument(wb)
    page = open_page(qtbot, ObjectivesPage, document)
    model = page.model
    row = model.row_of(objective.id)
    cell = lambda field: model.index(row, model.column_of(field))  # noqa: E731
    assert cell("direction").data() == "↓ Down"
    assert cell("progress").data() == "50 %"  # 20 → 12 weeks, 16 today
    assert model.setData(cell("direction"), Direction.UP)
    assert cell("progress").data() == ""  # a target below the baseline cannot go up
    assert any(f.rule == "objective.wrong_side" for f in model.findings_of(objective.id))
    document.undo_stack.undo()
    assert cell("progress").data() == "50 %"
    assert not page.range_top.isEnabled()
    assert model.setData(cell("direction"), "Stay within a range")
    assert page.range_top.isEnabled()
    assert any(f.field == "target_max" for f in model.findings_of(objective.id))
    type_into(qtbot, page.range_top, "14")
    qtbot.keyClick(page.range_top, Qt.Key.Key_Return)
    assert objective.target_max == 14
    assert cell("target").data() == "12–14 weeks"
    assert cell("progress").data() == "67 %"  # from 20 towards the band's edge at 14: 4 of 6
    release(document)
