"""Year over year: statements compared word by word, objective decisions, health ratings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from planning.enums import CarryDecision, Complaint, GovernanceRole, ObjectiveStatus
from planning.governance import Governance
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


# --- governance year over year -----------------------------------------------------------


def _listing(items: list[str]) -> str:
    quoted = [f"“{i}”" for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _matters(label: str, old: list[str], new: list[str]) -> list[str]:
    added = [m for m in new if m not in old]
    gone = [m for m in old if m not in new]
    out = []
    if added:
        out.append(f"{label}, now also: {_listing(added)}.")
    if gone:
        out.append(f"{label}, no longer: {_listing(gone)}.")
    return out


def _figure(value: float | None) -> str:
    if value is None:
        return "not set"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def governance_changes(
    old: Governance | None,
    new: Governance,
    communication: dict[str, str] | None = None,
    currency: str = "",
) -> list[str]:
    """What changed in the office's governance since last year, one sentence per change
    (the mandate's words are compared separately with `word_diff`). `communication` names
    the communication items by id, for the reporting."""
    if old is None:
        return []
    changes: list[str] = []
    changes += _matters("The office decides", old.decides, new.decides)
    changes += _matters("It recommends", old.recommends, new.recommends)
    changes += _matters("It only reports", old.reports, new.reports)
    before = {r.role: r.holder.strip() for r in old.roles}
    for role in GovernanceRole:
        was, now = before.get(role, ""), new.holder(role).strip()
        if was != now and (was or now):
            changes.append(f"{role.label}: {was or 'nobody named'} → {now or 'nobody named'}.")
    old_services = {r.service.strip() for r in old.raci if r.service.strip()}
    new_services = {r.service.strip() for r in new.raci if r.service.strip()}
    changes += _matters("Services in the RACI", sorted(old_services), sorted(new_services))
    old_people = sum(s.people or 0 for s in old.staff)
    new_people = sum(s.people or 0 for s in new.staff)
    if old_people != new_people:
        changes.append(f"People: {_figure(old_people)} → {_figure(new_people)} full-time.")
    if old.budget != new.budget:
        unit = f" {currency}" if currency else ""
        before_budget, after_budget = _figure(old.budget), _figure(new.budget)
        changes.append(f"Yearly budget: {before_budget}{unit} → {after_budget}{unit}.")
    names = communication or {}
    added = [names[i] for i in new.reporting_ids if i not in old.reporting_ids and i in names]
    if added:
        changes.append(f"Reporting, now also: {_listing(added)}.")
    dropped = [i for i in old.reporting_ids if i not in new.reporting_ids]
    if dropped:
        gone = [names[i] for i in dropped if i in names]
        unnamed = len(dropped) - len(gone)
        parts = [_listing(gone)] if gone else []
        if unnamed:
            parts.append(f"{unnamed} report{'s' if unnamed > 1 else ''} of last year's plan")
        changes.append(f"Reporting, no longer: {' and '.join(parts)}.")
    old_levels = [e.to.strip() for e in old.escalation]
    new_levels = [e.to.strip() for e in new.escalation]
    if old_levels != new_levels:
        before_text = " → ".join(old_levels) or "none"
        after_text = " → ".join(new_levels) or "none"
        changes.append(f"Escalation: {before_text} became {after_text}.")
    return changes
