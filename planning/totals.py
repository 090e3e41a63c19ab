"""The figures both exports print, computed once: support per company strategic objective,
counts by status, carry-over counts, each statement's review status, value by category.

Every total counts what the exports show: this year's *active* objectives (closed ones are
listed for the record, never counted in support, status or value). The charter prints these
numbers; the tracker's formulas compute the same figures over the rows it holds, and the
tests check that both agree with the workbook.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from planning.currency import locale_currency
from planning.enums import (
    CarryDecision,
    ObjectiveStatus,
    Priority,
    StatementDecision,
    ValueCategory,
)
from planning.model import Objective, StrategicObjective, Workbook

# --- alignment ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Support:
    """How the office's active objectives support one company strategic objective."""

    strategic: StrategicObjective
    objectives: int
    """Active office objectives linked to it."""
    strength: int
    """Sum of their links' strength scores (weak 1, medium 2, strong 3)."""


def strategic_support(workbook: Workbook) -> list[Support]:
    """One entry per company strategic objective, in the workbook's order."""
    active = {o.id for o in workbook.active_objectives()}
    counts: dict[str, int] = {s.id: 0 for s in workbook.strategy}
    strength: dict[str, int] = {s.id: 0 for s in workbook.strategy}
    for link in workbook.alignment:
        if link.objective_id in active and link.strategic_id in counts:
            counts[link.strategic_id] += 1
            strength[link.strategic_id] += link.strength.score
    return [Support(s, counts[s.id], strength[s.id]) for s in workbook.strategy]


def objective_strength(workbook: Workbook) -> dict[str, int]:
    """Sum of strength scores per active objective, over the company objectives on record."""
    strategic = {s.id for s in workbook.strategy}
    totals = {o.id: 0 for o in workbook.active_objectives()}
    for link in workbook.alignment:
        if link.objective_id in totals and link.strategic_id in strategic:
            totals[link.objective_id] += link.strength.score
    return totals


# --- objectives --------------------------------------------------------------------------


def status_counts(workbook: Workbook) -> dict[ObjectiveStatus, int]:
    """Active objectives per status, every status present (zero included)."""
    counts = dict.fromkeys(ObjectiveStatus, 0)
    for objective in workbook.active_objectives():
        counts[objective.status] += 1
    return counts


@dataclass(frozen=True)
class CarryOverCounts:
    """What this year's review decided about the objectives carried over from last year."""

    carried: int = 0
    decided: dict[CarryDecision, int] = field(default_factory=dict)
    pending: int = 0

    @property
    def closed(self) -> int:
        """Carried objectives retired or closed as achieved: listed, no longer pursued."""
        return self.decided.get(CarryDecision.RETIRE, 0) + self.decided.get(
            CarryDecision.ACHIEVED, 0
        )


def carry_over_counts(workbook: Workbook) -> CarryOverCounts:
    carried = [o for o in workbook.objectives if o.carried is not None]
    decided = dict.fromkeys(CarryDecision, 0)
    pending = 0
    for objective in carried:
        assert objective.carried is not None
        if objective.carried.decision is None:
            pending += 1
        else:
            decided[objective.carried.decision] += 1
    return CarryOverCounts(len(carried), decided, pending)


def retired_new_objectives(workbook: Workbook) -> list[Objective]:
    """Objectives that did not come from last year but carry the status Retired: they are
    not part of the plan, and the charter says so rather than counting them as carried."""
    return [
        o for o in workbook.objectives if o.carried is None and o.status is ObjectiveStatus.RETIRED
    ]


MISSING_FIELDS = ("measure", "baseline", "target", "due date", "owner", "constituent")


def missing_fields(objective: Objective) -> list[str]:
    """The parts of a measurable objective this one lacks (names as sentences use them)."""
    lacks = {
        "measure": not objective.measure.strip(),
        "baseline": objective.baseline is None,
        "target": objective.target is None,
        "due date": objective.due is None,
        "owner": not objective.owner.strip(),
        "constituent": not objective.constituent_ids,
    }
    return [name for name in MISSING_FIELDS if lacks[name]]


# --- statements --------------------------------------------------------------------------

_DECIDED = {
    StatementDecision.REAFFIRM: "Reaffirmed in this year's review",
    StatementDecision.REVISE: "Revised in this year's review",
    StatementDecision.NEW: "Adopted in this year's review",
}


