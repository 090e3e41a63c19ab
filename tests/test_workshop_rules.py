"""Honest step states and the workshop's small promises (issue 10, items 10–13): a blank row
counts as nothing and is flagged, step 1 needs review dates, step 10 needs services,
processes, people and tools; an unchanged sample never asks to save; open parked topics
carry into next year; the half-day agenda is a half day; File › Start Next Year's Review
works from the welcome screen."""

from __future__ import annotations

from datetime import date

import app_support
import pytest
from clean_workbook import clean_workbook

from planning.agenda import half_day_agenda, total_minutes
from planning.carry_forward import carry_forward
from planning.completeness import blank_row_findings
from planning.enums import StepState, StrategyKind
from planning.model import (
    CommunicationItem,
    Constituent,
    Objective,
    ParkingLotItem,
    Participant,
    StrategicObjective,
    StrategyItem,
    new_workbook,
)
from planning.readiness import step_states
from planning.steps import Step

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
scripted = app_support.scripted
window = app_support.window


def test_the_clean_workbook_is_complete_with_no_blank_row():
    wb = clean_workbook()
    assert set(step_states(wb).values()) == {StepState.COMPLETE}
    assert blank_row_findings(wb) == []


@pytest.mark.parametrize(
    ("step", "add"),
    [
        (Step.SETUP, lambda wb: wb.setup.participants.append(Participant())),
        (Step.STRATEGY, lambda wb: wb.strategy.append(StrategicObjective())),
        (Step.CONSTITUENTS, lambda wb: wb.constituents.append(Constituent())),
        (Step.OBJECTIVES, lambda wb: wb.objectives.append(Objective())),
        (Step.COMMUNICATION, lambda wb: wb.communication.append(CommunicationItem())),
    ],
)
def test_one_blank_row_alone_counts_as_nothing_and_is_flagged(step, add):
    wb = new_workbook()
    before = step_states(wb)[step]
    add(wb)
    assert step_states(wb)[step] is before is not StepState.COMPLETE
    (flag,) = [f for f in blank_row_findings(wb) if f.step is step]
    assert "blank" in flag.message and flag.rule == f"{step.value}.blank_row"
    # Beside complete rows, a blank one is flagged and the step needs attention.
    full = clean_workbook()
    add(full)
    assert step_states(full)[step] is StepState.NEEDS_ATTENTION


def test_step_one_needs_the_review_dates():
    wb = clean_workbook()
    wb.setup.review_end = None
    assert step_states(wb)[Step.SETUP] is StepState.IN_PROGRESS
    wb.setup.review_end = date(2027, 1, 12)
    assert step_states(wb)[Step.SETUP] is StepState.COMPLETE


def test_step_ten_needs_services_processes_people_and_tools():
    wb = clean_workbook()
    objective = wb.objectives[0].id
    wb.office_strategy = [
        StrategyItem(kind=StrategyKind.SERVICE, title="Review", objective_ids=[objective])
    ]
    assert step_states(wb)[Step.OFFICE_STRATEGY] is StepState.IN_PROGRESS
    for kind in (StrategyKind.PROCESS, StrategyKind.PEOPLE):
        wb.office_strategy.append(StrategyItem(kind=kind, title="x", objective_ids=[objective]))
    assert step_states(wb)[Step.OFFICE_STRATEGY] is StepState.IN_PROGRESS
    wb.office_strategy.append(
        StrategyItem(kind=StrategyKind.TOOL, title="Dashboard", objective_ids=[objective])
    )
    assert step_states(wb)[Step.OFFICE_STRATEGY] is StepState.COMPLETE


def test_next_year_carries_open_parked_topics_only():
    wb = clean_workbook()
    wb.parking_lot = [
        ParkingLotItem(topic="Budget for tooling", raised_by="Eve"),
        ParkingLotItem(topic="Rename the office", raised_by="Fran", resolved=True),
        ParkingLotItem(topic="  "),
    ]
    nxt = carry_forward(wb)
    assert [(p.topic, p.raised_by, p.resolved) for p in nxt.parking_lot] == [
        ("Budget for tooling", "Eve", False)
    ]
    assert nxt.decision_log == []


def test_the_half_day_agenda_is_four_hours_at_most():
    assert total_minutes(half_day_agenda()) <= 240


# --- in the app ----------------------------------------------------------------------------


def test_an_unchanged_sample_never_asks_to_save(window, scripted):
    window.welcome.buttons["sample"].click()
    assert not window.document.is_modified()
    window.named_actions["new"].trigger()  # an unexpected ask_unsaved fails the test
    assert "ask_unsaved" not in scripted.names()
    assert window.document.workbook.setup.organisation == ""


def test_a_new_decision_is_dated_today(window, qtbot):
    from PySide6.QtCore import Qt

    window.files.new()
    panel = window.workshop_dock.panel
    window.set_workshop_panel_visible(True)
    editor = panel.decisions
    panel.tabs.setCurrentWidget(editor)
    qtbot.mouseClick(editor.empty_add, Qt.MouseButton.LeftButton)
    assert window.document.workbook.decision_log[0].made_on == date.today()
    assert editor.model.index(0, 2).data() == date.today().isoformat()


def test_start_next_years_review_is_in_the_file_menu_of_the_welcome_screen(window):
    assert window.screens.currentWidget() is window.welcome
    action = window.named_actions["next_year"]
    assert action.isEnabled()
    assert window.welcome.buttons["next_year"].isEnabled()
