"""Step states and readiness, computed in planning so the step list can trust them."""

from __future__ import annotations

from clean_workbook import clean_workbook

from planning.enums import ApprovalDecision, Complaint, StepState
from planning.model import new_workbook
from planning.readiness import readiness, step_states
from planning.steps import Step


def test_thirteen_steps_in_walk_order() -> None:
    assert [s.number for s in Step] == list(range(1, 14))
    assert Step.PURPOSE.number < Step.MISSION_VISION.number < Step.OBJECTIVES.number
    assert Step.OBJECTIVES.number < Step.OFFICE_STRATEGY.number
    assert Step.SIGNOFF.title == "Sign-off and export"


def test_new_workbook_is_mostly_empty() -> None:
    states = step_states(new_workbook())
    assert states[Step.PURPOSE] is StepState.IN_PROGRESS  # prefilled, not yet decided
    assert states[Step.OBJECTIVES] is StepState.EMPTY
    assert states[Step.SIGNOFF] is StepState.EMPTY
    assert readiness(new_workbook()).complete_steps == 0


def test_clean_workbook_is_ready() -> None:
    wb = clean_workbook()
    assert set(step_states(wb).values()) == {StepState.COMPLETE}
    result = readiness(wb)
    assert (result.percent, result.ready, result.warnings) == (100, True, 0)
    assert "13 of 13" in result.summary()


def test_partial_health_check_is_in_progress() -> None:
    wb = clean_workbook()
    wb.health_rating(Complaint.LACK_OF_FOCUS).score = None
    assert step_states(wb)[Step.HEALTH] is StepState.IN_PROGRESS
    assert readiness(wb).percent < 100


def test_warnings_make_a_step_need_attention() -> None:
    wb = clean_workbook()
    wb.objectives[0].measure = ""
    states = step_states(wb)
    assert states[Step.OBJECTIVES] is StepState.NEEDS_ATTENTION
    assert not readiness(wb).ready


def test_pending_approval_is_in_progress_not_attention() -> None:
    wb = clean_workbook()
    wb.approvals[0].decision = ApprovalDecision.PENDING
    assert step_states(wb)[Step.SIGNOFF] is StepState.IN_PROGRESS


def test_later_sample_states(later_sample) -> None:
    states = step_states(later_sample)
    assert states[Step.OFFICE] is StepState.NEEDS_ATTENTION  # tools answer missing
    # One complaint is unrated; "no quantifiable value", rated 2, is not yet addressed.
    assert states[Step.HEALTH] is StepState.NEEDS_ATTENTION
    assert states[Step.COMMUNICATION] is StepState.COMPLETE