def statement_status(workbook: Workbook, which: str) -> str:
    """One sentence on where a statement stands this year, the same in every section:
    `which` is "purpose", "mission" or "vision". Empty when there is nothing to say (a
    first review's statement with no decision recorded)."""
    statement = getattr(workbook, which)
    text = statement.text.strip()
    if not text:
        return f"No {which} statement has been agreed yet."
    if statement.decision is not None:
        return _DECIDED[statement.decision] + "."
    last = workbook.last_year()
    if last is None:
        return ""
    label = last.fiscal_year.label.strip() or "last year"
    if not getattr(last, which).text.strip():
        return f"New this year: there was none in {label}; not yet adopted in this review."
    if which == "purpose":
        return ""  # the purpose is not up for yearly review the way mission and vision are
    return "Not yet reaffirmed or revised in this year's review."


# --- value -------------------------------------------------------------------------------

# Letter paper: the United States, Canada, Mexico and a few of their neighbours.
_LETTER_COUNTRIES = {"US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "GT", "CR", "PA"}


def locale_country(environ: Mapping[str, str] | None = None) -> str:
    """The two-letter country of the user's paper locale ("de_CH.UTF-8" gives "CH"), or ""
    (LC_ALL, then LC_PAPER, then LANG, as the C library reads them)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        match = re.match(r"[a-zA-Z]{2,3}[_-]([A-Za-z]{2})\b", env.get(name, ""))
        if match:
            return match.group(1).upper()
    return ""


def value_unit(workbook: Workbook) -> str:
    """The currency value amounts are in: the workbook's setting, else the user's locale's;
    "" when neither says (the exports then say that no currency is set)."""
    return workbook.settings.currency.strip() or locale_currency()


def letter_paper(environ: Mapping[str, str] | None = None) -> bool:
    """True where the locale's paper is US Letter; A4 everywhere else."""
    return locale_country(environ) in _LETTER_COUNTRIES


@dataclass(frozen=True)
class ValueTotals:
    by_category: dict[ValueCategory | None, float]
    """Sum of stated amounts per category (None: amount without a category)."""
    objectives: int
    """Active objectives stating an amount."""
    stating: dict[ValueCategory | None, int] = field(default_factory=dict)
    """Active objectives stating an amount, per category (the keys of `by_category`)."""
    unpriced: dict[ValueCategory, int] = field(default_factory=dict)
    """Active objectives naming a category without an amount: claimed, not counted."""

    @property
    def total(self) -> float:
        return sum(self.by_category.values())


def value_by_category(workbook: Workbook) -> ValueTotals:
    sums: dict[ValueCategory | None, float] = {}
    per: dict[ValueCategory | None, int] = {}
    unpriced: dict[ValueCategory, int] = {}
    stating = 0
    for objective in workbook.active_objectives():
        key = objective.value_category
        if objective.value_amount is None:
            if key is not None:
                unpriced[key] = unpriced.get(key, 0) + 1
            continue
        stating += 1
        sums[key] = sums.get(key, 0.0) + objective.value_amount
        per[key] = per.get(key, 0) + 1
    order = [*ValueCategory, None]
    return ValueTotals(
        {k: sums[k] for k in order if k in sums},
        stating,
        {k: per[k] for k in order if k in per},
        {k: unpriced[k] for k in ValueCategory if k in unpriced},
    )


_PRIORITY_WEIGHT = {Priority.HIGH: 3, Priority.MEDIUM: 2, Priority.LOW: 1}


def key_objectives(workbook: Workbook, limit: int) -> list[Objective]:
    """The `limit` active objectives that matter most to the company: ranked by the
    strength of their links weighted by the priority of the company objective they support
    (a strong link to a high-priority objective counts 9), then in the workbook's order."""
    priority = {s.id: _PRIORITY_WEIGHT[s.priority] for s in workbook.strategy}
    weight: dict[str, int] = {o.id: 0 for o in workbook.active_objectives()}
    for link in workbook.alignment:
        if link.objective_id in weight and link.strategic_id in priority:
            weight[link.objective_id] += link.strength.score * priority[link.strategic_id]
    ranked = sorted(
        enumerate(workbook.active_objectives()), key=lambda pair: (-weight[pair[1].id], pair[0])
    )
    return [objective for _, objective in ranked[:limit]]
