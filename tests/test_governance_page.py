"""The Governance step: defaults from the office kind, a RACI that reads like a grid, the
decision rights one per line, budget and currency, reporting ticked from the communication
plan. Every edit is one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_pages_support import click, open_page, release, type_into

from planning.enums import GovernanceRole, OfficeKind, Raci, StrategyKind
from planning.model import CommunicationItem, StrategyItem, new_workbook
from ui.document import WorkbookDocument
from ui.models.governance import escalation_model, raci_model, roles_model, staff_model
from ui.pages.governance import GovernancePage


@pytest.fixture
def document(qapp):
    wb = new_workbook("Acme", "FY2027", currency="EUR")
    wb.office.kind = OfficeKind.PORTFOLIO
    wb.communication = [CommunicationItem(audience="Executive committee", message="Health")]
    wb.office_strategy = [StrategyItem(kind=StrategyKind.SERVICE, title="Investment review")]
    document = WorkbookDocument(wb)
    yield document
    release(document)


def test_defaults_fill_the_empty_parts_in_one_undo_step(document, qtbot) -> None:
    page = open_page(qtbot, GovernancePage, document)
    wb = document.workbook
    assert "Portfolio Management Office" in page.defaults_button.text()
    type_into(qtbot, page.mandate, "Set by the board in 2025.")
    click(qtbot, page.defaults_button)
    assert wb.governance.mandate == "Set by the board in 2025."  # the leader's text stays
    assert "The portfolio's prioritisation" in page.rights["decides"].toPlainText()
    assert [r.role for r in wb.governance.roles] == list(GovernanceRole)
    assert page.raci.model.rowCount() == 3
    document.undo_stack.undo()
    assert wb.governance.decides == [] and page.raci.model.rowCount() == 0
    assert page.rights["decides"].toPlainText() == ""


def test_decision_rights_one_per_line(document, qtbot) -> None:
    page = open_page(qtbot, GovernancePage, document)
    edit = page.rights["recommends"]
    type_into(qtbot, edit, "Which initiatives stop")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Funding between initiatives")
    assert document.workbook.governance.recommends == [
        "Which initiatives stop",
        "Funding between initiatives",
    ]
    edit.clearFocus()
    document.undo_stack.undo()  # the typing was one step
    assert document.workbook.governance.recommends == []


def test_raci_cells_and_the_strategy_services(document, qtbot, qtmodeltester) -> None:
    page = open_page(qtbot, GovernancePage, document)
    page.tabs.setCurrentIndex(2)
    click(qtbot, page.add_services)
    wb = document.workbook
    [row] = wb.governance.raci
    assert (row.service, row.service_id) == ("Investment review", wb.office_strategy[0].id)
    assert not page.add_services.isEnabled()  # every service is in the RACI
    model = page.raci.model
    leader = 1 + list(GovernanceRole).index(GovernanceRole.OFFICE_LEADER)
    assert model.headerData(leader, Qt.Orientation.Horizontal) == "Leader"
    cell = model.index(0, leader)
    assert model.setData(cell, Raci.ACCOUNTABLE)
    assert cell.data() == "A"
    assert wb.governance.raci[0].cells == {GovernanceRole.OFFICE_LEADER: Raci.ACCOUNTABLE}
    assert model.setData(cell, None)
    assert wb.governance.raci[0].cells == {}
    document.undo_stack.undo()
    assert cell.data() == "A"
    qtmodeltester.check(raci_model(document), force_py=True)


def test_budget_currency_and_reporting(document, qtbot) -> None:
    page = open_page(qtbot, GovernancePage, document)
    wb = document.workbook
    page.tabs.setCurrentIndex(3)
    type_into(qtbot, page.budget, "1,250,000")
    assert wb.governance.budget == 1250000
    type_into(qtbot, page.budget, "lots")
    assert wb.governance.budget == 1250000 and page.budget.text() == "1,250,000"
    type_into(qtbot, page.currency, "chf")
    assert wb.settings.currency == "CHF"
    type_into(qtbot, page.currency, "C1")
    assert wb.settings.currency == "CHF" and page.currency.text() == "CHF"
    page.focus_limit.setFocus()
    page.focus_limit.selectAll()
    qtbot.keyClicks(page.focus_limit, "4")
    qtbot.keyClick(page.focus_limit, Qt.Key.Key_Return)
    assert wb.settings.focus_limit == 4
    document.undo_stack.undo()
    assert page.focus_limit.value() == 7
    page.tabs.setCurrentIndex(4)
    page.reporting.setFocus()
    page.reporting.setCurrentRow(0)
    qtbot.keyClick(page.reporting, Qt.Key.Key_Space)
    assert wb.governance.reporting_ids == [wb.communication[0].id]
    document.undo_stack.undo()
    assert wb.governance.reporting_ids == []
    assert page.reporting.item(0).checkState() == Qt.CheckState.Unchecked


def test_no_kind_no_defaults(qapp, qtbot) -> None:
    document = WorkbookDocument(new_workbook())
    page = open_page(qtbot, GovernancePage, document)
    assert not page.defaults_button.isEnabled()
    assert "step 2" in page.defaults_button.text()
    release(document)


def test_governance_models_pass_the_model_tester(qapp, qtmodeltester) -> None:
    from conftest import LATER_SAMPLE

    from planning.fileformat import load_workbook

    document = WorkbookDocument(load_workbook(LATER_SAMPLE))
    for make in (roles_model, raci_model, staff_model, escalation_model):
        model = make(document)
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
    release(document)
