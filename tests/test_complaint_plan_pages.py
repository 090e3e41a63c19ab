"""The Health check and Sign-off pages say what this year's plan does about each complaint
rated 1–2, and follow the workbook as it changes."""

from __future__ import annotations

import pytest
from test_pages_support import add_row, open_page, release

from planning.enums import Complaint
from planning.fileformat import load_workbook
from ui.document import WorkbookDocument
from ui.pages.communication import CommunicationPage
from ui.pages.health import HealthPage
from ui.pages.signoff import SignoffPage


@pytest.fixture
def document(qapp):
    from conftest import LATER_SAMPLE

    document = WorkbookDocument(load_workbook(LATER_SAMPLE))
    yield document
    release(document)


def test_health_page_shows_the_plan_for_low_ratings(document, qtbot) -> None:
    health = open_page(qtbot, HealthPage, document)
    assert health.plan.lines()[:3] == [
        "No demonstrated, quantifiable value — rated 2/5",
        "✓ Addressed by: a message that reports the value delivered",
        "✗ Not yet: objectives with a quantified value (3 objectives without one)",
    ]
    assert not any(line.startswith("Lack of focus") for line in health.plan.lines())
    focus_row = list(Complaint).index(Complaint.LACK_OF_FOCUS)
    assert health.model.setData(health.model.index(focus_row, 2), 1)
    assert "Lack of focus — rated 1/5" in health.plan.lines()
    signoff = open_page(qtbot, SignoffPage, document)
    assert "Lack of focus — rated 1/5" in signoff.plan.lines()
    assert any("Every part is in place" in line for line in signoff.plan.lines())


def test_the_plan_follows_edits_elsewhere(document, qtbot) -> None:
    document.workbook.health_rating(Complaint.PURPOSE_NOT_UNDERSTOOD).score = 2
    document.workbook.communication = document.workbook.communication[:1]
    health = open_page(qtbot, HealthPage, document)
    purpose = health.plan.lines()[
        health.plan.lines().index("Nobody understands the office's purpose — rated 2/5") + 2
    ]
    assert purpose.startswith("✗ Not yet:") and "Project managers" in purpose
    communication = open_page(qtbot, CommunicationPage, document)
    add_row(qtbot, communication.plan, "All staff")
    lines = health.plan.lines()
    start = lines.index("Nobody understands the office's purpose — rated 2/5")
    assert "reaches every constituent group" in lines[start + 1]
    document.undo_stack.undo()
    assert health.plan.lines()[start + 2].startswith("✗ Not yet:")
