"""The workshop's timed agenda: a suggested half-day plan and the arithmetic of the clock."""

from __future__ import annotations

from planning.model import AgendaItem
from planning.steps import Step

# Minutes per step for a half-day workshop (about four hours with a break): most time goes
# where executives must agree (mission, vision, objectives), little to the set-up.
HALF_DAY_MINUTES: dict[Step, int] = {
    Step.SETUP: 10,
    Step.OFFICE: 15,
    Step.STRATEGY: 20,
    Step.CONSTITUENTS: 20,
    Step.HEALTH: 20,
    Step.PURPOSE: 10,
    Step.MISSION_VISION: 30,
    Step.OBJECTIVES: 45,
    Step.ALIGNMENT: 20,
    Step.OFFICE_STRATEGY: 20,
    Step.COMMUNICATION: 10,
    Step.SIGNOFF: 10,
}


def half_day_agenda() -> list[AgendaItem]:
    """One slot per step, in the order of the walk, with a break after the health check."""
    items: list[AgendaItem] = []
    for step, minutes in HALF_DAY_MINUTES.items():
        items.append(AgendaItem(step=step, topic=step.title, minutes=minutes))
        if step is Step.HEALTH:
            items.append(AgendaItem(topic="Break", minutes=15))
    return items


def total_minutes(agenda: list[AgendaItem]) -> int:
    return sum(item.minutes for item in agenda)


def slot_at(agenda: list[AgendaItem], elapsed_seconds: float) -> tuple[int, float] | None:
    """(index of the slot running after `elapsed_seconds`, seconds left in it), or None
    once the agenda is over."""
    start = 0.0
    for index, item in enumerate(agenda):
        end = start + item.minutes * 60
        if elapsed_seconds < end:
            return index, end - elapsed_seconds
        start = end
    return None
