"""Step 11, communication plan and the not-doing list: who hears what from the office, how
and how often, and what the office decided not to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from planning.model import CommunicationItem, NotDoing
from planning.steps import Step
from ui.document import Change
from ui.models.table import Column, EntityTableModel
from ui.pages.base import StepPage
from ui.widgets.list_editor import ListEditor


def communication_model(document) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.communication,
        container=("communication",),
        change=Change.COMMUNICATION,
        columns=[
            Column("audience", "Audience"),
            Column("message", "Message"),
            Column("channel", "Channel"),
            Column("frequency", "Frequency"),
            Column("owner", "Owner"),
        ],
        noun="communication",
        factory=CommunicationItem,
    )


def not_doing_model(document) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.not_doing,
        container=("not_doing",),
        change=Change.COMMUNICATION,
        columns=[Column("item", "We will not"), Column("reason", "Because")],
        noun="not-doing item",
        factory=NotDoing,
    )


def _section(title: str, editor: ListEditor) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(f"<b>{title}</b>"))
    layout.addWidget(editor, 1)
    return box


class CommunicationPage(StepPage):
    step = Step.COMMUNICATION

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        self.plan = ListEditor(
            communication_model(document),
            "No communication planned yet. Add who should hear from the office — executives, "
            "business units, project managers — the message, the channel and how often.",
            "Add communication",
            stretch_column=1,
        )
        self.not_doing = ListEditor(
            not_doing_model(document),
            "Nothing on the not-doing list yet. Add what the office will not do this year, "
            "and why: it keeps the office focused.",
            "Add not-doing item",
            stretch_column=1,
        )
        self.list_editors += [self.plan, self.not_doing]
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(_section("Communication plan", self.plan))
        splitter.addWidget(_section("Not-doing list", self.not_doing))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.body.addWidget(splitter, 1)
        self.refresh(Change.ALL)
