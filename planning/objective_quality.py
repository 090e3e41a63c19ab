"""Coaching on each objective beyond "filled in": a quantity rather than a topic, an outcome
rather than an activity, a target on the right side of the baseline, a named owner.

Each rule is a pure function of one objective (and, where it needs them, the workbook's
names) returning at most one finding with a reason and a concrete suggestion. The rules are
listed, with examples, in docs/FINDINGS.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from planning.enums import Direction
from planning.findings import Finding, coach
from planning.model import Objective
from planning.progress import wrong_side
from planning.steps import Step

STEP = Step.OBJECTIVES

# Words that make a measure countable: a share, a number, a time, money or a score.
_QUANTITY = re.compile(
    r"%|\d|\b(share|percent(age)?|proportion|ratio|rate|number|count|how many|total|sum|"
    r"average|mean|median|days?|hours?|weeks?|months?|minutes?|years?|time|duration|cost|"
    r"spend|amount|budget|revenue|savings?|eur|usd|gbp|score|rating|rated|index|points?|"
    r"nps|per)\b",
    re.IGNORECASE,
)
# Abstract nouns that name a topic: "engagement" is something to measure, not a measure.
_TOPIC = re.compile(
    r"\b(engagement|satisfaction|quality|maturity|awareness|alignment|collaboration|"
    r"communication|governance|performance|efficiency|effectiveness|adoption|visibility|"
    r"transparency|culture|capability|excellence|improvement|experience|trust|morale|"
    r"understanding|relationships?|agility|innovation|value|success|delivery)\W*$",
    re.IGNORECASE,
)
_SCORE = re.compile(r"\b(score|rating|rated|index|points?|level|survey)\b", re.IGNORECASE)
_SCALE = re.compile(
    r"\d+\s*(–|-|to|…|\.\.)\s*\d+|out of \d+|/\s*\d+|\bscale\b|\bnps\b", re.IGNORECASE
)
_GROWTH = re.compile(r"\b(growth|increase|decrease|change|reduction|variance)\b", re.IGNORECASE)
_ACTIVITY = re.compile(
    r"^\s*(to\s+)?(implement|roll[\s-]?out|deploy|create|develop|build|introduce|launch|"
    r"establish|set[\s-]?up|define|write|run|conduct|hold|install|migrate|buy|purchase|"
    r"procure|design|document|organi[sz]e|hire|produce|publish|prepare|draft|standardi[sz]e|"
    r"rollout|deliver\s+(a|an|the)\b|train)\b",
    re.IGNORECASE,
)
_TEAM = re.compile(
    r"\b(team|teams|department|dept|office|group|unit|committee|board|division|squad|"
    r"function|council|staff|everyone|all|managers|analysts|owners|leads)\b|"
    r"(?<![A-Za-z])PMOs?(?![A-Za-z])",
    re.IGNORECASE,
)
# Findings run on every edit, over every objective, and most texts have not changed since
# the last run: the text tests are cached on the text itself.
_CACHE = 8192


@lru_cache(maxsize=_CACHE)
def names_a_quantity(text: str) -> bool:
    return bool(_QUANTITY.search(text))


@lru_cache(maxsize=_CACHE)
def names_a_topic(measure: str) -> bool:
    words = measure.split()
    return bool(words) and bool(_TOPIC.search(words[-1])) and not names_a_quantity(measure)


@lru_cache(maxsize=_CACHE)
def _names_a_score(text: str) -> bool:
    return bool(_SCORE.search(text))


@lru_cache(maxsize=_CACHE)
def _names_a_scale(text: str) -> bool:
    return bool(_SCALE.search(text))


@lru_cache(maxsize=_CACHE)
def describes_an_activity(title: str) -> bool:
    return bool(_ACTIVITY.search(title))


@lru_cache(maxsize=_CACHE)
def names_no_person(owner: str) -> bool:
    """A team, a department, a plural role or a bare acronym rather than one person."""
    acronym = bool(_ACRONYM_ONLY.match(owner)) and not _CHIEF.match(owner)
    return acronym or bool(_TEAM.search(owner))


_ACRONYM_ONLY = re.compile(r"^[A-Z]{2,6}s?$")
_CHIEF = re.compile(r"^C[A-Z]{1,3}O$")  # CEO, CFO, CHRO: one person


def objective_name(objective: Objective) -> str:
    code = objective.code.strip()
    title = objective.title.strip()
    if code and title:
        return f"{code} ({title})"
    return code or (f"“{title}”" if title else "An untitled objective")


def measure_has_no_unit(objective: Objective) -> Finding | None:
    measure = objective.measure.strip()
    if not measure or objective.unit.strip():
        return None
    share = re.search(r"%|\b(share|percent(age)?|proportion)\b", measure, re.IGNORECASE)
    example = "“%”" if share else "“%”, “days”, “people”, an amount or “points (1–5)”"
    return coach(
        "measure.no_unit",
        STEP,
        f"{objective_name(objective)}: the measure “{measure}” has no unit, so "
        f"{_figures(objective)} could mean anything.",
        f"Add the unit: {example}.",
        objective.id,
        "unit",
    )


def measure_is_a_topic(objective: Objective) -> Finding | None:
    measure = objective.measure.strip()
    if not names_a_topic(measure):
        return None
    subject = measure[0].lower() + measure[1:]
    return coach(
        "measure.topic",
        STEP,
        f"{objective_name(objective)}: “{measure}” names a topic, not a quantity: count of "
        "what, share of what, score on which scale?",
        f"Say what you count, e.g. “Share of sponsors rating {subject} 4 or 5 on a 1–5 "
        f"survey” or “Number of … per quarter”.",
        objective.id,
        "measure",
    )


def _figures(objective: Objective) -> str:
    shown = [_number(v) for v in (objective.baseline, objective.target) if v is not None]
    return " → ".join(shown) if shown else "its figures"


def _number(value: float) -> str:
    return f"{value:g}"


def percent_out_of_range(objective: Objective) -> Finding | None:
    if objective.unit.strip().lower() not in ("%", "percent", "per cent"):
        return None
    values = [objective.baseline, objective.target, objective.target_max]
    outside = [v for v in values if v is not None and not 0 <= v <= 100]
    if not outside or _GROWTH.search(objective.measure):
        return None  # a growth rate may exceed 100 % or fall below 0
    return coach(
        "measure.percent_out_of_range",
        STEP,
        f"{objective_name(objective)}: {_number(outside[0])} % is not a share (0–100 %).",
        "Check the figure; if it is a growth rate, say so in the measure (“Growth in …, %”).",
        objective.id,
        "target",
    )


def score_without_scale(objective: Objective) -> Finding | None:
    unit = objective.unit.strip()
    if not objective.measure.strip() or unit.lower() in ("%", "percent", "per cent"):
        return None  # a share of things that have a score is not a score
    named_score = _names_a_score(objective.measure) or _names_a_score(unit)
    # 3 → 4 with no unit on a topic is a score in all but name.
    small = [v for v in (objective.baseline, objective.target) if v is not None]
    looks_like_one = (
        not unit
        and bool(small)
        and all(0 <= v <= 10 and v == int(v) for v in small)
        and not names_a_quantity(objective.measure)
    )
    if not (named_score or looks_like_one):
        return None
    if any(_names_a_scale(t) for t in (objective.measure, unit, objective.description)):
        return None
    return coach(
        "measure.score_without_scale",
        STEP,
        f"{objective_name(objective)}: {_figures(objective)} reads as a score, but on which "
        "scale, and what does a point mean?",
        "Name the scale and its ends in the measure, e.g. “average answer on a 1–5 survey "
        "(5 = fully engaged)”, and use the unit “points (1–5)”.",
        objective.id,
        "measure",
    )


def activity_not_outcome(objective: Objective, whom: str = "your customers") -> Finding | None:
    title = objective.title.strip()
    if not title or not describes_an_activity(title):
        return None
    return coach(
        "objective.activity",
        STEP,
        f"{objective_name(objective)} describes work to do, not a result for someone: the "
        "backwards recipe at objective level.",
        f"Say what will be different for {whom} once it is done, and measure that; keep "
        f"“{title}” as an item of the office strategy that serves the objective.",
        objective.id,
        "title",
    )


def target_on_wrong_side(objective: Objective) -> Finding | None:
    if not wrong_side(objective):
        return None
    name = objective_name(objective)
    base, target = objective.baseline, objective.target
    direction = objective.direction
    if direction is Direction.RANGE:
        assert target is not None and objective.target_max is not None
        reason = (
            f"{name}: the band's low end {_number(target)} is above its high end "
            f"{_number(objective.target_max)}."
        )
        suggestion = "Swap the two ends of the range."
    else:
        assert target is not None and base is not None
        lower = direction is Direction.UP
        reason = (
            f"{name}: the target {_number(target)} is {'below' if lower else 'above'} the "
            f"baseline {_number(base)}, yet the measure should go "
            f"{'up' if lower else 'down'}."
        )
        other = "Down" if lower else "Up"
        suggestion = f"If {'lower' if lower else 'higher'} is better, set the direction to "
        suggestion += f"“{other}”; otherwise correct the target."
    return coach("objective.wrong_side", STEP, reason, suggestion, objective.id, "target")


def owner_not_a_person(objective: Objective) -> Finding | None:
    owner = objective.owner.strip()
    if not owner:
        return None
    if not names_no_person(owner):
        return None
    return coach(
        "owner.not_a_person",
        STEP,
        f"{objective_name(objective)} is owned by “{owner}”, a team or a title rather than "
        "a person: when everyone owns it, no one answers for it.",
        f"Name the one person who answers for it (say, the lead of “{owner}”); the team "
        "can still do the work.",
        objective.id,
        "owner",
    )


def quality_findings(
    objective: Objective, whom: Callable[[], str] = lambda: "your customers"
) -> list[Finding]:
    """Every quality finding of one active objective; `whom()` names those it serves (asked
    only when an activity title needs it)."""
    found = [
        measure_has_no_unit(objective),
        measure_is_a_topic(objective),
        percent_out_of_range(objective),
        score_without_scale(objective),
        activity_not_outcome(objective, whom()) if describes_an_activity(objective.title) else None,
        target_on_wrong_side(objective),
        owner_not_a_person(objective),
    ]
    return [f for f in found if f is not None]
