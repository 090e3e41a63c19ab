"""Year over year: statements compared word by word, objective decisions, health ratings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from planning.enums import CarryDecision, Complaint, ObjectiveStatus
from planning.model import Workbook

_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class DiffPart:
    op: str  # "equal", "insert" or "delete"
    text: str


def word_diff(old: str, new: str) -> list[DiffPart]:
    """The changes from `old` to `new`, word by word; whitespace rides with its words."""
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    parts: list[DiffPart] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(parts, "equal", "".join(a[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            _append(parts, "delete", "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            _append(parts, "insert", "".join(b[j1:j2]))
    return parts


def _append(parts: list[DiffPart], op: str, text: str) -> None:
    if not text:
        return
    if parts and parts[-1].op == op:
        parts[-1] = DiffPart(op, parts[-1].text + text)
    else:
        parts.append(DiffPart(op, text))


def same_words(old: str, new: str) -> bool:
    return old.split() == new.split()


@dataclass(frozen=True)
class ObjectiveChange:
    """What happened to one objective between last year and this year's review."""

    change: str  # "kept", "revised", "retired", "achieved", "new", "pending"
    code: str
    title: str
    reason: str
    objective_id: str
    last_year_result: float | None = None


_CHANGE_OF = {
    CarryDecision.KEEP: "kept",
    CarryDecision.REVISE: "revised",
    CarryDecision.RETIRE: "retired",
    CarryDecision.ACHIEVED: "achieved",
}


def objective_changes(workbook: Workbook) -> list[ObjectiveChange]:
    """Every objective of this year and every one last year closed, with its reason."""
    changes: list[ObjectiveChange] = []
    present = {o.id for o in workbook.objectives}
    last = workbook.last_year()
    if last is not None:
        for result in last.objectives:
            if result.objective_id in present:
                continue
            closed = "achieved" if result.status is ObjectiveStatus.ACHIEVED else "retired"
            if result.decision is not None:
                closed = (
                    _CHANGE_OF[result.decision]
                    if result.decision in (CarryDecision.RETIRE, CarryDecision.ACHIEVED)
                    else closed
                )
            changes.append(
                ObjectiveChange(
                    closed,
                    result.code,
                    result.title,
                    result.reason,
                    result.objective_id,
                    result.result,
                )
            )
    for objective in workbook.objectives:
        carried = objective.carried
        if carried is None:
            changes.append(
                ObjectiveChange("new", objective.code, objective.title, "", objective.id)
            )
            continue
        change = _CHANGE_OF[carried.decision] if carried.decision else "pending"
        changes.append(
            ObjectiveChange(
                change,
                objective.code,
                objective.title,
                carried.reason,
                objective.id,
                carried.last_year_result,
            )
        )
    return changes


@dataclass(frozen=True)
class HealthComparison:
    complaint: Complaint
    this_year: int | None
    last_year: int | None

    @property
    def change(self) -> int | None:
        if self.this_year is None or self.last_year is None:
            return None
        return self.this_year - self.last_year


def health_comparison(workbook: Workbook) -> list[HealthComparison]:
    last = workbook.last_year()
    before = {r.complaint: r.score for r in last.health} if last else {}
    return [HealthComparison(c, workbook.health_rating(c).score, before.get(c)) for c in Complaint]
