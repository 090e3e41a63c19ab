"""Step 1, review setup: the organisation, the fiscal year and review dates, the facilitator
and who takes part, executives marked."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit

from planning.model import Participant
from planning.steps import Step
from ui.document import Change
from ui.models.table import Column, EntityTableModel
from ui.pages.base import StepPage
from ui.widgets.date_field import DateField
from ui.widgets.findings import FindingBadge
from ui.widgets.list_editor import ListEditor


def participants_model(document) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.setup.participants,
        container=("setup",),
        change=Change.SETUP,
        columns=[
            Column("name", "Name"),
            Column("role", "Role"),
            Column(
                "executive",
                "Executive",
                editor="bool",
                tooltip="Executives take part in setting mission, vision and objectives",
            ),
        ],
        noun="participant",
        factory=Participant,
    )


def _buddy(text: str, widget: QLineEdit) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class SetupPage(StepPage):
    step = Step.SETUP

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        b = self.bindings
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText("The company or public body the office serves")
        b.line(self.organisation, lambda wb: wb.setup, "organisation", Change.SETUP, "organisation")
        self.year_label = QLineEdit()
        self.year_label.setPlaceholderText("e.g. FY2027")
        b.line(
            self.year_label, lambda wb: wb.setup.fiscal_year, "label", Change.SETUP, "fiscal year"
        )
        self.year_start, self.year_end = DateField(), DateField()
        b.date(
            self.year_start,
            lambda wb: wb.setup.fiscal_year,
            "start",
            Change.SETUP,
            "fiscal year start",
        )
        b.date(
            self.year_end, lambda wb: wb.setup.fiscal_year, "end", Change.SETUP, "fiscal year end"
        )
        self.review_start, self.review_end = DateField(), DateField()
        b.date(self.review_start, lambda wb: wb.setup, "review_start", Change.SETUP, "review start")
        b.date(self.review_end, lambda wb: wb.setup, "review_end", Change.SETUP, "review end")
        self.facilitator = QLineEdit()
        self.facilitator.setPlaceholderText("Who runs the workshop")
        b.line(self.facilitator, lambda wb: wb.setup, "facilitator", Change.SETUP, "facilitator")
        # Alt+F, Alt+E, Alt+G and Alt+V belong to the menu bar: no label here uses them.
        form.addRow("&Organisation", self.organisation)
        form.addRow("Fiscal &year", self.year_label)
        form.addRow(_buddy("Year &runs from", self.year_start), self._pair(*self.year_dates()))
        form.addRow(
            _buddy("Review &held from", self.review_start),
            self._pair(self.review_start, self.review_end),
        )
        form.addRow("F&acilitator", self.facilitator)
        self.body.addLayout(form)
        self.year_badge = FindingBadge()
        self.body.addWidget(self.year_badge)

        self.body.addWidget(QLabel("<b>Participants</b>"))
        self.executive_badge = FindingBadge()
        self.body.addWidget(self.executive_badge)
        self.participants = self.add_list_editor(
            ListEditor(
                participants_model(document),
                "No participants yet. Add everyone who takes part in the review — the office's "
                "customers and, above all, the executives — and tick who is an executive.",
                "Add participant",
                stretch_column=1,
            )
        )
        self.refresh(Change.ALL)

    def year_dates(self) -> tuple[DateField, DateField]:
        return self.year_start, self.year_end

    @staticmethod
    def _pair(first: DateField, second: DateField) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(first, 1)
        row.addWidget(QLabel("to"))
        row.addWidget(second, 1)
        row.addStretch(1)
        return row

    def refresh(self, change: Change) -> None:
        super().refresh(change)
        findings = self.step_findings()
        self.year_badge.show_findings([f for f in findings if f.rule == "setup.year_reversed"])
        self.executive_badge.show_findings([f for f in findings if f.rule == "setup.no_executive"])

    def focus_entity(self, entity_id, field=None) -> None:
        if entity_id is None:
            self.participants.view.setFocus()
            return
        super().focus_entity(entity_id, field)
