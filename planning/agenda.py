"""The workshop's timed agenda: a suggested half-day plan, the arithmetic of the clock and
the words it shows (slot titles, "12:34 left", "over by 01:20", "4 h 05 min")."""

from __future__ import annotations

import math
from dataclasses import dataclass

from planning.model import AgendaItem
from planning.steps import STEPS, Step

# A half day is four hours at most, the break included (the steps' minutes are in the
# step registry, planning.steps).
HALF_DAY_LIMIT = 240
BREAK_MINUTES = 15


def half_day_agenda() -> list[AgendaItem]:
    """One slot per step (its minutes and topic from the step registry), in the order of
    the walk, with a break after the health check."""
    items: list[AgendaItem] = []
    for info in STEPS:
        items.append(
            AgendaItem(step=info.step, topic=info.agenda_topic, minutes=info.agenda_minutes)
        )
        if info.step is Step.HEALTH:
            items.append(AgendaItem(topic="Break", minutes=BREAK_MINUTES))
    return items


def total_minutes(agenda: list[AgendaItem]) -> int:
    return sum(item.minutes for item in agenda)


def format_duration(minutes: int) -> str:
    """ "4 h 05 min" for 245 minutes, "45 min" under the hour: the agenda's total."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def format_clock(seconds: int) -> str:
    """ "12:34" (minutes and seconds), "1:02:03" from the hour on."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def time_left_text(seconds_left: float) -> tuple[bool, str]:
    """(over time?, "12:34 left" or "over by 01:20") for a slot with `seconds_left`.

    The countdown rounds up, so "00:00 left" never shows while time remains and the slot
    turns over at exactly its planned length; the overrun rounds down."""
    if seconds_left > 0:
        return False, f"{format_clock(math.ceil(seconds_left))} left"
    return True, f"over by {format_clock(math.floor(-seconds_left))}"


def slot_title(item: AgendaItem, index: int) -> str:
    """ "7. Mission and vision" for a slot of a step (short, as in the step list; the topic
    is the slot's longer wording), its topic otherwise ("Break")."""
    if item.step is not None:
        return f"{item.step.number}. {item.step.title}"
    return item.topic.strip() or f"Slot {index + 1}"


@dataclass
class SlotTimer:
    """The time spent in the agenda's current slot, running or paused.

    Readings come from a monotonic clock the caller passes in (`now`), so the arithmetic
    is the same in the app and in tests, and a change of the wall clock cannot move it."""

    spent: float = 0.0  # seconds in the slot before the last start
    started_at: float | None = None  # the clock's reading at the last start; None: paused

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def elapsed(self, now: float) -> float:
        if self.started_at is None:
            return self.spent
        return self.spent + max(0.0, now - self.started_at)

    def start(self, now: float) -> None:
        if self.started_at is None:
            self.started_at = now

    def pause(self, now: float) -> None:
        if self.started_at is not None:
            self.spent = self.elapsed(now)
            self.started_at = None

    def restart(self, now: float) -> None:
        """A new slot begins: its time starts from zero, running if the clock was."""
        self.spent = 0.0
        if self.started_at is not None:
            self.started_at = now

    def seconds_left(self, item: AgendaItem, now: float) -> float:
        """Negative once the slot runs over."""
        return item.minutes * 60 - self.elapsed(now)
