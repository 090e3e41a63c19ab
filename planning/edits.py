"""Structural edits of a workbook: removals with their cascades, alignment strengths, and
inserting, removing and moving rows of a list.

Plain functions that the undo commands (ui/commands.py) and the carry-forward call. Each
returns what its undo needs, and its undo puts back exactly what it took out, at the
positions it had, so a file saved after undo is the file saved before the edit.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from planning.enums import Complaint, Strength
from planning.model import (
    AlignmentLink,
    Constituent,
    Entity,
    HealthRating,
    Objective,
    StrategicObjective,
    Workbook,
)

T = TypeVar("T")
E = TypeVar("E", bound=Entity)

# --- rows of one list --------------------------------------------------------------------


def take_out(items: list[T], gone: Callable[[T], bool]) -> list[tuple[int, T]]:
    """Removes the items `gone` accepts; returns them with the indexes they had."""
    taken = [(i, item) for i, item in enumerate(items) if gone(item)]
    if taken:
        items[:] = [item for item in items if not gone(item)]
    return taken


def put_back(items: list[T], taken: Sequence[tuple[int, T]]) -> None:
    """Undoes `take_out`: in ascending order, every index is right when it is used."""
    for index, item in sorted(taken, key=lambda pair: pair[0]):
        items.insert(min(index, len(items)), item)


def remove_rows(items: list[E], ids: Collection[str]) -> list[tuple[int, E]]:
    """Removes the entities with these ids (no cascade); `put_back` undoes it."""
    return take_out(items, lambda item: item.id in ids)


def insert_row(
    items: list[E], entity: E, *, before: str | None = None, after: str | None = None
) -> int:
    """Inserts `entity` before the entity `before`, else after the entity `after`, else at
    the end (an anchor may have gone since the caller looked); returns its index.
    `remove_rows(items, {entity.id})` undoes it."""
    ids = [item.id for item in items]
    if before in ids:
        position = ids.index(before)
    elif after in ids:
        position = ids.index(after) + 1
    else:
        position = len(items)
    items.insert(position, entity)
    return position


def swap_rows(items: list[E], first: str, second: str) -> None:
    """Swaps two entities wherever they are (neighbours in a filtered view may not be
    neighbours in the list). Swapping again undoes it."""
    ids = [item.id for item in items]
    i, j = ids.index(first), ids.index(second)
    items[i], items[j] = items[j], items[i]


# --- removals that cascade ---------------------------------------------------------------


@dataclass
class Removal:
    """What a removal took out of the workbook: the entities, the alignment links that
    pointed at them, and the id lists it shortened (owner id → the list before)."""

    objectives: list[tuple[int, Objective]] = field(default_factory=list)
    strategy: list[tuple[int, StrategicObjective]] = field(default_factory=list)
    constituents: list[tuple[int, Constituent]] = field(default_factory=list)
    alignment: list[tuple[int, AlignmentLink]] = field(default_factory=list)
    strategy_item_objectives: dict[str, list[str]] = field(default_factory=dict)
    objective_constituents: dict[str, list[str]] = field(default_factory=dict)


def prune_objective_links(workbook: Workbook, keep: Callable[[str], bool]) -> Removal:
    """Drops the alignment links and office-strategy links to objectives `keep` refuses."""
    removal = Removal(alignment=take_out(workbook.alignment, lambda a: not keep(a.objective_id)))
    for item in workbook.office_strategy:
        kept = [oid for oid in item.objective_ids if keep(oid)]
        if len(kept) != len(item.objective_ids):
            removal.strategy_item_objectives[item.id] = list(item.objective_ids)
            item.objective_ids = kept
    return removal


def remove_objectives(workbook: Workbook, ids: Collection[str]) -> Removal:
    """Removes office objectives with their alignment links and office-strategy links."""
    removal = prune_objective_links(workbook, lambda oid: oid not in ids)
    removal.objectives = remove_rows(workbook.objectives, ids)
    return removal


def remove_strategic_objectives(workbook: Workbook, ids: Collection[str]) -> Removal:
    """Removes company strategic objectives with the alignment links to them."""
    return Removal(
        strategy=remove_rows(workbook.strategy, ids),
        alignment=take_out(workbook.alignment, lambda a: a.strategic_id in ids),
    )


def remove_constituents(workbook: Workbook, ids: Collection[str]) -> Removal:
    """Removes constituents, and them from the constituents each objective serves."""
    removal = Removal(constituents=remove_rows(workbook.constituents, ids))
    for objective in workbook.objectives:
        kept = [cid for cid in objective.constituent_ids if cid not in ids]
        if len(kept) != len(objective.constituent_ids):
            removal.objective_constituents[objective.id] = list(objective.constituent_ids)
            objective.constituent_ids = kept
    return removal


def restore(workbook: Workbook, removal: Removal) -> None:
    """Undoes any of the removals above on the workbook as the removal left it."""
    put_back(workbook.objectives, removal.objectives)
    put_back(workbook.strategy, removal.strategy)
    put_back(workbook.constituents, removal.constituents)
    put_back(workbook.alignment, removal.alignment)
    for item in workbook.office_strategy:
        if item.id in removal.strategy_item_objectives:
            item.objective_ids = list(removal.strategy_item_objectives[item.id])
    for objective in workbook.objectives:
        if objective.id in removal.objective_constituents:
            objective.constituent_ids = list(removal.objective_constituents[objective.id])


# --- health check ------------------------------------------------------------------------


def stored_health_rating(workbook: Workbook, complaint: Complaint) -> HealthRating:
    """The rating of a complaint to edit, added blank when the file has none. A blank
    rating reads as "not rated", just like a missing one, so an undone edit may leave it."""
    for rating in workbook.health:
        if rating.complaint is complaint:
            return rating
    rating = HealthRating(complaint=complaint)
    workbook.health.append(rating)
    return rating


# --- alignment ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StrengthChange:
    """One cell of the alignment matrix before an edit: its strength and where its link
    was (or went) in the list of links."""

    objective_id: str
    strategic_id: str
    before: Strength | None
    position: int


def set_alignment_strength(
    workbook: Workbook, objective_id: str, strategic_id: str, strength: Strength | None
) -> StrengthChange:
    """Adds, changes (in place) or removes (None) the link between an office objective and
    a company strategic objective; `undo_alignment_strength` undoes it."""
    links = workbook.alignment
    position = next(
        (
            i
            for i, a in enumerate(links)
            if a.objective_id == objective_id and a.strategic_id == strategic_id
        ),
        None,
    )
    before = None if position is None else links[position].strength
    if position is None:
        position = len(links)
        if strength is not None:
            links.append(
                AlignmentLink(
                    objective_id=objective_id, strategic_id=strategic_id, strength=strength
                )
            )
    elif strength is None:
        del links[position]
    else:
        links[position].strength = strength
    return StrengthChange(objective_id, strategic_id, before, position)


def undo_alignment_strength(workbook: Workbook, change: StrengthChange) -> None:
    links = workbook.alignment
    current = next(
        (
            i
            for i, a in enumerate(links)
            if a.objective_id == change.objective_id and a.strategic_id == change.strategic_id
        ),
        None,
    )
    if change.before is None:
        if current is not None:
            del links[current]
    elif current is not None:
        links[current].strength = change.before
    else:
        restored = AlignmentLink(
            objective_id=change.objective_id,
            strategic_id=change.strategic_id,
            strength=change.before,
        )
        links.insert(min(change.position, len(links)), restored)
