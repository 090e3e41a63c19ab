"""The seven complaints of the health check drive the review: for every complaint rated 1–2,
which parts of this year's plan address it, and which do not.

Each complaint is tied to the parts of the workbook that answer it ("no focus" ↔ the number
of objectives and the not-doing list; "the office does not understand the business" ↔
constituents' goals and needs; ...). `complaint_plans()` says, per low-rated complaint, what
the plan does about it: the Health check and Sign-off pages and the charter's health
section show it, and `complaint_findings()` turns it into findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from planning.alignment import alignment_gaps
from planning.enums import Complaint, Severity
from planning.findings import Finding, coach
from planning.model import Workbook
from planning.statements import constituent_names, names_a_customer
from planning.steps import Step

LOW_SCORES = (1, 2)
_EVERYONE = re.compile(r"\b(all|everyone|everybody|whole|company|organi[sz]ation)\b", re.I)
_VALUE_WORDS = re.compile(r"\b(value|benefits?|achiev\w*|results?|savings?|return|roi)\b", re.I)


@dataclass(frozen=True)
class PlanPart:
    """One part of the review and whether it answers the complaint."""

    part: str
    addressed: bool
    detail: str = ""
    suggestion: str = ""

    def __str__(self) -> str:
        return f"{self.part} ({self.detail})" if self.detail else self.part


@dataclass(frozen=True)
class ComplaintPlan:
    complaint: Complaint
    score: int
    parts: tuple[PlanPart, ...]

    @property
    def addressed(self) -> list[PlanPart]:
        return [p for p in self.parts if p.addressed]

    @property
    def missing(self) -> list[PlanPart]:
        return [p for p in self.parts if not p.addressed]

    def summary(self) -> str:
        """One sentence: what the plan does about it, and what it does not."""
        done = _join([str(p) for p in self.addressed])
        gaps = _join([str(p) for p in self.missing])
        if done and gaps:
            return f"This year's plan addresses it through {done}; not yet through {gaps}."
        if done:
            return f"This year's plan addresses it through {done}."
        return f"Nothing in this year's plan addresses it yet; it needs {gaps}."


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def unreached_constituents(workbook: Workbook) -> list[str]:
    """Constituents whose name or group appears in no communication item's audience."""
    audiences = [m.audience.casefold() for m in workbook.communication if m.audience.strip()]
    if any(_EVERYONE.search(a) for a in audiences):
        return []
    missed = []
    for c in workbook.constituents:
        names = [n.strip().casefold() for n in (c.name, c.group) if n.strip()]
        if names and not any(n in a or a in n for n in names for a in audiences):
            missed.append(c.name.strip() or c.group.strip())
    return missed


def _communication_reach(wb: Workbook) -> PlanPart:
    missed = unreached_constituents(wb)
    part = "a communication plan that reaches every constituent group"
    if not wb.communication:
        return PlanPart(part, False, "no communication plan", "Plan who hears what, and when.")
    if missed:
        return PlanPart(
            part,
            False,
            f"it does not reach {_join(missed)}",
            f"Add a message for {_join(missed)} to the communication plan.",
        )
    return PlanPart(part, True)


def _purpose(wb: Workbook) -> list[PlanPart]:
    agreed = bool(wb.purpose.text.strip()) and wb.purpose.decision is not None
    serves = names_a_customer(wb.mission.text, constituent_names(wb))
    return [
        PlanPart(
            "the purpose statement",
            agreed,
            "" if agreed else "not agreed this year",
            "Agree the purpose with the executives in the workshop.",
        ),
        PlanPart(
            "a mission that names whom the office serves",
            serves,
            "",
            "Say in the mission whose success the office exists for.",
        ),
        _communication_reach(wb),
    ]


def _value(wb: Workbook) -> list[PlanPart]:
    active = wb.active_objectives()
    without = [o for o in active if o.value_category is None or o.value_amount is None]
    reports = any(_VALUE_WORDS.search(m.message) for m in wb.communication)
    return [
        PlanPart(
            "objectives with a quantified value",
            bool(active) and not without,
            _count(len(without), "objective without one", "objectives without one")
            if without
            else "",
            "Give each objective a value category and an amount.",
        ),
        PlanPart(
            "a message that reports the value delivered",
            reports,
            "",
            "Add a communication item that reports results and value to the executives.",
        ),
    ]


def _focus(wb: Workbook) -> list[PlanPart]:
    active = len(wb.active_objectives())
    limit = wb.settings.focus_limit
    orphans = len(alignment_gaps(wb).orphan_objectives) if wb.strategy else active
    return [
        PlanPart(
            f"at most {limit} objectives",
            0 < active <= limit,
            f"{active} active",
            f"Keep the {limit} objectives that matter most.",
        ),
        PlanPart(
            "a not-doing list",
            any(n.item.strip() for n in wb.not_doing),
            "",
            "Write down what the office will not do this year, and why.",
        ),
        PlanPart(
            "objectives aligned with company strategy",
            active > 0 and orphans == 0,
            _count(orphans, "orphan", "orphans") if orphans else "",
            "Align every objective with a company strategic objective, or drop it.",
        ),
    ]


