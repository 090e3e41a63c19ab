"""The whole walk with the keyboard only, as a facilitator types it live (issue 10, "Done
means"): from the welcome screen to sign-off, every value typed, chosen or ticked through
real key events sent to whichever widget has the focus — no setter, no click. Dates are
typed (item 1), tables are walked with arrows without changing anything (2), Add opens
the first editable cell and Tab moves on (3), the objective's SMART check follows (4), each
step puts the focus on its first input (8) and Alt+letters reach what they name (9). The
workbook is saved with Ctrl+S, reopened and compared.
"""

from __future__ import annotations

from datetime import date

import app_support
import pytest
from keyboard_support import (
    ALT,
    CTRL,
    Keyboard,
    assert_mnemonics_unique_and_reaching,
    mnemonic,
)
from layout_check import problems
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from planning.enums import (
    ApprovalDecision,
    Direction,
    OfficeKind,
    StatementDecision,
    StrategyKind,
    Strength,
)
from planning.fileformat import load_workbook
from planning.steps import Step
from ui.widgets.date_field import DateField

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing",
)
scripted = app_support.scripted
window = app_support.window


def test_the_menus_have_unique_mnemonics(window):
    bar = window.menuBar()
    titles = [mnemonic(a.text()) for a in bar.actions()]
    assert len(titles) == len(set(titles))
    for action in bar.actions():
        letters = [mnemonic(a.text()) for a in action.menu().actions() if not a.isSeparator()]
        letters = [x for x in letters if x]
        assert len(letters) == len(set(letters)), f"{action.text()}: {letters}"


def current_page(window):
    return window.page(window.current_step())


def next_step(window, keys: Keyboard, step: Step) -> None:
    """Ctrl+PgDown until `step` (a step added to the walk later is passed by, its page
    taking the focus on the way)."""
    for _ in range(len(Step)):
        keys.press(Qt.Key.Key_PageDown, CTRL)
        assert current_page(window).isAncestorOf(keys.focus()), window.current_step()
        if window.current_step() is step:
            return
    raise AssertionError(f"Ctrl+PgDown never reached {step}")


