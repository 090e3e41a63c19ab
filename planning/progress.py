"""Progress of an objective, aware of the way its measure should move.

One function serves the app, the charter and (as the same rule written as a formula) the
tracker: "cycle time 30 → 20 days" is 50 % done at 25, whatever the direction of travel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planning.enums import Direction

if TYPE_CHECKING:
    from planning.model import Objective


def wrong_side(objective: Objective) -> bool:
    """True when the target lies on the wrong side of the baseline for the direction
    (going "up" to a lower number, "down" to a higher one, a range whose ends are swapped)."""
    base, target = objective.baseline, objective.target
    if target is None:
        return False
    direction = objective.direction
    if direction is Direction.RANGE:
        return objective.target_max is not None and objective.target_max < target
    if base is None:
        return False
    if direction is Direction.UP:
        return target < base
    if direction is Direction.DOWN:
        return target > base
    return False


def band(objective: Objective) -> tuple[float, float] | None:
    """The (low, high) band of a range objective, None when incomplete."""
    low, high = objective.target, objective.target_max
    if low is None or high is None:
        return None
    return (min(low, high), max(low, high))


def progress(objective: Objective, value: float | None) -> float | None:
    """The share of the way from baseline to target that `value` stands for.

    Up and down: (value − baseline) / (target − baseline), which may fall below 0 or exceed 1;
    None when the target is on the wrong side or equals the baseline. At least / at most:
    1 once the level is held, else the way from the baseline towards it. Range: 1 inside the
    band, else the way from the baseline towards the nearest edge (0 when it started inside).
    """
    base, target = objective.baseline, objective.target
    if value is None or target is None:
        return None
    direction = objective.direction
    if direction is Direction.RANGE:
        edges = band(objective)
        if edges is None:
            return None
        low, high = edges
        if low <= value <= high:
            return 1.0
        edge = low if value < low else high
        if base is None or low <= base <= high or (base < low) != (value < low):
            return 0.0
        return (value - base) / (edge - base)
    if direction is Direction.AT_LEAST and value >= target:
        return 1.0
    if direction is Direction.AT_MOST and value <= target:
        return 1.0
    if base is None or target == base or wrong_side(objective):
        return None
    if direction is Direction.AT_LEAST and base > target:
        return 0.0
    if direction is Direction.AT_MOST and base < target:
        return 0.0
    return (value - base) / (target - base)
