"""Strategy on a page as plain data: the figures the summary view, PDF and deck show."""

from __future__ import annotations

from planning.enums import ObjectiveStatus, StatementDecision, Strength, ValueCategory
from planning.model import AlignmentLink, Objective, StrategicObjective, new_workbook
from planning.summary import number, summarise


def test_sample_summary_names_the_office_and_counts_active_objectives(later_sample) -> None:
    summary = summarise(later_sample)
    assert summary.office_name == "Northwind Freight Portfolio Management Office"
    assert summary.office_kind == "Portfolio Management Office"
    assert summary.kind_change == "until last year a Project Management Office"
    codes = [o.code for o in summary.objectives]
    assert codes == [o.code for o in later_sample.active_objectives()]
    # Retired and achieved carried objectives are not on the page.
    assert "PO-2" not in codes and "PO-3" not in codes
    assert summary.counts_text == "5 active objectives: 2 on track, 3 not started"
    assert summary.coverage_text == "4 of 5 company strategic objectives supported (80%)"
    assert summary.not_doing == [
        "Managing individual projects",
        "Choosing a new project tool this year",
    ]
    assert summary.decisions == ["The office becomes a portfolio management office from January."]


def test_statements_say_what_changed_since_last_year(later_sample) -> None:
    summary = summarise(later_sample)
    changes = {s.label: s.change_label for s in summary.statements}
    assert changes["Purpose"] == "Reaffirmed"
    assert changes["Mission"] == "Revised this year"


def test_value_by_category_sums_active_objectives_only() -> None:
    wb = new_workbook("Acme", "FY2030")
    wb.objectives = [
        Objective(code="A", value_category=ValueCategory.COST_AVOIDED, value_amount=1000),
        Objective(code="B", value_category=ValueCategory.COST_AVOIDED, value_amount=500.5),
        Objective(
            code="C",
            value_category=ValueCategory.COST_AVOIDED,
            value_amount=9999,
            status=ObjectiveStatus.RETIRED,
        ),
        Objective(code="D", value_category=ValueCategory.RISK_REDUCED),
    ]
    summary = summarise(wb)
    assert [(v.category, v.amount, v.objectives) for v in summary.values] == [
        (ValueCategory.COST_AVOIDED, 1500.5, 2),
        (ValueCategory.RISK_REDUCED, 0.0, 1),
    ]
    assert summary.value_total == 1500.5


def test_coverage_counts_strongest_active_link() -> None:
    wb = new_workbook()
    wb.strategy = [StrategicObjective(code="CS-1"), StrategicObjective(code="CS-2")]
    a = Objective(code="A")
    b = Objective(code="B", status=ObjectiveStatus.RETIRED)
    wb.objectives = [a, b]
    wb.alignment = [
        AlignmentLink(objective_id=a.id, strategic_id=wb.strategy[0].id, strength=Strength.WEAK),
        AlignmentLink(objective_id=b.id, strategic_id=wb.strategy[1].id, strength=Strength.STRONG),
    ]
    summary = summarise(wb)
    assert [(s.code, s.supporters, s.strongest) for s in summary.strategy] == [
        ("CS-1", 1, Strength.WEAK),
        ("CS-2", 0, None),
    ]
    assert summary.coverage == 0.5


def test_empty_workbook_gives_a_summary_without_acronym() -> None:
    summary = summarise(new_workbook())
    assert summary.office_name == "Management Office"
    assert summary.objectives == []
    assert summary.counts_text == "0 active objectives"
    assert summary.coverage_text == "No company strategic objectives recorded yet"
    assert summary.statements[0].text.startswith("The office exists")
    assert "Name the approvers and sign off the charter" in summary.next_steps


def test_progress_is_clamped_and_target_text_is_readable() -> None:
    wb = new_workbook()
    wb.objectives = [
        Objective(code="A", baseline=10, target=20, unit="%", actuals=[30, None, None, None]),
        Objective(code="B", baseline=10, target=20, actuals=[5, None, None, None]),
    ]
    wb.mission.decision = StatementDecision.NEW
    lines = summarise(wb).objectives
    assert [o.progress for o in lines] == [1.0, 0.0]
    assert lines[0].target_text == "10 → 20 %"
    assert number(1234.5) == "1,234.5" and number(None) == "–"


def test_a_cut_list_shows_objectives_needing_attention_first() -> None:
    from planning.summary import first_to_show

    wb = new_workbook()
    statuses = [
        ObjectiveStatus.ON_TRACK,
        ObjectiveStatus.OFF_TRACK,
        ObjectiveStatus.ACHIEVED,
        ObjectiveStatus.AT_RISK,
        ObjectiveStatus.OFF_TRACK,
    ]
    wb.objectives = [Objective(code=f"O{i}", status=s) for i, s in enumerate(statuses)]
    lines = summarise(wb).objectives
    assert [o.code for o in first_to_show(lines, 5)] == ["O0", "O1", "O2", "O3", "O4"]
    assert [o.code for o in first_to_show(lines, 3)] == ["O1", "O4", "O3"]
