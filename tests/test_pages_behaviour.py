"""Page behaviour beyond the walk: findings take you to their cause, the kind-change
questions, the backwards-recipe warning, empty states, workshop-size type."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from test_pages_support import add_row, open_page, release, type_into

from planning.enums import StrategyKind
from planning.model import new_workbook
from planning.steps import Step
from ui.document import WorkbookDocument
from ui.pages import PAGES
from ui.pages.objectives import ObjectivesPage
from ui.pages.office import OfficePage
from ui.pages.office_strategy import OfficeStrategyPage
from ui.pages.signoff import SignoffPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def later(later_sample, qapp):
    document = WorkbookDocument(later_sample)
    yield document
    release(document)


def test_a_finding_selects_the_row_it_concerns(later, qtbot):
    page = open_page(qtbot, ObjectivesPage, later)
    finding = next(f for f in page.step_findings() if f.rule == "smart.no_measure")
    page.findings_list.finding_activated.emit(finding)
    current = page.table.view.currentIndex()
    assert page.model.entity(current.row()).id == finding.entity_id
    assert page.model.column(current.column()).field == "measure"
    assert page.detail_title.text().startswith("<b>PF-3")


def test_kind_change_questions_until_answered(later, qtbot):
    page = open_page(qtbot, OfficePage, later)
    assert page.change_box.isVisible()
    assert "Project Management Office" in page.change_text.text()
    assert "office.kind_change_unanswered" in {f.rule for f in page.step_findings()}
    type_into(qtbot, page.tools, "The project tool gets a portfolio module.")
    assert page.step_findings() == []
    assert page.findings_list.messages() == []


def test_backwards_recipe_warning_on_office_strategy(qapp, qtbot):
    document = WorkbookDocument(new_workbook("Acme", "FY2027"))
    try:
        page = open_page(qtbot, OfficeStrategyPage, document)
        tools = page.editors[StrategyKind.TOOL]
        assert "No tools yet" in tools.empty_label.text()
        assert not page.recipe_badge.isVisible()
        add_row(qtbot, tools, "A portfolio tool")
        assert page.recipe_badge.isVisible()
        assert "backwards recipe" in page.recipe_badge.text()
        assert page.groups[StrategyKind.TOOL].title() == "4. &Tools (1)"  # Alt+T reaches it
        document.undo_stack.undo()  # the typed title
        document.undo_stack.undo()  # the added row
        assert not page.recipe_badge.isVisible()
        assert tools.stack.currentIndex() == 0
    finally:
        release(document)


def test_signoff_lists_every_step_and_asks_for_exports(later, qtbot):
    page = open_page(qtbot, SignoffPage, later)
    steps = {f.step for f in page.all_findings.findings()}
    assert {Step.OFFICE, Step.MISSION_VISION, Step.OBJECTIVES, Step.SIGNOFF} <= steps
    asked = []
    page.show_finding_requested.connect(asked.append)
    page.all_findings.item(0).setSelected(True)
    page.all_findings.itemClicked.emit(page.all_findings.item(0))
    assert asked and asked[0].step is Step.OFFICE
    with qtbot.waitSignal(page.export_charter_requested):
        page.export_charter.click()
    with qtbot.waitSignal(page.export_tracker_requested):
        page.export_tracker.click()


@pytest.mark.parametrize("entry", PAGES, ids=lambda p: p.step.value)
def test_workshop_type_scales_the_page(later, qtbot, entry):
    page = open_page(qtbot, entry.load(), later)
    normal_title = page.title_label.font().pointSizeF()
    font = QFont(page.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    page.setFont(font)
    assert page.title_label.font().pointSizeF() > normal_title * 1.5
    assert page.title_label.font().bold()
    # Everything still fits a projector-sized window: the layout asks for no more than it.
    assert page.minimumSizeHint().width() <= 1366


def test_purpose_page_shows_the_right_order(qapp, qtbot):
    from ui.pages.purpose import PurposePage

    document = WorkbookDocument(new_workbook("Acme", "FY2027"))
    try:
        purpose = open_page(qtbot, PurposePage, document)
        strategy = open_page(qtbot, OfficeStrategyPage, document)
        assert "○ 2. Mission and vision" in purpose.order_label.text()
        add_row(qtbot, strategy.editors[StrategyKind.SERVICE], "Portfolio reviews")
        assert "the backwards recipe" in purpose.order_label.text().splitlines()[3]
    finally:
        release(document)


def test_typing_into_a_40000_character_field_keeps_all_of_it(later, qtbot):
    long_name = "Northwind " + "x" * 40_000
    later.workbook.office.full_name = long_name
    page = open_page(qtbot, OfficePage, later)
    assert page.full_name.text() == long_name
    page.full_name.setFocus()
    page.full_name.end(False)
    qtbot.keyClicks(page.full_name, "!")
    page.full_name.editingFinished.emit()
    assert later.workbook.office.full_name == long_name + "!"
