"""The step registry (planning/steps.py) is the one list of steps: the walk's order, the
pages, the agenda, readiness and the change flags all follow it."""

from __future__ import annotations

from planning.agenda import half_day_agenda
from planning.model import new_workbook
from planning.readiness import PROGRESS, step_states
from planning.steps import STEPS, Step
from ui.document import Change
from ui.pages import PAGES


def test_step_values_are_stable_they_are_stored_in_files() -> None:
    # AgendaItem.step stores these values: renaming one breaks every saved agenda.
    stored = {
        "setup", "office", "strategy", "constituents", "health", "purpose",
        "mission_vision", "objectives", "alignment", "office_strategy", "communication",
        "signoff",
    }  # fmt: skip
    assert stored <= {step.value for step in Step}


def test_the_registry_lists_every_step_once_in_the_walks_order() -> None:
    assert [info.step for info in STEPS] == list(Step)
    assert [step.number for step in Step] == list(range(1, len(STEPS) + 1))
    assert len({info.title for info in STEPS}) == len(STEPS)
    for info in STEPS:
        assert info.step.info is info
        assert info.title and len(info.guidance) > 80 and info.agenda_topic
        assert 5 <= info.agenda_minutes <= 60


def test_every_step_has_a_page_and_every_page_a_step() -> None:
    assert [page.step for page in PAGES] == [info.step for info in STEPS]
    for page in PAGES:
        assert page.load().step is page.step, f"{page.class_name} shows another step"


def test_every_step_names_a_change_flag_and_every_part_flag_a_step() -> None:
    named = {info.change for info in STEPS}
    flags = {flag.name for flag in Change} - {"WORKSHOP"}  # the workshop aids are no step
    assert named == flags


def test_every_step_has_a_progress_rule_and_every_rule_a_step() -> None:
    assert list(PROGRESS) == [info.step for info in STEPS]


def test_agenda_and_readiness_follow_the_registry() -> None:
    slots = [item for item in half_day_agenda() if item.step is not None]
    assert [(s.step, s.minutes, s.topic) for s in slots] == [
        (info.step, info.agenda_minutes, info.agenda_topic) for info in STEPS
    ]
    assert list(step_states(new_workbook())) == [info.step for info in STEPS]
