"""Step 3, company strategy: the company's strategic objectives the office aligns with."""

from __future__ import annotations

from planning.enums import Priority
from planning.model import StrategicObjective
from planning.steps import Step
from ui.document import Change
from ui.models.table import Column, EntityTableModel, enum_choices
from ui.pages.base import StepPage
from ui.widgets.list_editor import ListEditor


def strategy_model(document) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.strategy,
        container=("strategy",),
        change=Change.STRATEGY,
        columns=[
            Column("code", "Code"),
            Column("title", "Title"),
            Column("description", "Description"),
            Column("owner", "Owner"),
            Column("priority", "Priority", editor="enum", choices=enum_choices(Priority)),
            Column("horizon", "Horizon", tooltip="By when, e.g. 2027 or 3 years"),
        ],
        noun="strategic objective",
        factory=StrategicObjective,
    )


class StrategyPage(StepPage):
    step = Step.STRATEGY

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        self.table = self.add_list_editor(
            ListEditor(
                strategy_model(document),
                "No company strategic objectives yet. Add the company's strategic objectives — "
                "code, title, owner, priority and horizon — as the executives state them.",
                "Add strategic objective",
                stretch_column=2,
            )
        )
        self.refresh(Change.ALL)
