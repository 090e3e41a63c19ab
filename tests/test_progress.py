"""Progress follows the direction of the measure: down, ranges and levels to hold."""

from __future__ import annotations

import pytest

from planning.enums import Direction
from planning.model import Objective
from planning.progress import progress, wrong_side


def _objective(direction: Direction, baseline: float | None, target: float, top=None):
    return Objective(direction=direction, baseline=baseline, target=target, target_max=top)


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "top", "value", "expected"),
    [
        (Direction.UP, 58, 75, None, 66.5, 0.5),
        (Direction.DOWN, 30, 20, None, 25, 0.5),  # cycle time 30 → 20 days, 25 today
        (Direction.DOWN, 30, 20, None, 18, 1.2),
        (Direction.DOWN, 30, 20, None, 32, -0.2),
        (Direction.UP, 30, 20, None, 25, None),  # wrong side: no progress to show
        (Direction.DOWN, 20, 30, None, 25, None),
        (Direction.AT_LEAST, 80, 95, None, 96, 1.0),
        (Direction.AT_LEAST, 80, 95, None, 87.5, 0.5),
        (Direction.AT_LEAST, 99, 95, None, 90, 0.0),  # was above the floor, fell below
        (Direction.AT_MOST, 10, 5, None, 4, 1.0),
        (Direction.AT_MOST, 10, 5, None, 7.5, 0.5),
        (Direction.RANGE, 10, 20, 30, 25, 1.0),
        (Direction.RANGE, 10, 20, 30, 15, 0.5),
        (Direction.RANGE, 40, 20, 30, 35, 0.5),
        (Direction.RANGE, 25, 20, 30, 35, 0.0),  # started inside the band, drifted out
        (Direction.RANGE, 10, 20, None, 25, None),  # no upper end yet
        (Direction.UP, None, 20, None, 25, None),
    ],
)
def test_progress_for_each_direction(direction, baseline, target, top, value, expected) -> None:
    result = progress(_objective(direction, baseline, target, top), value)
    assert result == (None if expected is None else pytest.approx(expected))


def test_the_objective_reports_progress_of_its_latest_actual() -> None:
    objective = _objective(Direction.DOWN, 30, 20)
    objective.actuals = [28, 25, None, None]
    assert objective.progress() == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "top", "wrong"),
    [
        (Direction.UP, 10, 5, None, True),
        (Direction.UP, 5, 10, None, False),
        (Direction.DOWN, 5, 10, None, True),
        (Direction.DOWN, 10, 5, None, False),
        (Direction.RANGE, 10, 30, 20, True),
        (Direction.RANGE, 10, 20, 30, False),
        (Direction.AT_LEAST, 99, 95, None, False),
        (Direction.AT_MOST, 1, 5, None, False),
    ],
)
def test_wrong_side_of_the_baseline(direction, baseline, target, top, wrong) -> None:
    assert wrong_side(_objective(direction, baseline, target, top)) is wrong
