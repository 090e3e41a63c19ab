"""Every finding rule: one test makes it fire, the clean baseline keeps it quiet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from clean_workbook import clean_second_year, clean_workbook

from planning.enums import (
    ApprovalDecision,
    CarryDecision,
    Complaint,
    Direction,
    ObjectiveStatus,
    OfficeKind,
    Severity,
)
from planning.model import Objective, StrategicObjective, StrategyItem, Workbook
from planning.readiness import all_findings
from planning.steps import Step


def _obj(wb: Workbook) -> Objective:
    return wb.objectives[0]


def _set(target: Callable[[Workbook], object], field: str, value: object):
    def mutate(wb: Workbook) -> None:
        setattr(target(wb), field, value)

    return mutate


def _add_orphan(wb: Workbook) -> None:
    wb.objectives.append(
        Objective(
            code="OBJ-2",
            title="Orphan",
            measure="m",
            baseline=1,
            target=2,
            due=date(2027, 5, 1),
            owner="o",
            constituent_ids=[wb.constituents[0].id],
        )
    )


def _unsupported(wb: Workbook) -> None:
    wb.strategy.append(StrategicObjective(code="CS-2", title="Unsupported"))


def _no_statements_with_strategy(wb: Workbook) -> None:
    wb.vision.text = ""
    wb.objectives.clear()
    wb.alignment.clear()
    wb.office_strategy = [StrategyItem(title="Buy a tool")]


def _second_objective(**changes: object) -> Callable[[Workbook], None]:
    def mutate(wb: Workbook) -> None:
        wb.objectives.append(_obj(wb).model_copy(update={"id": "second", **changes}))

    return mutate


def _too_many(wb: Workbook) -> None:
    wb.settings.focus_limit = 1
    _second_objective(code="OBJ-2", title="Cheaper launches")(wb)


def _rate(complaint: Complaint, score: int) -> Callable[[Workbook], None]:
    return lambda wb: setattr(wb.health_rating(complaint), "score", score)


def _percent_above_100(wb: Workbook) -> None:
    objective = _obj(wb)
    objective.unit, objective.direction, objective.target = "%", Direction.UP, 120


# The coaching rules of issue #15 (docs/FINDINGS.md lists each with its examples).
COACHING_RULES: dict[str, tuple[Step, Callable[[Workbook], None]]] = {
    "measure.no_unit": (Step.OBJECTIVES, _set(_obj, "unit", "")),
    "measure.topic": (Step.OBJECTIVES, _set(_obj, "measure", "Launch quality")),
    "measure.percent_out_of_range": (Step.OBJECTIVES, _percent_above_100),
    "measure.score_without_scale": (Step.OBJECTIVES, _set(_obj, "measure", "Launch score")),
    "objective.activity": (Step.OBJECTIVES, _set(_obj, "title", "Implement a launch tool")),
    "objective.wrong_side": (Step.OBJECTIVES, _set(_obj, "direction", Direction.UP)),
    "owner.not_a_person": (Step.OBJECTIVES, _set(_obj, "owner", "Launch team")),
    "focus.too_many": (Step.OBJECTIVES, _too_many),
    "focus.duplicate_code": (Step.OBJECTIVES, _second_objective(title="Cheaper launches")),
    "focus.similar_titles": (
        Step.OBJECTIVES,
        _second_objective(code="OBJ-2", title="Faster launch"),
    ),
    "value.missing": (Step.OBJECTIVES, _rate(Complaint.NO_QUANTIFIABLE_VALUE, 2)),
    "acronym.bare": (Step.OBJECTIVES, _set(_obj, "description", "Run by the PMO.")),
    "complaint.not_addressed": (Step.HEALTH, _rate(Complaint.LACK_OF_FOCUS, 2)),
    "complaint.addressed": (Step.HEALTH, _rate(Complaint.DISSATISFIED_WITH_RESULTS, 1)),
}


FIRST_YEAR_RULES: dict[str, tuple[Step, Callable[[Workbook], None]]] = {
    **COACHING_RULES,
    "smart.no_measure": (Step.OBJECTIVES, _set(_obj, "measure", "  ")),
    "smart.no_baseline": (Step.OBJECTIVES, _set(_obj, "baseline", None)),
    "smart.no_target": (Step.OBJECTIVES, _set(_obj, "target", None)),
    "smart.target_equals_baseline": (Step.OBJECTIVES, _set(_obj, "target", 20)),
    "smart.no_due": (Step.OBJECTIVES, _set(_obj, "due", None)),
    "smart.due_outside_year": (Step.OBJECTIVES, _set(_obj, "due", date(2028, 1, 1))),
    "smart.no_owner": (Step.OBJECTIVES, _set(_obj, "owner", "")),
    "smart.no_constituent": (Step.OBJECTIVES, _set(_obj, "constituent_ids", ["gone"])),
    "smart.not_aligned": (Step.OBJECTIVES, lambda wb: wb.alignment.clear()),
    "objective.untitled": (Step.OBJECTIVES, _set(_obj, "title", "")),
    "alignment.orphan_objective": (Step.ALIGNMENT, _add_orphan),
    "alignment.unsupported_strategic": (Step.ALIGNMENT, _unsupported),
    "statement.bare_acronym": (
        Step.MISSION_VISION,
        _set(lambda wb: wb.mission, "text", "The PMO helps our customers succeed."),
    ),
    "statement.too_long": (
        Step.MISSION_VISION,
        _set(lambda wb: wb.vision, "text", "word " * 61),
    ),
    "statement.no_customer": (
        Step.MISSION_VISION,
        _set(lambda wb: wb.mission, "text", "We run a tidy process."),
    ),
    "statement.no_rationale": (Step.PURPOSE, _set(lambda wb: wb.purpose, "rationale", "")),
    "setup.no_executive": (
        Step.SETUP,
        lambda wb: [setattr(p, "executive", False) for p in wb.setup.participants],
    ),
    "setup.year_reversed": (
        Step.SETUP,
        _set(lambda wb: wb.setup.fiscal_year, "end", date(2026, 1, 1)),
    ),
    "recipe.objectives_before_statements": (
        Step.OBJECTIVES,
        _set(lambda wb: wb.mission, "text", ""),
    ),
    "recipe.backwards": (Step.OFFICE_STRATEGY, _no_statements_with_strategy),
    "signoff.rejected": (
        Step.SIGNOFF,
        _set(lambda wb: wb.approvals[0], "decision", ApprovalDecision.REJECTED),
    ),
    "signoff.pending": (
        Step.SIGNOFF,
        _set(lambda wb: wb.approvals[0], "decision", ApprovalDecision.PENDING),
    ),
}


def _carried(wb: Workbook):
    carried = wb.objectives[0].carried
    assert carried is not None
    return carried


SECOND_YEAR_RULES: dict[str, tuple[Step, Callable[[Workbook], None]]] = {
    "carry.decision_pending": (Step.OBJECTIVES, _set(_carried, "decision", None)),
    "carry.no_reason": (Step.OBJECTIVES, _set(_carried, "decision", CarryDecision.REVISE)),
    "statement.not_reviewed": (
        Step.MISSION_VISION,
        _set(lambda wb: wb.vision, "decision", None),
    ),
    "office.kind_change_unanswered": (
        Step.OFFICE,
        _set(lambda wb: wb.office, "kind", OfficeKind.PROJECT),
    ),
}


def _rules(wb: Workbook) -> set[str]:
    return {f.rule for f in all_findings(wb)}


def test_clean_baselines_have_no_findings() -> None:
    assert all_findings(clean_workbook()) == []
    assert all_findings(clean_second_year()) == []


@pytest.mark.parametrize("rule", sorted(FIRST_YEAR_RULES))
def test_first_year_rule_fires(rule: str) -> None:
    step, mutate = FIRST_YEAR_RULES[rule]
    wb = clean_workbook()
    assert rule not in _rules(wb)
    mutate(wb)
    fired = [f for f in all_findings(wb) if f.rule == rule]
    assert fired, f"{rule} did not fire"
    assert {f.step for f in fired} == {step}
    assert all(f.message and "\n" not in f.message for f in fired)


@pytest.mark.parametrize("rule", sorted(SECOND_YEAR_RULES))
def test_second_year_rule_fires(rule: str) -> None:
    step, mutate = SECOND_YEAR_RULES[rule]
    wb = clean_second_year()
    assert rule not in _rules(wb)
    mutate(wb)
    fired = [f for f in all_findings(wb) if f.rule == rule]
    assert fired and {f.step for f in fired} == {step}


def test_kind_change_answered_is_quiet() -> None:
    wb = clean_second_year()
    wb.office.kind = OfficeKind.PROJECT
    answers = wb.office.kind_change
    answers.people_and_skills, answers.processes = "Hire two analysts", "Quarterly review"
    assert "office.kind_change_unanswered" in _rules(wb)
    answers.tools = "Keep the current tool"
    assert "office.kind_change_unanswered" not in _rules(wb)


def test_bare_acronym_in_office_name_concerns_the_office_step() -> None:
    wb = clean_workbook()
    wb.office.full_name = "Acme PMO"
    found = [f for f in all_findings(wb) if f.rule == "statement.bare_acronym"]
    assert [(f.step, f.field) for f in found] == [(Step.OFFICE, "full_name")]


def test_bare_acronym_is_a_word_not_a_substring() -> None:
    wb = clean_workbook()
    wb.mission.text = "Our customers and the EPMO team; PMOs elsewhere."
    assert "statement.bare_acronym" in _rules(wb)
    wb.mission.text = "Our customers plan with the EPMO team and its PMOnitor tool."
    assert "statement.bare_acronym" not in _rules(wb)


def test_mission_naming_a_constituent_by_name_is_enough() -> None:
    wb = clean_workbook()
    wb.mission.text = "We make the Sales division faster."
    assert "statement.no_customer" not in _rules(wb)


def test_retired_and_achieved_objectives_get_no_smart_findings() -> None:
    wb = clean_second_year()
    objective = wb.objectives[0]
    objective.measure = ""
    assert "smart.no_measure" in _rules(wb)
    assert objective.carried is not None
    objective.carried.decision = CarryDecision.ACHIEVED
    objective.carried.reason = "Done"
    assert "smart.no_measure" not in _rules(wb)
    objective.carried.decision = CarryDecision.KEEP
    objective.status = ObjectiveStatus.RETIRED
    assert "smart.no_measure" not in _rules(wb)


def test_findings_come_in_walk_order_most_severe_first() -> None:
    wb = clean_workbook()
    wb.approvals[0].decision = ApprovalDecision.PENDING
    wb.objectives[0].owner = ""
    wb.setup.participants[1].executive = False
    found = all_findings(wb)
    order = list(Step)
    keys = [(order.index(f.step), -f.severity.rank) for f in found]
    assert keys == sorted(keys)
    assert found[-1].severity is Severity.INFO


def test_finding_carries_entity_and_field() -> None:
    wb = clean_workbook()
    wb.objectives[0].owner = ""
    (finding,) = [f for f in all_findings(wb) if f.rule == "smart.no_owner"]
    assert finding.entity_id == wb.objectives[0].id
    assert finding.field == "owner"
    assert "OBJ-1" in finding.message
