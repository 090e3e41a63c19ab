"""The twelve pages of the walk, listed once in step order.

Page modules are imported when a page is first shown, not at start-up: the window opens
faster and a workshop that never visits the alignment matrix never pays for it. `PAGES`
(all twelve classes, in step order) is still available for tests and benchmarks.
"""

from __future__ import annotations

from importlib import import_module

from planning.steps import Step
from ui.pages.base import StepPage

PAGE_CLASSES: dict[Step, str] = {
    Step.SETUP: "ui.pages.setup:SetupPage",
    Step.OFFICE: "ui.pages.office:OfficePage",
    Step.STRATEGY: "ui.pages.strategy:StrategyPage",
    Step.CONSTITUENTS: "ui.pages.constituents:ConstituentsPage",
    Step.HEALTH: "ui.pages.health:HealthPage",
    Step.PURPOSE: "ui.pages.purpose:PurposePage",
    Step.MISSION_VISION: "ui.pages.mission_vision:MissionVisionPage",
    Step.OBJECTIVES: "ui.pages.objectives:ObjectivesPage",
    Step.ALIGNMENT: "ui.pages.alignment:AlignmentPage",
    Step.OFFICE_STRATEGY: "ui.pages.office_strategy:OfficeStrategyPage",
    Step.COMMUNICATION: "ui.pages.communication:CommunicationPage",
    Step.SIGNOFF: "ui.pages.signoff:SignoffPage",
}


def page_class(step: Step) -> type[StepPage]:
    module_name, class_name = PAGE_CLASSES[step].split(":")
    cls: type[StepPage] = getattr(import_module(module_name), class_name)
    return cls


def __getattr__(name: str) -> tuple[type[StepPage], ...]:
    if name == "PAGES":
        return tuple(page_class(step) for step in Step)
    raise AttributeError(name)


__all__ = ["PAGES", "PAGE_CLASSES", "StepPage", "page_class"]
