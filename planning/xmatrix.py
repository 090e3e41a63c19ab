"""The X-matrix (Hoshin kanri) of a review, from links the workbook already holds, and its
checks.

The four lists around the X: company strategic objectives (south), the office's active
objectives (west), the office strategy items that serve them as the priorities (north), the
objectives' measures with baseline → target (east), and the measures' owners (far east).

The corner grids:
- south-west, strategic × objective: the alignment strength (● strong, ○ medium, △ weak);
- north-west, priority × objective: ● where the strategy item serves the objective;
- north-east, priority × measure: ○ where the item serves the objective the measure belongs
  to (the item moves the measure through that objective, so the link is indirect);
- far east, priority × owner: ○ where the owner owns a measure the priority moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planning.enums import Direction, Strength
from planning.model import Objective, StrategicObjective, StrategyItem, Workbook
from planning.wording import baseline_to_target


class Mark(StrEnum):
    STRONG = "●"
    MEDIUM = "○"
    WEAK = "△"

    @property
    def label(self) -> str:
        return {Mark.STRONG: "strong", Mark.MEDIUM: "medium", Mark.WEAK: "weak"}[self]


MARK_OF_STRENGTH = {
    Strength.STRONG: Mark.STRONG,
    Strength.MEDIUM: Mark.MEDIUM,
    Strength.WEAK: Mark.WEAK,
}


@dataclass(frozen=True)
class Measure:
    """The east side: one per active objective that has a measure."""

    objective_id: str
    code: str
    measure: str
    baseline: float | None
    target: float | None
    unit: str
    owner: str
    direction: Direction = Direction.UP
    target_max: float | None = None

    @property
    def target_text(self) -> str:
        """As the charter and strategy on a page write it, for the measure's direction."""
        return baseline_to_target(self)


@dataclass(frozen=True)
class XMatrixCheck:
    rule: str
    message: str
    entity_id: str


@dataclass(frozen=True)
class XMatrix:
    strategic: list[StrategicObjective]
    objectives: list[Objective]
    priorities: list[StrategyItem]
    measures: list[Measure]
    owners: list[str]
    strategic_objective: dict[tuple[str, str], Mark]
    """(strategic id, objective id) → mark: the south-west corner."""
    priority_objective: dict[tuple[str, str], Mark]
    """(strategy item id, objective id) → mark: the north-west corner."""
    priority_measure: dict[tuple[str, str], Mark]
    """(strategy item id, objective id of the measure) → mark: the north-east corner."""
    priority_owner: dict[tuple[str, str], Mark]
    """(strategy item id, owner) → mark: the far east."""

    def is_empty(self) -> bool:
        return not (self.strategic or self.objectives or self.priorities)


def _label(code: str, title: str) -> str:
    code, title = code.strip(), title.strip()
    return f"{code} {title}".strip() if code else title


def objective_label(objective: Objective) -> str:
    return _label(objective.code, objective.title) or "(untitled objective)"


def strategic_label(strategic: StrategicObjective) -> str:
    return _label(strategic.code, strategic.title) or "(untitled strategic objective)"


def priority_label(item: StrategyItem) -> str:
    return item.title.strip() or f"(untitled {item.kind.label.lower()})"


def owner_initials(name: str) -> str:
    """An owner as a narrow column head: "Amara Okafor" → "AO" (a key or tooltip names them
    in full)."""
    letters = "".join(word[0] for word in name.split() if word[:1].isalpha())
    return (letters or name)[:3].upper()


def build_xmatrix(workbook: Workbook) -> XMatrix:
    objectives = workbook.active_objectives()
    active = {o.id for o in objectives}
    strategic_ids = {s.id for s in workbook.strategy}
    measures = [
        Measure(
            o.id,
            o.code.strip(),
            o.measure.strip(),
            o.baseline,
            o.target,
            o.unit.strip(),
            o.owner.strip(),
            o.direction,
            o.target_max,
        )
        for o in objectives
        if o.measure.strip()
    ]
    owners = sorted({m.owner for m in measures if m.owner}, key=str.casefold)
    south_west = {
        (link.strategic_id, link.objective_id): MARK_OF_STRENGTH[link.strength]
        for link in workbook.alignment
        if link.objective_id in active and link.strategic_id in strategic_ids
    }
    measure_of = {m.objective_id: m for m in measures}
    north_west: dict[tuple[str, str], Mark] = {}
    north_east: dict[tuple[str, str], Mark] = {}
    far_east: dict[tuple[str, str], Mark] = {}
    for item in workbook.office_strategy:
        for objective_id in item.objective_ids:
            if objective_id not in active:
                continue
            north_west[(item.id, objective_id)] = Mark.STRONG
            measure = measure_of.get(objective_id)
            if measure is not None:
                north_east[(item.id, objective_id)] = Mark.MEDIUM
                if measure.owner:
                    far_east[(item.id, measure.owner)] = Mark.MEDIUM
    return XMatrix(
        strategic=list(workbook.strategy),
        objectives=objectives,
        priorities=list(workbook.office_strategy),
        measures=measures,
        owners=owners,
        strategic_objective=south_west,
        priority_objective=north_west,
        priority_measure=north_east,
        priority_owner=far_east,
    )


def xmatrix_checks(matrix: XMatrix) -> list[XMatrixCheck]:
    """Every office objective has a strategic mark, every priority an objective and a
    measure, every measure an owner."""
    checks: list[XMatrixCheck] = []
    if matrix.strategic:
        marked = {objective_id for _s, objective_id in matrix.strategic_objective}
        checks += [
            XMatrixCheck(
                "xmatrix.objective_without_strategy",
                f"Objective {objective_label(o)} has no mark against any company strategic "
                "objective.",
                o.id,
            )
            for o in matrix.objectives
            if o.id not in marked
        ]
    with_objective = {item_id for item_id, _o in matrix.priority_objective}
    with_measure = {item_id for item_id, _o in matrix.priority_measure}
    for item in matrix.priorities:
        if item.id not in with_objective:
            checks.append(
                XMatrixCheck(
                    "xmatrix.priority_without_objective",
                    f"Priority {priority_label(item)} serves no active office objective.",
                    item.id,
                )
            )
        elif item.id not in with_measure:
            checks.append(
                XMatrixCheck(
                    "xmatrix.priority_without_measure",
                    f"Priority {priority_label(item)} moves no measure: its objectives have none.",
                    item.id,
                )
            )
    checks += [
        XMatrixCheck(
            "xmatrix.measure_without_owner",
            f"Measure of {m.code or 'an objective'} ({m.measure}) has no owner.",
            m.objective_id,
        )
        for m in matrix.measures
        if not m.owner
    ]
    return checks