@pytest.mark.slow
def test_a_whole_review_by_keyboard_saved_and_reopened(window, scripted, qtbot, tmp_path):
    keys = Keyboard(qtbot)
    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert keys.focus() is window.welcome.buttons["new"]
    keys.press(Qt.Key.Key_Space)  # New Workbook
    doc = window.document

    # 1. Review setup: the focus is on its first input (item 8).
    setup = current_page(window)
    assert window.current_step() is Step.SETUP and keys.focus() is setup.organisation
    assert_mnemonics_unique_and_reaching(window, keys)
    keys.type("Acme Logistics")
    keys.press(Qt.Key.Key_Y, ALT)  # Fiscal year, not a menu (item 9)
    assert keys.focus() is setup.year_label
    keys.type("FY2027")
    keys.tab()
    assert keys.focus() is setup.year_start and not setup.year_start.text()
    keys.type("2027-01-01")
    keys.tab()
    short = QLocale.system().toString(QDate(2027, 12, 31), QLocale.FormatType.ShortFormat)
    keys.type(short)  # the locale's short format
    keys.tab()
    keys.type("2026-11-20")
    keys.tab()
    keys.type("2026-11-21")
    keys.tab()
    assert keys.focus() is setup.facilitator
    keys.type("Amara Okafor")
    keys.tab()
    assert keys.focus() is setup.participants.add_button
    keys.press(Qt.Key.Key_Space)  # Add participant: the Name cell opens (item 3)
    keys.type("Amara Okafor")
    keys.tab()
    keys.type("Head of the office")
    keys.enter()
    keys.press(Qt.Key.Key_Insert)
    keys.type("Hana Sato")
    keys.tab()
    keys.type("Chief Operating Officer")
    keys.enter()
    keys.press(Qt.Key.Key_Right)
    keys.press(Qt.Key.Key_Space)  # tick Executive
    wb = doc.workbook
    assert wb.setup.organisation == "Acme Logistics" and wb.setup.fiscal_year.label == "FY2027"
    assert (wb.setup.fiscal_year.start, wb.setup.fiscal_year.end) == (
        date(2027, 1, 1),
        date(2027, 12, 31),
    )
    assert (wb.setup.review_start, wb.setup.review_end) == (date(2026, 11, 20), date(2026, 11, 21))
    assert [(p.name, p.role, p.executive) for p in wb.setup.participants] == [
        ("Amara Okafor", "Head of the office", False),
        ("Hana Sato", "Chief Operating Officer", True),
    ]
    # Arrows, Page keys and Tab move, never edit (item 2).
    edits = doc.undo_stack.count()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
        keys.press(key)
    assert doc.undo_stack.count() == edits

    # 2. Office (Ctrl+PgDown; the focus lands on the kind).
    next_step(window, keys, Step.OFFICE)
    office = current_page(window)
    assert window.current_step() is Step.OFFICE and keys.focus() is office.kind
    assert_mnemonics_unique_and_reaching(window, keys)
    keys.type("Port")  # keyboard search in the drop-down
    assert wb.office.kind is OfficeKind.PORTFOLIO
    keys.press(Qt.Key.Key_N, ALT)
    keys.type("Acme Portfolio Management Office")
    keys.press(Qt.Key.Key_S, ALT)
    keys.type("All change initiatives above 250k")

    # 3. Company strategy.
    next_step(window, keys, Step.STRATEGY)
    strategy = current_page(window)
    assert keys.focus() is strategy.table.empty_add
    keys.press(Qt.Key.Key_Space)
    keys.type("CS-1")
    keys.tab()
    keys.type("Grow revenue")
    keys.enter()
    keys.press(Qt.Key.Key_Insert)
    keys.type("CS-2")
    keys.tab()
    keys.type("Cut cost to serve")
    keys.enter()
    assert [(s.code, s.title) for s in wb.strategy] == [
        ("CS-1", "Grow revenue"),
        ("CS-2", "Cut cost to serve"),
    ]

    # 4. Constituents.
    next_step(window, keys, Step.CONSTITUENTS)
    keys.press(Qt.Key.Key_Space)
    keys.type("Sales division")
    keys.tab()
    keys.type("Business unit")
    keys.enter()
    assert [(c.name, c.group) for c in wb.constituents] == [("Sales division", "Business unit")]

    # 5. Health check: a digit and Return rates the current row; Down moves on.
    next_step(window, keys, Step.HEALTH)
    health = current_page(window)
    assert keys.focus() is health.view
    for rating in "3423432":
        keys.type(rating)
        keys.enter()
        keys.press(Qt.Key.Key_Down)
    assert [r.score for r in wb.health] == [3, 4, 2, 3, 4, 3, 2]

    # 6. Purpose: prefilled; Tab to the decision, "N" chooses New.
    next_step(window, keys, Step.PURPOSE)
    purpose = current_page(window)
    assert keys.focus() is purpose.editor.text
    keys.tab()
    assert keys.focus() is purpose.editor.decision
    keys.type("N")
    assert wb.purpose.decision is StatementDecision.NEW

    # 7. Mission and vision.
    next_step(window, keys, Step.MISSION_VISION)
    mission_vision = current_page(window)
    for editor, text in (
        (mission_vision.mission, "We help our business units invest in the right change."),
        (mission_vision.vision, "Every investment traceable to strategy."),
    ):
        editor.text.setFocus()  # the field, as a click or Tab reaches it
        keys.type(text)
        keys.tab()
        keys.type("N")
        keys.tab()
        keys.type("Agreed in the workshop")
    assert (wb.mission.decision, wb.vision.decision) == (StatementDecision.NEW,) * 2
    assert wb.vision.text == "Every investment traceable to strategy."

    # 8. Objectives: Add, Code, Tab, Title... (items 3, 4).
    next_step(window, keys, Step.OBJECTIVES)
    objectives = current_page(window)
    assert keys.focus() is objectives.table.empty_add
    assert_mnemonics_unique_and_reaching(window, keys)
    keys.press(Qt.Key.Key_Space)
    for text in ("PF-1", "Faster investment decisions", "Days from request to decision"):
        keys.type(text)
        keys.tab()
    keys.type("days")
    keys.tab()
    keys.type("30")
    keys.tab()
    keys.type("Down")  # the direction, chosen by its first letters
    keys.tab()
    keys.type("10")
    keys.tab()
    keys.type("2027-06-30")  # the Due cell takes a typed date (item 1)
    keys.tab()
    keys.type("Amara Okafor")
    keys.enter()
    (objective,) = wb.objectives
    assert (objective.code, objective.title, objective.measure, objective.unit) == (
        "PF-1",
        "Faster investment decisions",
        "Days from request to decision",
        "days",
    )
    assert objective.direction is Direction.DOWN
    assert (objective.baseline, objective.target, objective.due, objective.owner) == (
        30,
        10,
        date(2027, 6, 30),
        "Amara Okafor",
    )
    shown = {
        objectives.objective_findings.item(i).data(Qt.ItemDataRole.UserRole).rule
        for i in range(objectives.objective_findings.count())
        if objectives.objective_findings.item(i).data(Qt.ItemDataRole.UserRole)
    }
    expected = {f.rule for f in doc.findings_for(Step.OBJECTIVES) if f.entity_id == objective.id}
    assert shown == expected  # the SMART check of this objective is up to date (item 4)
    # The detail form shows the title beside the key figures (item 6).
    assert objectives.key_baseline.text() == "30" and objectives.key_due.text() == "2027-06-30"
    assert_mnemonics_unique_and_reaching(window, keys)  # the form, now enabled

    # 9. Alignment: the current cell is marked with a key.
    next_step(window, keys, Step.ALIGNMENT)
    alignment = current_page(window)
    assert keys.focus() is alignment.view
    keys.type("3")
    keys.press(Qt.Key.Key_Right)
    keys.press(Qt.Key.Key_Space)
    assert {(a.strategic_id, a.strength) for a in wb.alignment} == {
        (wb.strategy[0].id, Strength.STRONG),
        (wb.strategy[1].id, Strength.WEAK),
    }

    # 10. Office strategy: Alt+S, Alt+P, Alt+O, Alt+T reach each list's Add button.
    next_step(window, keys, Step.OFFICE_STRATEGY)
    assert_mnemonics_unique_and_reaching(window, keys)
    for letter, title in (
        (Qt.Key.Key_S, "Investment reviews"),
        (Qt.Key.Key_P, "Quarterly reprioritisation"),
        (Qt.Key.Key_O, "Two portfolio analysts"),
        (Qt.Key.Key_T, "Portfolio dashboard"),
    ):
        keys.press(letter, ALT)
        keys.press(Qt.Key.Key_Space)
        keys.type(title)
        keys.enter()
    assert [(i.kind, i.title) for i in wb.office_strategy] == [
        (StrategyKind.SERVICE, "Investment reviews"),
        (StrategyKind.PROCESS, "Quarterly reprioritisation"),
        (StrategyKind.PEOPLE, "Two portfolio analysts"),
        (StrategyKind.TOOL, "Portfolio dashboard"),
    ]

    # 11. Communication plan.
    next_step(window, keys, Step.COMMUNICATION)
    communication = current_page(window)
    assert keys.focus() is communication.plan.empty_add
    keys.press(Qt.Key.Key_Space)
    keys.type("Executive committee")
    keys.tab()
    keys.type("Portfolio health")
    keys.enter()

    # 12. Sign-off: an approver, the decision chosen by typing, the date typed.
    next_step(window, keys, Step.SIGNOFF)
    signoff = current_page(window)
    assert_mnemonics_unique_and_reaching(window, keys)
    assert keys.focus() is signoff.approvals.empty_add
    keys.press(Qt.Key.Key_Space)
    keys.type("Hana Sato")
    keys.tab()
    keys.type("COO")
    keys.tab()
    decision = keys.focus()
    assert isinstance(decision, QComboBox)
    keys.type("Approved")
    keys.tab()
    assert isinstance(keys.focus(), DateField)
    keys.type("2026-11-27")
    keys.enter()
    (approval,) = wb.approvals
    assert (approval.name, approval.role, approval.decision, approval.decided_on) == (
        "Hana Sato",
        "COO",
        ApprovalDecision.APPROVED,
        date(2026, 11, 27),
    )

    # What was typed from a blank workbook fits a projector too (columns sized on blank
    # rows would have cut the dates typed later).
    for step in Step:
        window.show_step(step, focus=False)
        QApplication.processEvents()
        assert problems(window, step.title) == []

    # Save with Ctrl+S, reopen, compare.
    path = tmp_path / "acme-fy2027.pmowb"
    scripted.answer("ask_save_path", path)
    keys.press(Qt.Key.Key_S, CTRL)
    assert not doc.is_modified()
    saved = wb.model_copy(deep=True)
    assert load_workbook(path) == saved
    scripted.answer("ask_open_path", path)
    keys.press(Qt.Key.Key_O, CTRL)
    assert window.document.path == path
    assert window.document.workbook == saved
    assert not window.document.is_modified()


def test_focus_goes_to_the_steps_first_input_after_ctrl_page_down(window, qtbot):
    keys = Keyboard(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.files.open_sample()
    first_inputs = {
        Step.SETUP: lambda page: page.organisation,
        Step.OFFICE: lambda page: page.kind,
        Step.STRATEGY: lambda page: page.table.view,
        Step.HEALTH: lambda page: page.view,
        Step.OBJECTIVES: lambda page: page.table.view,
        Step.ALIGNMENT: lambda page: page.view,
    }
    for step in list(Step)[1:]:
        keys.press(Qt.Key.Key_PageDown, CTRL)
        assert window.current_step() is step
        page = current_page(window)
        focus = keys.focus()
        assert page.isAncestorOf(focus), f"{step}: focus on {focus}"
        assert focus is not page.findings_list
        if step in first_inputs:
            assert focus is first_inputs[step](page), step
        assert_mnemonics_unique_and_reaching(window, keys)
        if step is Step.STRATEGY:
            keys.press(Qt.Key.Key_Insert)  # works at once: the focus is in the list
            assert isinstance(keys.focus(), QLineEdit)
            keys.press(Qt.Key.Key_Escape)
            window.document.undo_stack.undo()
    window.document.undo_stack.setClean()
