"""The pages of the walk: one per step of the registry (planning/steps.py), in its order.

Page modules are imported when a page is first shown, not at start-up: the window opens
faster and a workshop that never visits the alignment matrix never pays for it. A test
checks `PAGES` against the registry: every step has a page and every page a step.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from planning.steps import Step
from ui.pages.base import StepPage


@dataclass(frozen=True)
class Page:
    """Where the page of a step lives; `load()` imports it."""

    step: Step
    module: str
    class_name: str

    def load(self) -> type[StepPage]:
        cls: type[StepPage] = getattr(import_module(self.module), self.class_name)
        return cls


PAGES: tuple[Page, ...] = (
    Page(Step.SETUP, "ui.pages.setup", "SetupPage"),
    Page(Step.OFFICE, "ui.pages.office", "OfficePage"),
    Page(Step.STRATEGY, "ui.pages.strategy", "StrategyPage"),
    Page(Step.CONSTITUENTS, "ui.pages.constituents", "ConstituentsPage"),
    Page(Step.HEALTH, "ui.pages.health", "HealthPage"),
    Page(Step.PURPOSE, "ui.pages.purpose", "PurposePage"),
    Page(Step.MISSION_VISION, "ui.pages.mission_vision", "MissionVisionPage"),
    Page(Step.OBJECTIVES, "ui.pages.objectives", "ObjectivesPage"),
    Page(Step.ALIGNMENT, "ui.pages.alignment", "AlignmentPage"),
    Page(Step.OFFICE_STRATEGY, "ui.pages.office_strategy", "OfficeStrategyPage"),
    Page(Step.GOVERNANCE, "ui.pages.governance", "GovernancePage"),
    Page(Step.COMMUNICATION, "ui.pages.communication", "CommunicationPage"),
    Page(Step.SIGNOFF, "ui.pages.signoff", "SignoffPage"),
)
_BY_STEP = {page.step: page for page in PAGES}


def page_class(step: Step) -> type[StepPage]:
    return _BY_STEP[step].load()


__all__ = ["PAGES", "Page", "StepPage", "page_class"]
