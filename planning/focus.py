"""Coaching on the set of objectives: focus (how many, duplicates) and visible value.

Pure functions of the workbook, linear in the number of objectives, so they run on every
edit; listed with examples in docs/FINDINGS.md.
"""

from __future__ import annotations

import re
from functools import lru_cache

from planning.enums import Complaint
from planning.findings import Finding, coach
from planning.model import Objective, Workbook
from planning.objective_quality import objective_name
from planning.steps import Step

STEP = Step.OBJECTIVES
LOW_SCORES = (1, 2)

_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "to",
        "and",
        "in",
        "on",
        "with",
        "by",
        "at",
        "our",
        "all",
        "every",
        "each",
    ]
)


@lru_cache(maxsize=8192)  # titles rarely change between two runs of the findings
def title_key(title: str) -> tuple[str, ...]:
    """The words of a title that carry its meaning, crudely stemmed and sorted, so that
    "Improve stakeholder engagement" and "Improving the engagement of stakeholders" match."""
    words = (w.casefold() for w in _WORD.findall(title))
    return tuple(sorted({_stem(w) for w in words if w not in _STOP}))


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    # "improve" and "improving" both become "improv".
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def too_many_objectives(workbook: Workbook, active: list[Objective]) -> Finding | None:
    limit = workbook.settings.focus_limit
    if len(active) <= limit or any(n.item.strip() for n in workbook.not_doing):
        return None
    return coach(
        "focus.too_many",
        STEP,
        f"{len(active)} active objectives, more than the {limit} the office can pursue, and "
        "no not-doing list: everything is a priority, so nothing is.",
        f"Keep the {limit} that matter most to your customers; put the rest on the not-doing "
        "list with the reason.",
        None,
        "objectives",
    )


def duplicate_codes(active: list[Objective]) -> list[Finding]:
    seen: dict[str, Objective] = {}
    found: list[Finding] = []
    for objective in active:
        code = objective.code.strip().casefold()
        if not code:
            continue
        first = seen.setdefault(code, objective)
        if first is not objective:
            found.append(
                coach(
                    "focus.duplicate_code",
                    STEP,
                    f"Two objectives share the code {objective.code.strip()} "
                    f"(“{first.title.strip()}” and “{objective.title.strip()}”): the tracker "
                    "and the charter would mix them up.",
                    "Give each objective its own code.",
                    objective.id,
                    "code",
                )
            )
    return found


def similar_titles(active: list[Objective]) -> list[Finding]:
    seen: dict[tuple[str, ...], Objective] = {}
    found: list[Finding] = []
    for objective in active:
        key = title_key(objective.title)
        if not key:
            continue
        first = seen.setdefault(key, objective)
        if first is not objective:
            found.append(
                coach(
                    "focus.similar_titles",
                    STEP,
                    f"{objective_name(objective)} reads like {objective_name(first)}: the "
                    "same objective twice splits the effort and the reporting.",
                    "Merge them into one objective, or say in each title what sets it apart.",
                    objective.id,
                    "title",
                )
            )
    return found


def value_missing(workbook: Workbook, active: list[Objective]) -> list[Finding]:
    """Objectives without a value category and amount, once the office has been told it
    shows no quantifiable value (rated 1 or 2 in the health check)."""
    score = workbook.health_rating(Complaint.NO_QUANTIFIABLE_VALUE).score
    if score not in LOW_SCORES:
        return []
    currency = workbook.settings.currency or "your currency"
    found: list[Finding] = []
    for objective in active:
        if objective.value_category is not None and objective.value_amount is not None:
            continue
        what = "amount" if objective.value_category is not None else "value category or amount"
        found.append(
            coach(
                "value.missing",
                STEP,
                f"{objective_name(objective)} has no {what}, while the health check rates "
                f"“{Complaint.NO_QUANTIFIABLE_VALUE.label}” {score}/5.",
                f"Estimate what it is worth: cost avoided, time to market, benefits realised or "
                f"risk reduced, with an amount in {currency}, even a rough one.",
                objective.id,
                "value_amount" if objective.value_category is not None else "value_category",
            )
        )
    return found


def focus_findings(workbook: Workbook, active: list[Objective] | None = None) -> list[Finding]:
    active = workbook.active_objectives() if active is None else active
    found = duplicate_codes(active) + similar_titles(active)
    too_many = too_many_objectives(workbook, active)
    if too_many is not None:
        found.insert(0, too_many)
    return found + value_missing(workbook, active)
