"""The steps of the annual review, listed once, in the order the walk takes them.

`STEPS` is the registry: for each step its title, the guidance its page shows, its slot in
the half-day workshop agenda and the part of the workbook it edits (the name of its
`ui.document.Change` flag). The walk, the agenda, readiness and the pages read it.

Adding a step: a `Step` member (its value is stored in files: never rename one), a
`StepInfo` in `STEPS` at its place in the walk, a progress rule in planning/readiness.py
and a page in ui/pages/__init__.py. Tests fail until all four agree. (The progress rules
read the workbook, whose model imports `Step`: they cannot live here.)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Step(Enum):
    SETUP = "setup"
    OFFICE = "office"
    STRATEGY = "strategy"
    CONSTITUENTS = "constituents"
    HEALTH = "health"
    PURPOSE = "purpose"
    MISSION_VISION = "mission_vision"
    OBJECTIVES = "objectives"
    ALIGNMENT = "alignment"
    OFFICE_STRATEGY = "office_strategy"
    GOVERNANCE = "governance"
    COMMUNICATION = "communication"
    SIGNOFF = "signoff"

    @property
    def info(self) -> StepInfo:
        return _BY_STEP[self]

    @property
    def number(self) -> int:
        return STEPS.index(self.info) + 1

    @property
    def title(self) -> str:
        return self.info.title

    @property
    def guidance(self) -> str:
        return self.info.guidance


# --- the registry ------------------------------------------------------------------------


@dataclass(frozen=True)
class StepInfo:
    step: Step
    title: str
    guidance: str
    agenda_minutes: int
    """Minutes in the half-day workshop (about four hours with a break): most time goes
    where executives must agree (mission, vision, objectives), little to the set-up."""
    agenda_topic: str
    """What the step's agenda slot is for, in the workshop's words."""
    change: str
    """The `ui.document.Change` flag of the part of the workbook the step edits."""


STEPS: tuple[StepInfo, ...] = (
    StepInfo(
        Step.SETUP,
        "Review setup",
        guidance=(
            "Record who reviews the office and when. Mission, vision and objectives are set with "
            "the active participation of executive leadership, so mark the executives who take "
            "part. The review is not a one-time event: next year's review starts from this one."
        ),
        agenda_minutes=10,
        agenda_topic="Welcome: why we are here and who takes part",
        change="SETUP",
    ),
    StepInfo(
        Step.OFFICE,
        "Office",
        guidance=(
            "Say which office you are. “PMO” means three different things: a project management "
            "office looks after how projects are run, a program management office governs the "
            "projects of one program, a portfolio management office asks whether the company works "
            "on the right projects at all. Documents use the full name, never the bare acronym."
        ),
        agenda_minutes=15,
        agenda_topic="Which office are we, and what do we oversee?",
        change="OFFICE",
    ),
    StepInfo(
        Step.STRATEGY,
        "Company strategy",
        guidance=(
            "The office exists to help the company execute its strategy. List the company's "
            "strategic objectives as the executives state them; every office objective will "
            "support at least one of them, and every one the office can help with should be "
            "supported."
        ),
        agenda_minutes=15,
        agenda_topic="The company's strategic objectives",
        change="STRATEGY",
    ),
    StepInfo(
        Step.CONSTITUENTS,
        "Constituents",
        guidance=(
            "The office's purpose is its customers' success: it succeeds when they succeed. Name "
            "the constituents the office serves, what each is trying to achieve, and what they "
            "need from the office. Objectives will say whom they serve."
        ),
        agenda_minutes=15,
        agenda_topic="Our customers and what they need from us",
        change="CONSTITUENTS",
    ),
    StepInfo(
        Step.HEALTH,
        "Health check",
        guidance=(
            "Offices fail for the same reasons: nobody understands their purpose, they show no "
            "quantifiable value, they lack focus, they are seen as a burden, the business and the "
            "office do not understand each other. Rate how true each complaint is today, from 1 "
            "(entirely true) to 5 (does not apply), and compare with last year."
        ),
        agenda_minutes=20,
        agenda_topic="How we are seen: the health check",
        change="HEALTH",
    ),
    StepInfo(
        Step.PURPOSE,
        "Purpose",
        guidance=(
            "Purpose first. The classic failure is the backwards recipe: pick a model, write "
            "processes, hire people, buy tools — and only then wonder what the office is for. "
            "Start here. The office exists to help its customers achieve their objectives and "
            "execute their strategy; its success derives from theirs."
        ),
        agenda_minutes=10,
        agenda_topic="Why the office exists",
        change="STATEMENTS",
    ),
    StepInfo(
        Step.MISSION_VISION,
        "Mission and vision",
        guidance=(
            "The mission says what the office does and for whom; the vision where it wants to be. "
            "Set both with the executives, name the customers the office serves, and say which "
            "office you are instead of “PMO”. They are reviewed every year: reaffirm or revise "
            "them, and record why."
        ),
        agenda_minutes=30,
        agenda_topic="Mission and vision: reaffirm or revise",
        change="STATEMENTS",
    ),
    StepInfo(
        Step.OBJECTIVES,
        "Objectives",
        guidance=(
            "Measurable objectives, aligned to the company's strategy: each has a measure, a "
            "baseline, a target, a due date and an owner, and says whose success it serves. Say "
            "what value it brings so the office can show quantified value. Objectives from last "
            "year show their result and need a decision: keep, revise, retire or achieved."
        ),
        agenda_minutes=40,
        agenda_topic="Measurable objectives for the year",
        change="OBJECTIVES",
    ),
    StepInfo(
        Step.ALIGNMENT,
        "Alignment",
        guidance=(
            "Every office objective should support at least one of the company's strategic "
            "objectives, and every strategic objective the office can help with should be "
            "supported by one of its objectives. Click a cell, or press Space, to cycle none → "
            "weak → medium → strong (keys 0–3 set it directly). The gaps both ways are listed."
        ),
        agenda_minutes=20,
        agenda_topic="Do our objectives serve the strategy?",
        change="ALIGNMENT",
    ),
    StepInfo(
        Step.OFFICE_STRATEGY,
        "Office strategy",
        guidance=(
            "Only now the office's strategy: the services, processes, people and tools that will "
            "achieve the objectives — in that order, each linked to the objectives it serves. "
            "Choosing them before the purpose and objectives is the backwards recipe."
        ),
        agenda_minutes=20,
        agenda_topic="Services, processes, people and tools",
        change="OFFICE_STRATEGY",
    ),
    StepInfo(
        Step.GOVERNANCE,
        "Governance",
        guidance=(
            "Executives signing a charter expect to see the office's mandate: what it may "
            "decide, what it recommends and what it only reports; who is responsible, "
            "accountable, consulted and informed for its main services; its people and budget; "
            "how it reports (the communication plan's items) and when matters escalate. Start "
            "from the defaults for your kind of office and make them yours."
        ),
        agenda_minutes=10,
        agenda_topic="Who decides what, and how we report and escalate",
        change="GOVERNANCE",
    ),
    StepInfo(
        Step.COMMUNICATION,
        "Communication plan",
        guidance=(
            "Offices are criticised when nobody understands their purpose or sees their value. "
            "Plan who hears what, through which channel and how often, so the value stays visible. "
            "A not-doing list keeps the office focused: say what it will not do, and why."
        ),
        agenda_minutes=10,
        agenda_topic="Who hears what from us, and when",
        change="COMMUNICATION",
    ),
    StepInfo(
        Step.SIGNOFF,
        "Sign-off and export",
        guidance=(
            "Executives sign off what they helped to set. Look at what is still open across the "
            "walk (a finding takes you to its step), record each approver's decision, then export "
            "the charter for sign-off and the tracker the objective owners update through the "
            "year. Next year's review starts from this workbook."
        ),
        agenda_minutes=10,
        agenda_topic="Decisions, parked topics and next steps",
        change="SIGNOFF",
    ),
)
_BY_STEP = {info.step: info for info in STEPS}
