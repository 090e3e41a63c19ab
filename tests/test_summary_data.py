"""Strategy on a page as plain data: the figures the summary view, PDF and deck show."""

from __future__ import annotations

from planning.enums import Direction, ObjectiveStatus, StatementDecision, Strength, ValueCategory
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
    # The charter's words and order (its executive summary prints the same line).
    assert summary.counts_text == "5 objectives: 3 not started and 2 on track"
    assert summary.coverage_text == (
        "The objectives support 4 of 5 company strategic objectives (80%)"
    )
    assert summary.not_doing == [
        "Managing individual projects",
        "Choosing a new project tool this year",
    ]
    assert summary.decisions == ["The office becomes a portfolio management office from January."]


def test_statements_say_where_they_stand_in_the_charters_words(later_sample) -> None:
    summary = summarise(later_sample)
    status = {s.label: (s.status, s.decided) for s in summary.statements}
    assert status["Purpose"] == ("Reaffirmed in this year's review.", True)
    assert status["Mission"] == ("Revised in this year's review.", True)
    # The vision issue 11 found said two ways: the page says it the charter's one way.
    assert status["Vision"] == (
        "New this year: there was none in FY2026; not yet adopted in this review.",
        False,
    )


def test_value_by_category_sums_stated_amounts_of_active_objectives_in_the_currency() -> None:
    wb = new_workbook("Acme", "FY2030", currency="CHF")
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
        Objective(code="E", value_amount=20),
    ]
    summary = summarise(wb)
    # As the charter: amounts only (a category without one is named, never counted as 0).
    assert [(v.label, v.amount, v.objectives) for v in summary.values] == [
        ("Cost avoided", 1500.5, 2),
        ("Uncategorised", 20.0, 1),
    ]
    assert summary.unpriced == {ValueCategory.RISK_REDUCED: 1}
    assert summary.value_unit == "CHF"
    assert summary.amount(1500.5) == "1,500.5 CHF"
    assert summary.value_total_text == "1,520.5 CHF in all, adding different kinds of value"
    wb.objectives = wb.objectives[:2]
    wb.settings.currency = ""
    one = summarise(wb)
    assert one.value_total_text == "", "one kind of value needs no 'in all'"
    if not one.value_unit:  # the locale gives none either: said once, as the charter says it
        assert one.amount(1500.5) == "1,500.5"
        assert one.currency_text == "no currency set in the workbook"


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
    assert [(s.code, s.supporters, s.strength, s.strongest) for s in summary.strategy] == [
        ("CS-1", 1, 1, Strength.WEAK),
        ("CS-2", 0, 0, None),
    ]
    assert summary.coverage == 0.5


def test_empty_workbook_gives_a_summary_without_acronym() -> None:
    summary = summarise(new_workbook())
    assert summary.office_name == "Management Office"
    assert summary.objectives == []
    assert summary.counts_text == "0 objectives"
    assert summary.coverage_text == "No company strategic objectives are recorded"
    assert summary.statements[0].text.startswith("The office exists")
    assert "Name the approvers and sign off the charter" in summary.next_steps


def test_progress_follows_the_direction_and_target_text_says_it() -> None:
    wb = new_workbook()
    wb.objectives = [
        Objective(code="A", baseline=10, target=20, unit="%", actuals=[30, None, None, None]),
        Objective(code="B", baseline=10, target=20, actuals=[5, None, None, None]),
        Objective(
            code="C",
            baseline=30,
            target=20,
            unit="days",
            direction=Direction.DOWN,
            actuals=[25, None, None, None],
        ),
        Objective(
            code="D",
            baseline=5,
            target=8,
            direction=Direction.AT_LEAST,
            actuals=[9, None, None, None],
        ),
        Objective(
            code="E", baseline=1, target=2, target_max=3, direction=Direction.RANGE, unit="h"
        ),
    ]
    wb.mission.decision = StatementDecision.NEW
    lines = summarise(wb).objectives
    assert [o.progress for o in lines] == [1.0, 0.0, 0.5, 1.0, None]
    assert [o.target_text for o in lines] == [
        "10% → 20%",
        "10 → 20",
        "30 → 20 days",
        "5 → at least 8",
        "1 → 2–3 h",
    ]
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
