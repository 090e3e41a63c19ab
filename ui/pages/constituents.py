"""Step 4, constituents: the office's customers, what they are trying to achieve and what
they need from the office."""

from __future__ import annotations

from planning.model import Constituent
from planning.steps import Step
from ui.document import Change
from ui.models.table import Column, EntityTableModel
from ui.pages.base import StepPage
from ui.widgets.list_editor import ListEditor


def constituents_model(document) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.constituents,
        container=("constituents",),
        change=Change.CONSTITUENTS,
        columns=[
            Column("name", "Who"),
            Column("group", "Group"),
            Column("goals", "What they are trying to achieve"),
            Column("needs", "What they need from the office"),
            Column(
                "satisfaction",
                "Satisfaction (1–5)",
                editor="number",
                minimum=1,
                maximum=5,
                decimals=1,
                tooltip="Last satisfaction score, 1 to 5",
            ),
        ],
        noun="constituent",
        factory=Constituent,
    )


class ConstituentsPage(StepPage):
    step = Step.CONSTITUENTS

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        self.table = self.add_list_editor(
            ListEditor(
                constituents_model(document),
                "No constituents yet. Add the office's customers — business units, executives, "
                "project managers — with what they want to achieve and what they need from you.",
                "Add constituent",
                stretch_column=3,
            )
        )
        self.refresh(Change.ALL)
