"""The workshop's timed agenda: the suggested half day and where the clock stands."""

from __future__ import annotations

import pytest

from planning.agenda import HALF_DAY_MINUTES, half_day_agenda, slot_at, total_minutes
from planning.model import AgendaItem
from planning.steps import Step


def test_half_day_agenda_follows_the_walk_with_a_break() -> None:
    agenda = half_day_agenda()
    steps = [item.step for item in agenda if item.step is not None]
    assert steps == list(Step)
    (pause,) = [item for item in agenda if item.step is None]
    assert pause.topic == "Break" and agenda.index(pause) == 5
    assert total_minutes(agenda) == sum(HALF_DAY_MINUTES.values()) + 15 == 245
    assert len({item.id for item in agenda}) == len(agenda)


def test_slot_at_tracks_the_clock() -> None:
    agenda = [AgendaItem(topic="a", minutes=10), AgendaItem(topic="b", minutes=5)]
    assert slot_at(agenda, 0) == (0, 600)
    assert slot_at(agenda, 599.5) == (0, pytest.approx(0.5))
    assert slot_at(agenda, 600) == (1, 300)
    assert slot_at(agenda, 899) == (1, 1)
    assert slot_at(agenda, 900) is None
    assert slot_at([], 0) is None


def test_minutes_are_bounded() -> None:
    with pytest.raises(ValueError):
        AgendaItem(minutes=0)
    with pytest.raises(ValueError):
        AgendaItem(minutes=601)
