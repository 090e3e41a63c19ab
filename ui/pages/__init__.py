"""The twelve pages of the walk, listed once in step order."""

from __future__ import annotations

from ui.pages.alignment import AlignmentPage
from ui.pages.base import StepPage
from ui.pages.communication import CommunicationPage
from ui.pages.constituents import ConstituentsPage
from ui.pages.health import HealthPage
from ui.pages.mission_vision import MissionVisionPage
from ui.pages.objectives import ObjectivesPage
from ui.pages.office import OfficePage
from ui.pages.office_strategy import OfficeStrategyPage
from ui.pages.purpose import PurposePage
from ui.pages.setup import SetupPage
from ui.pages.signoff import SignoffPage
from ui.pages.strategy import StrategyPage

PAGES: tuple[type[StepPage], ...] = (
    SetupPage,
    OfficePage,
    StrategyPage,
    ConstituentsPage,
    HealthPage,
    PurposePage,
    MissionVisionPage,
    ObjectivesPage,
    AlignmentPage,
    OfficeStrategyPage,
    CommunicationPage,
    SignoffPage,
)

__all__ = ["PAGES", "StepPage"]
