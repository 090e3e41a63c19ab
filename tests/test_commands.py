"""Cascading removals as the user makes them (select a row, click Remove), followed through
the other steps' tables, undone and redone through the document's QUndoStack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_pages_support import click, open_page, release

from planning.enums import StrategyKind, Strength
from planning.fileformat import dumps
from ui.document import WorkbookDocument
from ui.models.alignment import AlignmentModel
from ui.pages.constituents import ConstituentsPage
from ui.pages.objectives import ObjectivesPage
from ui.pages.office_strategy import strategy_items_model
from ui.pages.strategy import StrategyPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

_VERTICAL, _HORIZONTAL = Qt.Orientation.Vertical, Qt.Orientation.Horizontal


@pytest.fixture
def later(later_sample, qapp):
    document = WorkbookDocument(later_sample)
    yield document
    release(document)


def _row_headers(model: AlignmentModel) -> list[str]:
    return [model.headerData(r, _VERTICAL) for r in range(model.rowCount() - 1)]


def _column_headers(model: AlignmentModel) -> list[str]:
    return [model.headerData(c, _HORIZONTAL) for c in range(model.columnCount() - 1)]


def _served(services) -> list[str]:
    column = services.column_of("objective_ids")
    return [services.index(r, column).data() or "" for r in range(services.rowCount())]


def _remove(qtbot, editor, entity_id: str) -> None:
    assert editor.select_id(entity_id)
    click(qtbot, editor.remove_button)


def test_removing_an_objective_cascades_and_undoes(later, qtbot):
    wb = later.workbook
    page = open_page(qtbot, ObjectivesPage, later)
    matrix = AlignmentModel(later)
    services = strategy_items_model(later, StrategyKind.SERVICE)
    pf1 = next(o for o in wb.objectives if o.code == "PF-1")
    before, rows_before, served_before = dumps(wb), _row_headers(matrix), _served(services)
    assert any(h.startswith("PF-1") for h in rows_before)
    assert any("PF-1" in s for s in served_before)

    _remove(qtbot, page.table, pf1.id)

    assert page.model.row_of(pf1.id) == -1
    assert not any(h.startswith("PF-1") for h in _row_headers(matrix))
    assert not any("PF-1" in s for s in _served(services))
    assert wb.links_of_objective(pf1.id) == []
    assert all(pf1.id not in item.objective_ids for item in wb.office_strategy)
    removed = dumps(wb)
    assert later.undo_stack.undoText() == "Remove objective"

    later.undo_stack.undo()
    assert dumps(wb) == before
    assert _row_headers(matrix) == rows_before
    assert _served(services) == served_before
    later.undo_stack.redo()
    assert dumps(wb) == removed


def test_removing_a_company_objective_drops_its_matrix_column(later, qtbot):
    wb = later.workbook
    page = open_page(qtbot, StrategyPage, later)
    matrix = AlignmentModel(later)
    cs3 = next(s for s in wb.strategy if s.code == "CS-3")
    before, columns_before = dumps(wb), _column_headers(matrix)

    _remove(qtbot, page.table, cs3.id)

    assert "CS-3" not in _column_headers(matrix)
    assert wb.links_of_strategic(cs3.id) == []
    later.undo_stack.undo()
    assert dumps(wb) == before
    assert _column_headers(matrix) == columns_before


def test_removing_a_constituent_clears_whom_objectives_serve(later, qtbot):
    wb = later.workbook
    page = open_page(qtbot, ConstituentsPage, later)
    objectives_page = open_page(qtbot, ObjectivesPage, later)
    objectives = objectives_page.model
    executives = next(c for c in wb.constituents if c.name == "Executive committee")
    po1 = next(o for o in wb.objectives if o.code == "PO-1")
    serves = objectives.index(objectives.row_of(po1.id), objectives.column_of("constituent_ids"))
    assert serves.data() == "Operations division, Executive committee"
    before = dumps(wb)

    _remove(qtbot, page.table, executives.id)

    assert serves.data() == "Operations division"
    assert all(executives.id not in o.constituent_ids for o in wb.objectives)
    later.undo_stack.undo()
    assert serves.data() == "Operations division, Executive committee"
    assert dumps(wb) == before


def test_alignment_cell_edits_undo_in_place(later):
    wb = later.workbook
    matrix = AlignmentModel(later)
    before = dumps(wb)
    cell = matrix.index(0, 0)
    strength = matrix.strength(cell)
    matrix.setData(cell, Strength.STRONG if strength is not Strength.STRONG else Strength.WEAK)
    matrix.setData(cell, None)
    assert matrix.data(cell) == ""
    later.undo_stack.undo()
    later.undo_stack.undo()
    assert matrix.strength(cell) is strength
    assert dumps(wb) == before
