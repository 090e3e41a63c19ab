"""The workbook's structural edits (planning/edits.py), without Qt: every cascade takes out
what links to the removed entities, and every undo gives back the same file."""

from __future__ import annotations

import pytest

from planning import edits
from planning.carry_forward import carry_forward
from planning.enums import CarryDecision, Strength
from planning.fileformat import dumps
from planning.integrity import integrity_problems
from planning.model import (
    AlignmentLink,
    CarryOver,
    CommunicationItem,
    Constituent,
    Objective,
    StrategicObjective,
    StrategyItem,
    Workbook,
    new_workbook,
)


@pytest.fixture
def wb() -> Workbook:
    """Three objectives, two company objectives, two constituents, all cross-linked."""
    workbook = new_workbook("Acme", "FY2027")
    workbook.constituents = [Constituent(id="c1", name="Sales"), Constituent(id="c2", name="IT")]
    workbook.strategy = [
        StrategicObjective(id="s1", code="CS-1"),
        StrategicObjective(id="s2", code="CS-2"),
    ]
    workbook.objectives = [
        Objective(id="o1", code="O-1", constituent_ids=["c1", "c2"]),
        Objective(id="o2", code="O-2", constituent_ids=["c2"]),
        Objective(id="o3", code="O-3", constituent_ids=[]),
    ]
    workbook.alignment = [
        AlignmentLink(objective_id="o1", strategic_id="s1", strength=Strength.STRONG),
        AlignmentLink(objective_id="o2", strategic_id="s1", strength=Strength.WEAK),
        AlignmentLink(objective_id="o1", strategic_id="s2", strength=Strength.MEDIUM),
        AlignmentLink(objective_id="o3", strategic_id="s2", strength=Strength.WEAK),
    ]
    workbook.office_strategy = [
        StrategyItem(id="i1", title="Portfolio review", objective_ids=["o1", "o2"]),
        StrategyItem(id="i2", title="Dashboard", objective_ids=["o3"]),
    ]
    return workbook


def _links(workbook: Workbook) -> list[tuple[str, str, str]]:
    return [(a.objective_id, a.strategic_id, a.strength.value) for a in workbook.alignment]


def test_removing_objectives_cascades_to_alignment_and_office_strategy(wb: Workbook) -> None:
    before = dumps(wb)
    removal = edits.remove_objectives(wb, {"o1", "o3"})
    assert [o.id for o in wb.objectives] == ["o2"]
    assert _links(wb) == [("o2", "s1", "weak")]
    assert [i.objective_ids for i in wb.office_strategy] == [["o2"], []]
    # the company objectives and constituents are untouched
    assert [s.id for s in wb.strategy] == ["s1", "s2"]
    assert [c.id for c in wb.constituents] == ["c1", "c2"]
    assert integrity_problems(wb) == []  # nothing points at what went
    edits.restore(wb, removal)
    assert dumps(wb) == before


def test_removing_a_strategic_objective_drops_only_its_links(wb: Workbook) -> None:
    before = dumps(wb)
    removal = edits.remove_strategic_objectives(wb, {"s1"})
    assert [s.id for s in wb.strategy] == ["s2"]
    assert _links(wb) == [("o1", "s2", "medium"), ("o3", "s2", "weak")]
    assert [i.objective_ids for i in wb.office_strategy] == [["o1", "o2"], ["o3"]]
    assert [o.id for o in wb.objectives] == ["o1", "o2", "o3"]
    assert integrity_problems(wb) == []  # nothing points at what went
    edits.restore(wb, removal)
    assert dumps(wb) == before


def test_removing_a_constituent_drops_it_from_the_objectives_it_served(wb: Workbook) -> None:
    before = dumps(wb)
    removal = edits.remove_constituents(wb, {"c2"})
    assert [c.id for c in wb.constituents] == ["c1"]
    assert [o.constituent_ids for o in wb.objectives] == [["c1"], [], []]
    assert len(wb.alignment) == 4
    assert integrity_problems(wb) == []  # nothing points at what went
    edits.restore(wb, removal)
    assert dumps(wb) == before


