"""The twelve steps of the annual review, in the order the walk takes them."""

from __future__ import annotations

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
    COMMUNICATION = "communication"
    SIGNOFF = "signoff"

    @property
    def number(self) -> int:
        return list(Step).index(self) + 1

    @property
    def title(self) -> str:
        return _TITLES[self]


_TITLES = {
    Step.SETUP: "Review setup",
    Step.OFFICE: "Office",
    Step.STRATEGY: "Company strategy",
    Step.CONSTITUENTS: "Constituents",
    Step.HEALTH: "Health check",
    Step.PURPOSE: "Purpose",
    Step.MISSION_VISION: "Mission and vision",
    Step.OBJECTIVES: "Objectives",
    Step.ALIGNMENT: "Alignment",
    Step.OFFICE_STRATEGY: "Office strategy",
    Step.COMMUNICATION: "Communication plan",
    Step.SIGNOFF: "Sign-off and export",
}
