"""Reading never writes: analysis, exports and views leave the workbook they read as it
was, even a workbook whose health check lacks ratings (an older or hand-made file)."""

from __future__ import annotations

from datetime import date

import app_support
import pytest
from PySide6.QtCore import Qt

from exporters.charter import build_charter
from exporters.tracker import tracker_bytes
from planning.enums import Complaint
from planning.fileformat import dumps
from planning.history import health_comparison, objective_changes
from planning.readiness import readiness, step_states
from planning.steps import Step
from ui.document import WorkbookDocument
from ui.models.health import NOT_RATED, SCORE, HealthModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
window = app_support.window
scripted = app_support.scripted


@pytest.fixture
def gappy(later_sample):
    """The later sample with two complaints of the health check missing from the file."""
    gone = {Complaint.LACK_OF_FOCUS, Complaint.NO_QUANTIFIABLE_VALUE}
    later_sample.health = [r for r in later_sample.health if r.complaint not in gone]
    return later_sample


def test_analysis_and_exports_do_not_add_missing_ratings(gappy) -> None:
    before = dumps(gappy)
    states = step_states(gappy)
    readiness(gappy)
    comparison = {c.complaint: c for c in health_comparison(gappy)}
    objective_changes(gappy)
    tracker_bytes(gappy, today=date(2027, 3, 1))
    build_charter(gappy)
    assert dumps(gappy) == before
    assert len(gappy.health) == len(Complaint) - 2
    assert comparison[Complaint.LACK_OF_FOCUS].this_year is None
    assert states == step_states(gappy)


def test_the_health_table_reads_without_writing_and_edits_add_the_rating(gappy, qapp) -> None:
    document = WorkbookDocument(gappy)
    model = HealthModel(document)
    before = dumps(gappy)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                model.data(model.index(row, column), role)
    assert dumps(gappy) == before
    row = model.complaints.index(Complaint.LACK_OF_FOCUS)
    score = model.index(row, SCORE)
    assert model.data(score) == NOT_RATED
    assert model.setData(score, 4)
    assert model.data(score) == "4"
    assert gappy.health_rating(Complaint.LACK_OF_FOCUS).score == 4
    document.undo_stack.undo()
    assert model.data(score) == NOT_RATED
    document.undo_stack.clear()


def test_walking_every_page_leaves_the_workbook_as_it_was(window, gappy, tmp_path) -> None:
    path = tmp_path / "gappy.pmowb"
    path.write_bytes(dumps(gappy))
    assert window.files.open(path)
    before = dumps(window.document.workbook)
    assert before == dumps(gappy)
    for step in Step:
        window.show_step(step)
        assert window.page_stack.currentWidget() is window.page(step)
    window.refresh_analysis()
    assert dumps(window.document.workbook) == before
    assert not window.document.is_modified()
