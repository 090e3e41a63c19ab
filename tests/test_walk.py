"""A complete review driven through the pages: from a new workbook, every step filled in
the way a leader does it, findings disappearing as their causes are fixed, undo and redo,
both documents exported from the sign-off page, saved and reopened unchanged."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document
from PySide6.QtCore import Qt
from test_pages_support import (
    add_row,
    cell_text,
    choose,
    click,
    open_page,
    release,
    set_cell,
    set_date,
    type_cell,
    type_into,
)

from planning.enums import (
    ApprovalDecision,
    ObjectiveStatus,
    OfficeKind,
    Severity,
    StatementDecision,
    StepState,
    Strength,
)
from planning.fileformat import load_workbook
from planning.model import DEFAULT_PURPOSE
from planning.steps import Step
from ui.document import WorkbookDocument
from ui.pages import PAGES
from ui.pages.alignment import AlignmentPage
from ui.pages.communication import CommunicationPage
from ui.pages.constituents import ConstituentsPage
from ui.pages.governance import GovernancePage
from ui.pages.health import HealthPage
from ui.pages.mission_vision import MissionVisionPage
from ui.pages.objectives import ObjectivesPage
from ui.pages.office import OfficePage
from ui.pages.office_strategy import OfficeStrategyPage
from ui.pages.purpose import PurposePage
from ui.pages.setup import SetupPage
from ui.pages.signoff import SignoffPage
from ui.pages.strategy import StrategyPage

# Showing a top-level widget on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

exporters_tracker = pytest.importorskip("exporters.tracker")
exporters_charter = pytest.importorskip("exporters.charter")


def rules(document: WorkbookDocument, step: Step) -> set[str]:
    return {f.rule for f in document.findings_for(step)}


def docx_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def document(qapp):
    doc = WorkbookDocument()
    yield doc
    release(doc)


def test_pages_are_the_steps_in_order(document, qtbot):
    assert [page.step for page in PAGES] == list(Step)
    for entry in PAGES:
        page = open_page(qtbot, entry.load(), document)
        assert page.step is entry.step
        assert page.title_label.text() == f"{page.step.number}. {page.step.title}"
        assert page.guidance_label is not None
        assert page.guidance_label.text() == page.step.guidance
        assert len(page.guidance_label.text()) > 80


def test_a_complete_review_from_a_new_workbook(document, qtbot, tmp_path):
    # 1. Review setup ---------------------------------------------------------------------
    setup = open_page(qtbot, SetupPage, document)
    assert setup.participants.stack.currentIndex() == 0  # the empty state, not a grid
    assert "Add everyone who takes part" in setup.participants.empty_label.text()
    type_into(qtbot, setup.organisation, "Acme Logistics")
    type_into(qtbot, setup.year_label, "FY2027")
    set_date(setup.year_start, 2027, 1, 1)
    set_date(setup.year_end, 2027, 12, 31)
    set_date(setup.review_start, 2026, 11, 20)
    set_date(setup.review_end, 2026, 11, 20)
    type_into(qtbot, setup.facilitator, "Amara Okafor")
    amara = add_row(qtbot, setup.participants, "Amara Okafor")
    type_cell(qtbot, setup.participants, amara, "role", "Head of the office")
    assert "setup.no_executive" in rules(document, Step.SETUP)
    assert setup.executive_badge.isVisible()
    hana = add_row(qtbot, setup.participants, "Hana Sato")
    set_cell(
        setup.participants,
        hana,
        "executive",
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert "setup.no_executive" not in rules(document, Step.SETUP)
    assert not setup.executive_badge.isVisible()
    wb = document.workbook
    assert wb.setup.organisation == "Acme Logistics"
    assert wb.setup.fiscal_year.start == date(2027, 1, 1)
    assert [p.name for p in wb.setup.participants] == ["Amara Okafor", "Hana Sato"]
    # Typing a field is one undo step, and undo/redo show in the field.
    type_into(qtbot, setup.facilitator, "Jonas Weber")
    document.undo_stack.undo()
    assert setup.facilitator.text() == "Amara Okafor"
    document.undo_stack.redo()
    assert setup.facilitator.text() == "Jonas Weber"

    # 2. Office ---------------------------------------------------------------------------
    office = open_page(qtbot, OfficePage, document)
    assert "Choose a kind" in office.oversees.text()
    choose(office.kind, OfficeKind.PORTFOLIO.label)
    assert "whole portfolio" in office.oversees.text()
    assert office.focus_question.text() == "Are we working on the right projects?"
    assert not office.change_box.isVisible()  # no earlier year: no change of kind
    type_into(qtbot, office.full_name, "Acme PMO")
    assert office.name_badge.isVisible() and "bare acronym" in office.name_badge.text()
    type_into(qtbot, office.full_name, "Acme Portfolio Management Office")
    assert not office.name_badge.isVisible()
    type_into(qtbot, office.scope, "Every change initiative above 50,000 EUR.")
    assert wb.office.kind is OfficeKind.PORTFOLIO
    assert wb.office.scope == "Every change initiative above 50,000 EUR."

    # 3. Company strategy and 4. constituents ----------------------------------------------
    strategy = open_page(qtbot, StrategyPage, document)
    cs1 = add_row(qtbot, strategy.table, "CS-1")
    type_cell(qtbot, strategy.table, cs1, "title", "On-time delivery above 97%")
    cs2 = add_row(qtbot, strategy.table, "CS-2")
    type_cell(qtbot, strategy.table, cs2, "title", "Cost per shipment down 8%")
    set_cell(strategy.table, cs2, "priority", "High")
    assert cell_text(strategy.table, cs2, "priority") == "High"
    constituents = open_page(qtbot, ConstituentsPage, document)
    units = add_row(qtbot, constituents.table, "Business units")
    type_cell(qtbot, constituents.table, units, "goals", "Invest in what moves the strategy")
    type_cell(qtbot, constituents.table, units, "needs", "Benefits they can count on")
    set_cell(constituents.table, units, "satisfaction", 3.5)
    assert cell_text(constituents.table, units, "satisfaction") == "3.5"

    # 5. Health check ---------------------------------------------------------------------
    health = open_page(qtbot, HealthPage, document)
    assert not health.view.isColumnHidden(2)
    assert health.view.isColumnHidden(1)  # no last year to show
    for row in range(health.model.rowCount()):
        assert health.model.setData(health.model.index(row, 2), 2 + row % 3)
    health.model.setData(health.model.index(0, 4), "Nobody reads our reports.")
    assert health.chart.shown["This year"][-1] == 2.0  # the first complaint is the top bar
    assert all(r.score for r in wb.health)

    # 6. Purpose --------------------------------------------------------------------------
    purpose = open_page(qtbot, PurposePage, document)
    assert purpose.editor.text.toPlainText() == DEFAULT_PURPOSE
    assert not purpose.editor.history.isVisible()
    choose(purpose.editor.decision, StatementDecision.NEW.label)
    assert "statement.no_rationale" in rules(document, Step.PURPOSE)
    type_into(qtbot, purpose.editor.rationale, "Customer success, as agreed with the board.")
    assert rules(document, Step.PURPOSE) == set()

    # 7. Mission and vision: hints follow the typing --------------------------------------
    mv = open_page(qtbot, MissionVisionPage, document)
    depth = document.undo_stack.count()
    type_into(qtbot, mv.mission.text, "Our PMO runs projects.")
    assert document.undo_stack.count() == depth + 1  # the typing merged into one step
    assert mv.mission.hints.isVisible()
    assert "bare acronym" in mv.mission.hints.text()
    assert "whom the office serves" in mv.mission.hints.text()
    type_into(
        qtbot,
        mv.mission.text,
        "The Portfolio Management Office helps the business units invest in the right initiatives.",
    )
    assert not mv.mission.hints.isVisible()
    type_into(qtbot, mv.vision.text, "Every euro Acme invests in change is traceable to strategy.")
    for editor in (mv.mission, mv.vision):
        choose(editor.decision, StatementDecision.NEW.label)
        type_into(qtbot, editor.rationale, "Agreed in the workshop with the executives.")
    assert rules(document, Step.MISSION_VISION) == set()
    document.undo_stack.undo()  # the vision's rationale
    assert mv.vision.rationale.text() == ""
    document.undo_stack.redo()
    assert mv.vision.rationale.text() == "Agreed in the workshop with the executives."

    # 8. Objectives: SMART findings go as the fields are filled ---------------------------
    objectives = open_page(qtbot, ObjectivesPage, document)
    table = objectives.table
    o1 = add_row(qtbot, table, "PF-1")
    type_cell(qtbot, table, o1, "title", "Every initiative scored against strategy")
    smart = objectives.model.index(objectives.model.row_of(o1), 0)
    assert "has no measure" in smart.data(Qt.ItemDataRole.ToolTipRole)
    type_cell(qtbot, table, o1, "measure", "Share of initiatives with a strategy score")
    type_cell(qtbot, table, o1, "unit", "%")
    set_cell(table, o1, "baseline", 40.0)
    set_cell(table, o1, "target", 100.0)
    set_cell(table, o1, "due", date(2027, 6, 30))
    type_cell(qtbot, table, o1, "owner", "Amara Okafor")
    set_cell(table, o1, "constituent_ids", [units])
    set_cell(table, o1, "status", ObjectiveStatus.ON_TRACK)
    assert cell_text(table, o1, "target") == "100 %"
    assert cell_text(table, o1, "constituent_ids") == "Business units"
    assert {f.rule for f in objectives.model.findings_of(o1)} == {"smart.not_aligned"}
    table.select_id(o1)
    assert objectives.objective_findings.messages() == [
        "PF-1 (Every initiative scored against strategy) supports no company strategic objective."
    ]
    choose(objectives.value_category, "Benefits realised")
    type_into(qtbot, objectives.value_amount, "250000")
    assert wb.objective(o1).value_amount == 250000.0
    assert not objectives.carry_box.isVisible()  # a new objective carries nothing over
    o2 = add_row(qtbot, table, "PF-2")
    for field, text in (
        ("title", "Cost of delay visible"),
        ("measure", "Initiatives costed"),
        ("unit", "count"),
        ("owner", "Ingrid Berg"),
    ):
        type_cell(qtbot, table, o2, field, text)
    for field, value in (
        ("baseline", 0.0),
        ("target", 30.0),
        ("due", date(2027, 9, 30)),
        ("constituent_ids", [units]),
    ):
        set_cell(table, o2, field, value)
    click(qtbot, table.up_button)
    assert [o.code for o in wb.objectives] == ["PF-2", "PF-1"]
    document.undo_stack.undo()
    assert [o.code for o in wb.objectives] == ["PF-1", "PF-2"]

    # 9. Alignment: a click and a key cycle the strength ----------------------------------
    alignment = open_page(qtbot, AlignmentPage, document)
    view, model = alignment.view, alignment.model
    assert len(alignment.orphans.entries) == 2
    cell = model.index(0, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cell).center())
    assert cell.data() == "Weak"
    view.setCurrentIndex(cell)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert wb.link(o1, cs1).strength is Strength.MEDIUM
    view.setCurrentIndex(model.index(1, 1))
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert wb.link(o2, cs2).strength is Strength.STRONG
    assert alignment.orphans.entries == ["Every office objective supports the strategy."]
    assert alignment.unsupported.entries == ["Every company objective is supported."]
    assert "100%" in alignment.coverage.text()
    assert model.index(model.rowCount() - 1, model.columnCount() - 1).data() == "5"
    assert rules(document, Step.ALIGNMENT) == set()
    assert rules(document, Step.OBJECTIVES) == set()

    # 10. Office strategy, 11. communication --------------------------------------------------
    office_strategy = open_page(qtbot, OfficeStrategyPage, document)
    assert not office_strategy.recipe_badge.isVisible()
    services = office_strategy.editors[next(iter(office_strategy.editors))]
    review = add_row(qtbot, services, "Quarterly portfolio review")
    set_cell(services, review, "objective_ids", [o1, o2])
    assert cell_text(services, review, "objective_ids") == "PF-1, PF-2"
    # Step 10 is complete with a service, a process, people and a tool (issue 10).
    kinds = list(office_strategy.editors)
    for kind, title in zip(
        kinds[1:],
        ("Stage-gate review", "Two portfolio analysts", "Portfolio dashboard"),
        strict=True,
    ):
        assert document.step_states()[Step.OFFICE_STRATEGY] is not StepState.COMPLETE
        item = add_row(qtbot, office_strategy.editors[kind], title)
        set_cell(office_strategy.editors[kind], item, "objective_ids", [o1])
    assert document.step_states()[Step.OFFICE_STRATEGY] is StepState.COMPLETE
    communication = open_page(qtbot, CommunicationPage, document)
    # The communication plan reaches every constituent group: the purpose, rated 2 in the
    # health check, is then addressed by the plan.
    board = add_row(qtbot, communication.plan, "Executive committee and business units")
    for field, text in (
        ("message", "Portfolio health"),
        ("channel", "Board pack"),
        ("frequency", "Quarterly"),
        ("owner", "Amara Okafor"),
    ):
        type_cell(qtbot, communication.plan, board, field, text)
    not_doing = add_row(qtbot, communication.not_doing, "Run projects ourselves")
    type_cell(qtbot, communication.not_doing, not_doing, "reason", "The business units do.")

    # 11. Governance: the portfolio office's defaults, then the leader's own ---------------
    governance = open_page(qtbot, GovernancePage, document)
    click(qtbot, governance.defaults_button)
    assert any("prioritisation" in matter for matter in wb.governance.decides)
    governance.tabs.setCurrentIndex(1)
    sponsor = wb.governance.roles[0].id
    type_cell(qtbot, governance.roles, sponsor, "holder", "Hana Sato")
    governance.tabs.setCurrentIndex(3)
    type_into(qtbot, governance.budget, "480000")
    qtbot.keyClick(governance.budget, Qt.Key.Key_Return)
    assert wb.governance.budget == 480000
    governance.tabs.setCurrentIndex(4)
    governance.reporting.setFocus()
    governance.reporting.setCurrentRow(0)
    qtbot.keyClick(governance.reporting, Qt.Key.Key_Space)
    assert wb.governance.reporting_ids == [board]
    assert rules(document, Step.GOVERNANCE) == set()

    # 13. Sign-off: approvals, readiness, exports ------------------------------------------
    signoff = open_page(qtbot, SignoffPage, document)
    ceo = add_row(qtbot, signoff.approvals, "Daniel Mensah")
    assert any("pending" in m for m in signoff.all_findings.messages())
    set_cell(signoff.approvals, ceo, "decision", ApprovalDecision.APPROVED)
    set_cell(signoff.approvals, ceo, "decided_on", date(2026, 11, 27))
    assert [f for f in document.findings() if f.severity.rank >= Severity.WARNING.rank] == []
    assert document.readiness().ready
    assert signoff.progress.value() == 100
    assert "Ready for sign-off" in signoff.readiness_label.text()

    written = {}

    def export_tracker():
        path = tmp_path / "tracker.xlsx"
        written["tracker"] = (path, exporters_tracker.write_tracker(document.workbook, path))

    def export_charter():
        path = tmp_path / "charter.docx"
        written["charter"] = (path, exporters_charter.write_charter(document.workbook, path))

    signoff.export_tracker_requested.connect(export_tracker)
    signoff.export_charter_requested.connect(export_charter)
    click(qtbot, signoff.export_tracker)
    click(qtbot, signoff.export_charter)
    assert written["tracker"][0].stat().st_size > 0
    charter_text = docx_text(written["charter"][0])
    assert "Acme Portfolio Management Office" in charter_text
    assert "helps the business units invest in the right initiatives" in charter_text
    from openpyxl import load_workbook as load_xlsx

    sheets = load_xlsx(written["tracker"][0])
    cells = [c.value for ws in sheets.worksheets for row in ws.iter_rows() for c in row]
    assert "Every initiative scored against strategy" in cells

    # Saved, reopened, equal; the pages show the reopened workbook ---------------------------
    path = tmp_path / "acme-fy2027.pmowb"
    document.save(path)
    assert not document.is_modified()
    reopened = load_workbook(path)
    assert reopened == document.workbook
    other = WorkbookDocument(load_workbook(path), path)
    try:
        again = open_page(qtbot, SetupPage, other)
        assert again.organisation.text() == "Acme Logistics"
        assert again.participants.model.rowCount() == 2
        mv_again = open_page(qtbot, MissionVisionPage, other)
        assert mv_again.mission.text.toPlainText().startswith("The Portfolio Management Office")
    finally:
        release(other)


def test_later_year_mission_beside_last_years_and_revision_in_charter(
    qapp, qtbot, later_sample, tmp_path
):
    document = WorkbookDocument(later_sample)
    try:
        wb = document.workbook
        mv = open_page(qtbot, MissionVisionPage, document)
        last = wb.last_year().mission.text
        assert mv.mission.history.isVisible()
        assert mv.mission.last_text.text() == last
        assert "PMO" in mv.mission.diff.deleted()
        assert "Portfolio" in mv.mission.diff.inserted()
        assert "line-through" in mv.mission.diff.text()
        # The vision was never reviewed this year: revise it and the findings go.
        assert "statement.not_reviewed" in rules(document, Step.MISSION_VISION)
        choose(mv.vision.decision, StatementDecision.REVISE.label)
        type_into(
            qtbot,
            mv.vision.text,
            "Every euro Northwind invests in change is "
            "traceable to strategy through the Portfolio "
            "Management Office.",
        )
        type_into(qtbot, mv.vision.rationale, "Say which office we are.")
        assert rules(document, Step.MISSION_VISION) == set()
        assert "Changes" not in mv.vision.diff.text()  # last year's vision was empty
        assert mv.vision.diff.inserted().startswith("Every euro Northwind")

        objectives = open_page(qtbot, ObjectivesPage, document)
        po4 = next(o for o in wb.objectives if o.code == "PO-4")
        objectives.table.select_id(po4.id)
        assert objectives.carry_box.isVisible()
        assert "Last year's result: 12" in objectives.last_result.text()
        assert "carry.decision_pending" in {f.rule for f in objectives.model.findings_of(po4.id)}
        choose(objectives.decision, "Revise")
        type_into(qtbot, objectives.reason, "Track benefits for 12 months after go-live.")
        type_cell(qtbot, objectives.table, po4.id, "title", "Benefits tracked for a year")
        assert "12" in objectives.use_baseline.text()
        set_cell(objectives.table, po4.id, "baseline", 10.0)
        assert objectives.use_baseline.isEnabled()
        click(qtbot, objectives.use_baseline)
        assert wb.objective(po4.id).baseline == 12.0
        assert cell_text(objectives.table, po4.id, "decision") == "Revise"
        assert "carry.decision_pending" not in {
            f.rule for f in objectives.model.findings_of(po4.id)
        }
        assert wb.objective(po4.id).carried.reason == "Track benefits for 12 months after go-live."
        assert not objectives.use_baseline.isEnabled()
        # Undo the baseline; the detail panel's decision is still recorded.
        document.undo_stack.undo()
        assert wb.objective(po4.id).baseline == 10.0
        assert wb.objective(po4.id).carried.reason.startswith("Track benefits")

        path = tmp_path / "charter.docx"
        exporters_charter.write_charter(wb, path)
        text = docx_text(path)
        appendix = text[text.index("Appendix: what changed since last year") :]
        assert "Track benefits for 12 months after go-live." in appendix
        assert "Benefits tracked for a year" in appendix
    finally:
        release(document)
