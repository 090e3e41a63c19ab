"""Step 12, sign-off and export: readiness and the findings across the whole workbook, the
approvals, the charter's document details, and the two exports."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planning.complaints import complaint_plans
from planning.enums import ApprovalDecision
from planning.findings import Finding
from planning.model import Approval
from planning.steps import Step
from ui.document import Change
from ui.models.table import Column, EntityTableModel, enum_choices
from ui.pages.base import StepPage
from ui.widgets.complaint_plan import TITLE as PLAN_TITLE
from ui.widgets.complaint_plan import ComplaintPlanView
from ui.widgets.findings import FindingsList
from ui.widgets.list_editor import ListEditor


def approvals_model(document) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.approvals,
        container=("approvals",),
        change=Change.SIGNOFF,
        columns=[
            Column("name", "Approver"),
            Column("role", "Role"),
            Column("decision", "Decision", editor="enum", choices=enum_choices(ApprovalDecision)),
            Column("decided_on", "Decided on", editor="date"),
        ],
        noun="approver",
        factory=Approval,
    )


class WorkbookFindings(FindingsList):
    """Every finding of the workbook, each prefixed with the step it belongs to."""

    def show_findings(self, findings: list[Finding]) -> None:
        super().show_findings(findings)
        for row in range(self.count()):
            item = self.item(row)
            finding = item.data(Qt.ItemDataRole.UserRole)
            if isinstance(finding, Finding):
                item.setText(f"{finding.step.number}. {finding.step.title}: {finding.message}")


class SignoffPage(StepPage):
    step = Step.SIGNOFF
    show_findings_list = False
    scrollable = True  # workshop type with the dock open squeezed the charter's fields

    export_tracker_requested = Signal()
    export_charter_requested = Signal()
    export_summary_requested = Signal()
    export_briefing_requested = Signal()
    summary_requested = Signal()
    show_finding_requested = Signal(object)  # Finding: the main window opens its step

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.readiness_label = QLabel()
        self.readiness_label.setObjectName("readinessSummary")
        self.readiness_label.setWordWrap(True)
        column.addWidget(self.readiness_label)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        column.addWidget(self.progress)
        column.addWidget(QLabel("<b>Open findings across the workbook</b>"))
        self.all_findings = WorkbookFindings(
            "Nothing open: every step is complete and consistent.", visible_rows=None
        )
        self.all_findings.setObjectName("workbookFindings")
        self.all_findings.finding_activated.connect(self.show_finding_requested)
        column.addWidget(self.all_findings, 2)
        plan_title = QLabel(f"<b>Health check: {PLAN_TITLE.lower()}</b>")
        plan_title.setWordWrap(True)
        column.addWidget(plan_title)
        self.plan = ComplaintPlanView()
        column.addWidget(self.plan, 1)

        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel("<b>Approvals</b>"))
        self.approvals = ListEditor(
            approvals_model(document),
            "No approvers yet. Add the executives who sign off the charter, and record each "
            "decision and its date.",
            "Add approver",
            stretch_column=0,
        )
        self.list_editors.append(self.approvals)
        self._fit_approvals()
        side.addWidget(self.approvals, 1)

        charter = QGroupBox("Charter document")
        form = QFormLayout(charter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.version = QLineEdit()
        self.classification = QLineEdit()
        self.prepared_by = QLineEdit()
        for edit, field, label in (
            (self.version, "version", "Ve&rsion"),
            (self.classification, "classification", "&Classification"),
            (self.prepared_by, "prepared_by", "&Prepared by"),
        ):
            self.bindings.line(
                edit,
                lambda wb: wb.charter,
                field,
                Change.SIGNOFF,
                f"charter {field.replace('_', ' ')}",
            )
            form.addRow(label, edit)
        side.addWidget(charter)

        self.export_charter = QPushButton("Export charter (Word)…")
        self.export_charter.setObjectName("exportCharter")
        self.export_tracker = QPushButton("Export tracker (Excel)…")
        self.export_tracker.setObjectName("exportTracker")
        self.export_charter.clicked.connect(self.export_charter_requested)
        self.export_tracker.clicked.connect(self.export_tracker_requested)
        side.addLayout(self._exports())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.body.addWidget(splitter, 1)
        # The workbook-wide list includes this step's findings (pending approvals).
        self.set_findings_visible(False)
        self.refresh(Change.ALL)

    def _exports(self) -> QGridLayout:
        """The exports two to a row, and strategy on a page offered below them: one row of
        five buttons made the page wider than a 1366-pixel projector in workshop type."""
        grid = QGridLayout()
        buttons = [self.export_charter, self.export_tracker]
        for name, text, signal in (
            ("exportSummary", "Export one-page summary (PDF)…", self.export_summary_requested),
            (
                "exportBriefing",
                "Export briefing deck (PowerPoint)…",
                self.export_briefing_requested,
            ),
            ("showSummary", "Show strategy on a page", self.summary_requested),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(signal)
            buttons.append(button)
        for index, button in enumerate(buttons):
            grid.addWidget(button, index // 2, index % 2)
        return grid

    def _fit_approvals(self) -> None:
        # The page scrolls on a short screen: the approvals keep room for a header and two
        # approvers' rows (roles wrap to three lines) rather than shrink to a sliver.
        self.approvals.view.setMinimumHeight(9 * self.fontMetrics().lineSpacing())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "approvals"):
            self._fit_approvals()  # workshop type

    def refresh(self, change: Change) -> None:
        super().refresh(change)
        readiness = self.document.readiness()
        self.progress.setValue(readiness.percent)
        verdict = (
            "Ready for sign-off."
            if readiness.ready
            else "Not ready yet: the findings below say what is open."
        )
        self.readiness_label.setText(f"<b>{readiness.summary()}.</b> {verdict}")
        self.all_findings.show_findings(self.document.findings())
        self.plan.show_plans(complaint_plans(self.document.workbook))

    def focus_entity(self, entity_id, field=None) -> None:
        if entity_id is not None and self.approvals.focus_field(entity_id, field):
            return
        self.all_findings.setFocus()