def test_removing_nothing_known_changes_nothing(wb: Workbook) -> None:
    before = dumps(wb)
    for remove in (
        edits.remove_objectives,
        edits.remove_strategic_objectives,
        edits.remove_constituents,
    ):
        removal = remove(wb, {"nobody"})
        assert dumps(wb) == before
        edits.restore(wb, removal)
        assert dumps(wb) == before


def test_restore_puts_back_scattered_rows_where_they_were(wb: Workbook) -> None:
    wb.communication = [CommunicationItem(id=f"m{i}", audience=str(i)) for i in range(6)]
    taken = edits.remove_rows(wb.communication, {"m0", "m2", "m5"})
    assert [m.id for m in wb.communication] == ["m1", "m3", "m4"]
    assert [i for i, _ in taken] == [0, 2, 5]
    edits.put_back(wb.communication, taken)
    assert [m.id for m in wb.communication] == [f"m{i}" for i in range(6)]


@pytest.mark.parametrize(
    ("objective", "strategic", "strength", "expected"),
    [
        # a new link goes at the end
        ("o2", "s2", Strength.STRONG, [*"abcd", ("o2", "s2", "strong")]),
        # a changed link keeps its place
        ("o1", "s2", Strength.WEAK, ["a", "b", ("o1", "s2", "weak"), "d"]),
        # None removes it
        ("o2", "s1", None, ["a", "c", "d"]),
        # removing a link that is not there changes nothing
        ("o3", "s1", None, [*"abcd"]),
    ],
)
def test_set_alignment_strength_and_its_undo(
    wb: Workbook, objective, strategic, strength, expected
) -> None:
    original = dict(zip("abcd", _links(wb), strict=True))
    before = dumps(wb)
    change = edits.set_alignment_strength(wb, objective, strategic, strength)
    assert _links(wb) == [original.get(x, x) for x in expected]
    assert wb.link(objective, strategic) is None or strength is not None
    edits.undo_alignment_strength(wb, change)
    assert dumps(wb) == before


def test_insert_row_before_after_or_at_the_end(wb: Workbook) -> None:
    items = wb.objectives
    assert edits.insert_row(items, Objective(id="n1"), before="o2") == 1
    assert edits.insert_row(items, Objective(id="n2"), after="o3") == 4
    # anchors that are gone fall back: `after`, then the end
    assert edits.insert_row(items, Objective(id="n3"), before="gone", after="o1") == 1
    assert edits.insert_row(items, Objective(id="n4"), before="gone", after="gone") == 6
    assert [o.id for o in items] == ["o1", "n3", "n1", "o2", "o3", "n2", "n4"]
    edits.remove_rows(items, {"n1", "n2", "n3", "n4"})
    assert [o.id for o in items] == ["o1", "o2", "o3"]


def test_swap_rows_is_its_own_undo(wb: Workbook) -> None:
    edits.swap_rows(wb.objectives, "o1", "o3")
    assert [o.id for o in wb.objectives] == ["o3", "o2", "o1"]
    edits.swap_rows(wb.objectives, "o1", "o3")
    assert [o.id for o in wb.objectives] == ["o1", "o2", "o3"]


def test_carry_forward_prunes_links_of_closed_objectives_like_a_removal(wb: Workbook) -> None:
    wb.objectives[0].carried = CarryOver(decision=CarryDecision.ACHIEVED)
    nxt = carry_forward(wb)
    assert [o.id for o in nxt.objectives] == ["o2", "o3"]
    assert _links(nxt) == [("o2", "s1", "weak"), ("o3", "s2", "weak")]
    assert [i.objective_ids for i in nxt.office_strategy] == [["o2"], ["o3"]]
    removed = wb.model_copy(deep=True)
    edits.remove_objectives(removed, {"o1"})
    assert _links(nxt) == _links(removed)
