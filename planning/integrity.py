"""The checks a workbook must pass beyond its field types: every id unique within its list,
and every link pointing at something that exists.

A workbook with two objectives of the same id would take a tracker row's numbers to the
wrong one; a link to an id that does not exist says something the workbook cannot show.
Neither can be repaired without guessing which copy is meant, so the loader refuses both,
naming the entity, and saving refuses to write such a file in the first place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planning.model import Entity, Workbook

# (words for one entity, the workbook's list of them)
_LISTS: tuple[tuple[str, str], ...] = (
    ("participant", "setup.participants"),
    ("strategic objective", "strategy"),
    ("constituent", "constituents"),
    ("objective", "objectives"),
    ("office strategy item", "office_strategy"),
    ("not-doing item", "not_doing"),
    ("communication item", "communication"),
    ("approval", "approvals"),
    ("parking lot topic", "parking_lot"),
    ("decision", "decision_log"),
    ("agenda slot", "agenda"),
    ("governance role", "governance.roles"),
    ("RACI service", "governance.raci"),
    ("staff role", "governance.staff"),
    ("escalation level", "governance.escalation"),
)


def integrity_problems(workbook: Workbook) -> list[str]:
    """Every duplicate id and dangling link, one readable line each (empty when sound)."""
    problems: list[str] = []
    for words, where in _LISTS:
        problems += _duplicates(words, _entities(workbook, where))
    objectives = {o.id for o in workbook.objectives}
    strategic = {s.id for s in workbook.strategy}
    constituents = {c.id for c in workbook.constituents}
    for objective in workbook.objectives:
        for missing in _missing(objective.constituent_ids, constituents):
            problems.append(
                f"objective {_name(objective)} serves constituent id {missing!r}, "
                "which does not exist"
            )
    for link in workbook.alignment:
        if link.objective_id not in objectives:
            problems.append(
                f"an alignment link names objective id {link.objective_id!r}, which does not exist"
            )
        if link.strategic_id not in strategic:
            problems.append(
                f"an alignment link names strategic objective id {link.strategic_id!r}, "
                "which does not exist"
            )
    seen_links: set[tuple[str, str]] = set()
    for link in workbook.alignment:
        pair = (link.objective_id, link.strategic_id)
        if pair in seen_links:
            problems.append(
                f"the alignment of objective id {pair[0]!r} with strategic objective id "
                f"{pair[1]!r} is listed twice"
            )
        seen_links.add(pair)
    for item in workbook.office_strategy:
        for missing in _missing(item.objective_ids, objectives):
            problems.append(
                f"office strategy item {_name(item)} serves objective id {missing!r}, "
                "which does not exist"
            )
    return problems


def _entities(workbook: Workbook, where: str) -> Sequence[Entity]:
    value: object = workbook
    for part in where.split("."):
        value = getattr(value, part)
    assert isinstance(value, list)
    return value


def _duplicates(words: str, entities: Iterable[Entity]) -> list[str]:
    seen: set[str] = set()
    problems = []
    for entity in entities:
        if entity.id in seen:
            problems.append(f"two {words}s share the id {entity.id!r} (one is {_name(entity)})")
        seen.add(entity.id)
    return problems


def _missing(ids: Iterable[str], known: set[str]) -> list[str]:
    return [i for i in ids if i not in known]


def _name(entity: Entity) -> str:
    """How a PMO leader recognises the entity: its code and title, else its id."""
    parts = [
        str(getattr(entity, field, "") or "").strip()
        for field in ("code", "title", "name", "item", "topic", "decision", "audience")
    ]
    shown = " ".join(p for p in parts if p)[:60]
    return f"{shown!r} (id {entity.id!r})" if shown else f"id {entity.id!r}"
