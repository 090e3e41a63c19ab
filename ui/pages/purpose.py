"""Step 6, purpose: why the office exists, prefilled with the customer-success default."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout

from planning.model import DEFAULT_PURPOSE, Workbook
from planning.steps import Step
from ui.commands import SetValue
from ui.document import Change
from ui.pages.base import StepPage
from ui.widgets.statement_editor import StatementEditor


def right_order(workbook: Workbook) -> str:
    """Where the review stands on the chain purpose → mission and vision → objectives →
    office strategy, so a later link filled before an earlier one stands out."""
    statements = [workbook.mission.text.strip(), workbook.vision.text.strip()]
    links = [
        ("Purpose: why the office exists", bool(workbook.purpose.text.strip())),
        ("Mission and vision: what it does, for whom, and where it is going", all(statements)),
        (
            f"Measurable objectives: {len(workbook.active_objectives())} this year",
            bool(workbook.active_objectives()),
        ),
        (
            f"Office strategy: {len(workbook.office_strategy)} services, processes, people "
            "and tools",
            bool(workbook.office_strategy),
        ),
    ]
    lines = []
    gap = False
    for number, (text, done) in enumerate(links, start=1):
        mark = "✓" if done else "○"
        warn = " — filled before an earlier step: the backwards recipe" if done and gap else ""
        gap = gap or not done
        lines.append(f"{mark} {number}. {text}{warn}")
    return "\n".join(lines)


class PurposePage(StepPage):
    step = Step.PURPOSE
    scrollable = True

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        self.editor = StatementEditor(document, "purpose", self.bindings, lines=5)
        self.body.addWidget(self.editor)
        self.use_default = QPushButton("Use the customer-success purpose")
        self.use_default.setToolTip(DEFAULT_PURPOSE)
        self.use_default.clicked.connect(self._use_default)
        self.body.addWidget(self.use_default)
        order = QGroupBox("The right order: purpose first")
        column = QVBoxLayout(order)
        self.order_label = QLabel()
        self.order_label.setObjectName("rightOrder")
        self.order_label.setWordWrap(True)
        column.addWidget(self.order_label)
        self.body.addWidget(order)
        self.body.addStretch(1)
        self.refresh(Change.ALL)

    def _use_default(self) -> None:
        if self.document.read_only or self.document.workbook.purpose.text == DEFAULT_PURPOSE:
            return
        self.document.push(
            SetValue(
                self.document,
                lambda wb: wb.purpose,
                "text",
                DEFAULT_PURPOSE,
                Change.STATEMENTS,
                "Use the customer-success purpose",
            )
        )

    def refresh(self, change: Change) -> None:
        super().refresh(change)
        if change & (Change.STATEMENTS | Change.CONSTITUENTS):
            self.editor.refresh()
            self.use_default.setEnabled(self.document.workbook.purpose.text != DEFAULT_PURPOSE)
        self.order_label.setText(right_order(self.document.workbook))

    def focus_entity(self, entity_id, field=None) -> None:
        self.editor.text.setFocus()