def _results(wb: Workbook) -> list[PlanPart]:
    active = wb.active_objectives()
    vague = [
        o
        for o in active
        if not o.measure.strip() or o.baseline is None or o.target is None or o.due is None
    ]
    unserved = [o for o in active if not o.constituent_ids]
    parts = [
        PlanPart(
            "measurable objectives",
            bool(active) and not vague,
            _count(len(vague), "incomplete", "incomplete") if vague else "",
            "Give every objective a measure, baseline, target and due date.",
        ),
        PlanPart(
            "objectives that say whom they serve",
            bool(active) and not unserved,
            _count(len(unserved), "serves no one", "serve no one") if unserved else "",
            "Name the constituents each objective serves.",
        ),
    ]
    if wb.last_year() is not None:
        pending = [o for o in wb.objectives if o.carried and o.carried.decision is None]
        parts.append(
            PlanPart(
                "a decision on last year's objectives",
                not pending,
                _count(len(pending), "pending", "pending") if pending else "",
                "Decide on every objective carried over from last year.",
            )
        )
    return parts


def _burden(wb: Workbook) -> list[PlanPart]:
    active = {o.id for o in wb.active_objectives()}
    idle = [i for i in wb.office_strategy if not active.intersection(i.objective_ids)]
    return [
        PlanPart(
            "services and processes that each serve an objective",
            bool(wb.office_strategy) and not idle,
            _count(len(idle), "serves no objective", "serve no objective") if idle else "",
            "Tie each service, process and tool to an objective, or stop it.",
        ),
        PlanPart(
            "a not-doing list",
            any(n.item.strip() for n in wb.not_doing),
            "",
            "Stop something that costs customers time, and say so on the not-doing list.",
        ),
    ]


def _understood(wb: Workbook) -> list[PlanPart]:
    defined = wb.office.kind is not None and bool(wb.office.scope.strip())
    return [
        PlanPart(
            "the office's kind and scope",
            defined,
            "",
            "Say which office this is and what it oversees.",
        ),
        _communication_reach(wb),
        PlanPart(
            "governance reporting",
            any(wb.communication_item(i) for i in wb.governance.reporting_ids),
            "",
            "Mark the communication items that are the office's governance reporting.",
        ),
    ]


def _business(wb: Workbook) -> list[PlanPart]:
    unknown = [c for c in wb.constituents if not (c.goals.strip() and c.needs.strip())]
    unsupported = alignment_gaps(wb).unsupported_strategic
    unscored = [c for c in wb.constituents if c.satisfaction is None]
    names = [c.name.strip() or c.group.strip() or "one unnamed" for c in unknown]
    return [
        PlanPart(
            "constituents' goals and needs",
            bool(wb.constituents) and not unknown,
            f"missing for {_join(names)}" if unknown else "",
            "Ask each constituent what they aim for and what they need from the office.",
        ),
        PlanPart(
            "support for every company strategic objective",
            bool(wb.strategy) and not unsupported,
            _count(len(unsupported), "unsupported", "unsupported") if unsupported else "",
            "Say how the office helps with each company strategic objective.",
        ),
        PlanPart(
            "constituents' satisfaction scores",
            bool(wb.constituents) and not unscored,
            _count(len(unscored), "not scored", "not scored") if unscored else "",
            "Ask each constituent for a satisfaction score.",
        ),
    ]


PARTS: dict[Complaint, Callable[[Workbook], list[PlanPart]]] = {
    Complaint.PURPOSE_NOT_UNDERSTOOD: _purpose,
    Complaint.NO_QUANTIFIABLE_VALUE: _value,
    Complaint.LACK_OF_FOCUS: _focus,
    Complaint.DISSATISFIED_WITH_RESULTS: _results,
    Complaint.SEEN_AS_BURDEN: _burden,
    Complaint.BUSINESS_DOESNT_UNDERSTAND_OFFICE: _understood,
    Complaint.OFFICE_DOESNT_UNDERSTAND_BUSINESS: _business,
}


def complaint_plans(workbook: Workbook) -> list[ComplaintPlan]:
    """What this year's plan does about each complaint rated 1 or 2, in the checklist order."""
    plans = []
    for complaint in Complaint:
        score = workbook.health_rating(complaint).score
        if score in LOW_SCORES:
            assert score is not None
            plans.append(ComplaintPlan(complaint, score, tuple(PARTS[complaint](workbook))))
    return plans


def complaint_findings(workbook: Workbook) -> list[Finding]:
    found = []
    for plan in complaint_plans(workbook):
        head = f"“{plan.complaint.label}” is rated {plan.score}/5. {plan.summary()}"
        if plan.missing:
            found.append(
                coach(
                    "complaint.not_addressed",
                    Step.HEALTH,
                    head,
                    plan.missing[0].suggestion,
                    plan.complaint.value,
                )
            )
        else:
            found.append(
                coach(
                    "complaint.addressed",
                    Step.HEALTH,
                    head,
                    "Tell the people who raised it.",
                    plan.complaint.value,
                    severity=Severity.INFO,
                )
            )
    return found
