"""The X-matrix: its corner grids come from the alignment and the strategy links, and its
checks name what is missing."""

from __future__ import annotations

from planning.enums import ObjectiveStatus, Strength
from planning.model import AlignmentLink, Objective, StrategicObjective, StrategyItem, new_workbook
from planning.xmatrix import Mark, build_xmatrix, xmatrix_checks


def _workbook():
    wb = new_workbook()
    cs1, cs2 = StrategicObjective(code="CS-1"), StrategicObjective(code="CS-2")
    a = Objective(code="A", measure="Share on time", baseline=1, target=2, owner="Ann")
    b = Objective(code="B", measure="Cost", owner="")
    c = Objective(code="C")
    gone = Objective(code="Z", measure="Old", owner="Zed", status=ObjectiveStatus.RETIRED)
    wb.strategy = [cs1, cs2]
    wb.objectives = [a, b, c, gone]
    wb.alignment = [
        AlignmentLink(objective_id=a.id, strategic_id=cs1.id, strength=Strength.STRONG),
        AlignmentLink(objective_id=b.id, strategic_id=cs1.id, strength=Strength.MEDIUM),
        AlignmentLink(objective_id=b.id, strategic_id=cs2.id, strength=Strength.WEAK),
        AlignmentLink(objective_id=gone.id, strategic_id=cs2.id, strength=Strength.STRONG),
    ]
    wb.office_strategy = [
        StrategyItem(title="Review board", objective_ids=[a.id, gone.id]),
        StrategyItem(title="Dashboard", objective_ids=[c.id]),
        StrategyItem(title="Loose end"),
    ]
    return wb


def test_corner_grids_follow_alignment_and_strategy_links() -> None:
    wb = _workbook()
    xm = build_xmatrix(wb)
    cs1, cs2 = wb.strategy
    a, b, c, _gone = wb.objectives
    review, dashboard, _loose = wb.office_strategy
    assert [o.code for o in xm.objectives] == ["A", "B", "C"]
    assert [m.code for m in xm.measures] == ["A", "B"]
    assert xm.measures[0].target_text == "1 → 2"
    assert xm.owners == ["Ann"]
    assert xm.strategic_objective == {
        (cs1.id, a.id): Mark.STRONG,
        (cs1.id, b.id): Mark.MEDIUM,
        (cs2.id, b.id): Mark.WEAK,
    }
    assert xm.priority_objective == {
        (review.id, a.id): Mark.STRONG,
        (dashboard.id, c.id): Mark.STRONG,
    }
    assert xm.priority_measure == {(review.id, a.id): Mark.MEDIUM}
    assert xm.priority_owner == {(review.id, "Ann"): Mark.MEDIUM}


def test_checks_name_each_gap() -> None:
    messages = [c.message for c in xmatrix_checks(build_xmatrix(_workbook()))]
    assert messages == [
        "Objective C has no mark against any company strategic objective.",
        "Priority Dashboard moves no measure: its objectives have none.",
        "Priority Loose end serves no active office objective.",
        "Measure of B (Cost) has no owner.",
    ]


def test_sample_xmatrix_matches_its_alignment(later_sample) -> None:
    xm = build_xmatrix(later_sample)
    active = {o.id for o in later_sample.active_objectives()}
    expected = {
        (link.strategic_id, link.objective_id): link.strength
        for link in later_sample.alignment
        if link.objective_id in active
    }
    assert {k: m.label for k, m in xm.strategic_objective.items()} == {
        k: s.value for k, s in expected.items()
    }


def test_empty_workbook_has_an_empty_matrix_and_no_checks() -> None:
    xm = build_xmatrix(new_workbook())
    assert xm.is_empty()
    assert xmatrix_checks(xm) == []
