"""Starting next year's review: history kept, statements and objectives carried, pending."""

from __future__ import annotations

from datetime import date

import pytest

from planning.carry_forward import carry_forward, next_year_label
from planning.enums import CarryDecision, ObjectiveStatus
from planning.fileformat import dumps, loads


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("FY2026", "FY2027"),
        ("2025/26", "2026/27"),
        ("FY 2025-2026", "FY 2026-2027"),
        ("2099", "2100"),
        ("FY99", "FY00"),
        ("Year one", "Year one + 1"),
        ("", ""),
    ],
)
def test_next_year_label(label: str, expected: str) -> None:
    assert next_year_label(label) == expected


def test_carry_forward_of_first_sample(first_sample) -> None:
    nxt = carry_forward(first_sample)
    assert nxt.id != first_sample.id
    assert nxt.setup.fiscal_year.label == "FY2027"
    assert nxt.setup.fiscal_year.start == date(2027, 1, 1)
    assert nxt.setup.review_start is None
    (snap,) = nxt.history
    assert snap.fiscal_year.label == "FY2026"
    assert snap.mission.text == first_sample.mission.text
    assert snap.office_kind == first_sample.office.kind
    assert [r.result for r in snap.objectives] == [68, 21, 92, 12, None]
    # statements carried as text, decisions pending
    assert nxt.mission.text == first_sample.mission.text
    assert (nxt.mission.decision, nxt.mission.rationale) == (None, "")
    # objectives: latest actual proposed as baseline, last year's result kept
    ontime = nxt.objective(first_sample.objectives[0].id)
    assert ontime is not None and ontime.carried is not None
    assert (ontime.baseline, ontime.carried.last_year_result) == (68, 68)
    assert ontime.carried.last_year_status is ObjectiveStatus.AT_RISK
    assert ontime.carried.decision is None
    assert ontime.actuals == [None, None, None, None]
    assert ontime.status is ObjectiveStatus.NOT_STARTED
    assert ontime.due == date(2027, 12, 31)
    # health check emptied, last year's kept in history
    assert all(r.score is None for r in nxt.health)
    assert [r.score for r in snap.health] == [r.score for r in first_sample.health]
    assert nxt.approvals == []
    # the original is untouched
    assert first_sample.objectives[0].actuals == [60, 63, 66, 68]


def test_closed_objectives_stay_behind(later_sample) -> None:
    nxt = carry_forward(later_sample)
    decided = {o.id: o.carried.decision for o in later_sample.objectives if o.carried}
    closed = {i for i, d in decided.items() if d in (CarryDecision.RETIRE, CarryDecision.ACHIEVED)}
    assert closed
    assert not closed & {o.id for o in nxt.objectives}
    assert not closed & {a.objective_id for a in nxt.alignment}
    kept_ids = {o.id for o in nxt.objectives}
    for item in nxt.office_strategy:
        assert set(item.objective_ids) <= kept_ids


def test_history_accumulates_and_survives_the_file(later_sample) -> None:
    third = loads(dumps(carry_forward(later_sample)))
    assert [s.fiscal_year.label for s in third.history] == ["FY2026", "FY2027"]
    assert third.setup.fiscal_year.label == "FY2028"
    assert third.history[1].mission.text == later_sample.mission.text
    assert third.history[0].office_kind != third.history[1].office_kind
