"""The workshop's timed agenda: the suggested half day and where the clock stands."""

from __future__ import annotations

import pytest

from planning.agenda import (
    HALF_DAY_LIMIT,
    SlotTimer,
    format_clock,
    format_duration,
    half_day_agenda,
    slot_title,
    time_left_text,
    total_minutes,
)
from planning.model import AgendaItem
from planning.steps import STEPS, Step


def test_half_day_agenda_follows_the_walk_with_a_break() -> None:
    agenda = half_day_agenda()
    steps = [item.step for item in agenda if item.step is not None]
    assert steps == list(Step)
    (pause,) = [item for item in agenda if item.step is None]
    assert pause.topic == "Break" and agenda.index(pause) == 5
    assert total_minutes(agenda) == sum(info.agenda_minutes for info in STEPS) + 15
    assert total_minutes(agenda) <= HALF_DAY_LIMIT == 240, "a half day is four hours at most"
    assert len({item.id for item in agenda}) == len(agenda)


def test_minutes_are_bounded() -> None:
    with pytest.raises(ValueError):
        AgendaItem(minutes=0)
    with pytest.raises(ValueError):
        AgendaItem(minutes=601)


def test_durations_and_clock_read_as_on_a_wall_clock() -> None:
    assert format_duration(245) == "4 h 05 min"
    assert format_duration(60) == "1 h 00 min"
    assert format_duration(45) == "45 min"
    assert format_duration(0) == "0 min"
    assert format_clock(754) == "12:34"
    assert format_clock(0) == "00:00"
    assert format_clock(3723) == "1:02:03"
    assert format_clock(600 * 60) == "10:00:00"


def test_time_left_counts_down_then_over() -> None:
    assert time_left_text(754) == (False, "12:34 left")
    assert time_left_text(0.2) == (False, "00:01 left")  # never "00:00 left" with time to go
    assert time_left_text(0) == (True, "over by 00:00")
    assert time_left_text(-80.9) == (True, "over by 01:20")


def test_slot_titles_name_the_step_or_the_topic() -> None:
    assert slot_title(AgendaItem(step=Step.MISSION_VISION, topic="Mission and vision"), 7) == (
        "7. Mission and vision"
    )
    assert slot_title(AgendaItem(step=Step.OBJECTIVES, topic="  "), 0) == "8. Objectives"
    assert slot_title(AgendaItem(step=Step.OBJECTIVES, topic="Objectives: owners"), 0) == (
        "8. Objectives"
    )
    assert slot_title(AgendaItem(topic="Break"), 5) == "Break"
    assert slot_title(AgendaItem(), 5) == "Slot 6"


def test_slot_timer_runs_pauses_and_restarts_with_the_next_slot() -> None:
    item = AgendaItem(topic="a", minutes=2)
    timer = SlotTimer()
    assert not timer.running and timer.seconds_left(item, 100.0) == 120
    timer.start(100.0)
    assert timer.running and timer.elapsed(190.0) == 90
    timer.start(150.0)  # starting a running clock changes nothing
    assert timer.elapsed(190.0) == 90
    timer.pause(190.0)
    assert not timer.running
    assert timer.elapsed(1000.0) == 90  # paused: time stands still
    timer.pause(1000.0)
    assert timer.elapsed(1000.0) == 90
    timer.start(1000.0)
    assert timer.seconds_left(item, 1050.0) == -20  # 140 s spent in a 120 s slot
    timer.restart(1050.0)
    assert timer.running and timer.elapsed(1060.0) == 10
    timer.pause(1060.0)
    timer.restart(2000.0)  # the next slot while paused: zero, still paused
    assert not timer.running and timer.elapsed(3000.0) == 0
    timer.start(10.0)
    assert timer.elapsed(5.0) == 0  # a clock read before the start never counts backwards
