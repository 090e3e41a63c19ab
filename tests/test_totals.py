"""planning.totals: the figures both exports print, on small hand-made workbooks."""

from __future__ import annotations

import pytest

from planning.enums import (
    CarryDecision,
    ObjectiveStatus,
    Priority,
    StatementDecision,
    Strength,
    ValueCategory,
)
from planning.model import (
    AlignmentLink,
    CarryOver,
    Objective,
    Statement,
    StrategicObjective,
    Workbook,
    YearSnapshot,
    new_workbook,
)
from planning.totals import (
    carry_over_counts,
    key_objectives,
    letter_paper,
    locale_country,
    retired_new_objectives,
    statement_status,
    status_counts,
    strategic_support,
    value_by_category,
    value_unit,
)


def workbook_with(*objectives: Objective) -> Workbook:
    workbook = new_workbook("Org", "FY2027", currency="EUR")
    workbook.strategy = [
        StrategicObjective(code="CS-1", priority=Priority.LOW),
        StrategicObjective(code="CS-2", priority=Priority.HIGH),
    ]
    workbook.objectives = list(objectives)
    return workbook


def test_support_counts_active_objectives_only() -> None:
    kept = Objective(code="A")
    retired = Objective(code="B", status=ObjectiveStatus.RETIRED)
    closed = Objective(code="C", carried=CarryOver(decision=CarryDecision.ACHIEVED))
    workbook = workbook_with(kept, retired, closed)
    cs1 = workbook.strategy[0].id
    workbook.alignment = [
        AlignmentLink(objective_id=o.id, strategic_id=cs1, strength=Strength.STRONG)
        for o in (kept, retired, closed)
    ]
    support = {s.strategic.code: (s.objectives, s.strength) for s in strategic_support(workbook)}
    assert support == {"CS-1": (1, 3), "CS-2": (0, 0)}
    assert status_counts(workbook)[ObjectiveStatus.RETIRED] == 0
    assert status_counts(workbook)[ObjectiveStatus.NOT_STARTED] == 1


def test_carry_over_counts_and_retired_new_objectives() -> None:
    workbook = workbook_with(
        Objective(code="A", carried=CarryOver(decision=CarryDecision.KEEP)),
        Objective(code="B", carried=CarryOver(decision=CarryDecision.RETIRE)),
        Objective(code="C", carried=CarryOver()),
        Objective(code="D", status=ObjectiveStatus.RETIRED),
        Objective(code="E"),
    )
    counts = carry_over_counts(workbook)
    assert (counts.carried, counts.pending, counts.closed) == (3, 1, 1)
    assert [o.code for o in retired_new_objectives(workbook)] == ["D"]


@pytest.mark.parametrize(
    ("last_text", "decision", "expected"),
    [
        ("", None, "New this year: there was none in FY2026; not yet adopted in this review."),
        ("Old", None, "Not yet reaffirmed or revised in this year's review."),
        ("Old", StatementDecision.REVISE, "Revised in this year's review."),
    ],
)
def test_statement_status_is_one_sentence(
    last_text: str, decision: StatementDecision | None, expected: str
) -> None:
    workbook = workbook_with()
    workbook.history = [YearSnapshot(vision=Statement(text=last_text))]
    workbook.history[0].fiscal_year.label = "FY2026"
    workbook.vision = Statement(text="New vision", decision=decision)
    assert statement_status(workbook, "vision") == expected
    workbook.vision = Statement()
    assert statement_status(workbook, "vision") == "No vision statement has been agreed yet."


def test_value_by_category_and_its_unit(monkeypatch: pytest.MonkeyPatch) -> None:
    workbook = workbook_with(
        Objective(value_category=ValueCategory.COST_AVOIDED, value_amount=100.0),
        Objective(value_category=ValueCategory.COST_AVOIDED, value_amount=50.0),
        Objective(value_amount=7.0),
        Objective(
            value_category=ValueCategory.RISK_REDUCED,
            value_amount=1000.0,
            status=ObjectiveStatus.RETIRED,
        ),
    )
    totals = value_by_category(workbook)
    assert totals.by_category == {ValueCategory.COST_AVOIDED: 150.0, None: 7.0}
    assert (totals.objectives, totals.total) == (3, 157.0)
    assert value_unit(workbook) == "EUR"
    workbook.settings.currency = ""
    monkeypatch.setenv("LC_ALL", "de_CH.UTF-8")
    assert value_unit(workbook) == "CHF"


def test_paper_follows_the_locale() -> None:
    assert locale_country({"LANG": "en_US.UTF-8"}) == "US"
    assert letter_paper({"LANG": "en_US.UTF-8"})
    assert letter_paper({"LC_ALL": "fr_CA.UTF-8", "LANG": "de_DE.UTF-8"})
    assert not letter_paper({"LANG": "en_GB.UTF-8"})
    assert not letter_paper({"LANG": "C.UTF-8"})
    assert letter_paper({"LC_PAPER": "en_US.UTF-8", "LANG": "en_GB.UTF-8"})


def test_key_objectives_favour_strong_links_to_high_priority_strategy() -> None:
    low, high, none = Objective(code="LOW"), Objective(code="HIGH"), Objective(code="NONE")
    workbook = workbook_with(low, high, none)
    cs1, cs2 = (s.id for s in workbook.strategy)
    workbook.alignment = [
        AlignmentLink(objective_id=low.id, strategic_id=cs1, strength=Strength.STRONG),
        AlignmentLink(objective_id=high.id, strategic_id=cs2, strength=Strength.WEAK),
    ]
    # weak (1) x high (3) = 3 beats strong (3) x low (1) = 3 only by workbook order: equal.
    assert [o.code for o in key_objectives(workbook, 3)] == ["LOW", "HIGH", "NONE"]
    workbook.alignment[1].strength = Strength.MEDIUM  # 2 x 3 = 6
    assert [o.code for o in key_objectives(workbook, 2)] == ["HIGH", "LOW"]
