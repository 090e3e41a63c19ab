"""Step 11, governance: the office's mandate and decision rights, a RACI of its main services,
its people and budget, its reporting (items of the communication plan) and escalation.

Four tabs keep each part readable on a projector. Every edit is an undoable command: the
text fields and tables through the shared bindings and table models, the rest through
`SetValue` / `EditWorkbook` calling planning's functions.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planning.enums import StrategyKind
from planning.governance import RaciRow
from planning.governance_defaults import with_defaults
from planning.model import Workbook
from planning.steps import Step
from ui.commands import EditWorkbook, SetValue
from ui.document import Change
from ui.models.governance import escalation_model, raci_model, roles_model, staff_model
from ui.models.table import format_number
from ui.pages.base import StepPage
from ui.widgets.bindings import FieldBinding
from ui.widgets.list_editor import ListEditor

CHANGE = Change.GOVERNANCE
RIGHTS = (
    ("decides", "The office decides", "e.g. the portfolio's scoring criteria"),
    ("recommends", "It recommends, others decide", "e.g. which initiatives stop"),
    ("reports", "It only reports", "e.g. benefits realised"),
)
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def _governance(wb: Workbook) -> Any:
    return wb.governance


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class LinesBinding(FieldBinding):
    """A text box, one item per line ↔ a list of strings; typing merges into one step."""

    def __init__(self, document, widget: QPlainTextEdit, locate, field, change, label) -> None:
        super().__init__(document, widget, locate, field, change, label)
        widget.textChanged.connect(lambda: self.push(_lines(widget.toPlainText()), merge=True))
        widget.installEventFilter(self)
        self.sync()

    def sync(self) -> None:
        items = list(self.value() or [])
        edit: QPlainTextEdit = self.widget  # type: ignore[assignment]
        if _lines(edit.toPlainText()) != items:  # a half-typed empty line is left alone
            edit.blockSignals(True)
            edit.setPlainText("\n".join(items))
            edit.blockSignals(False)


def _box(title: str, *widgets: QWidget, stretch: int = 0) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget, stretch)
    return box


class GovernancePage(StepPage):
    step = Step.GOVERNANCE

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        top = QHBoxLayout()
        self.defaults_button = QPushButton()
        self.defaults_button.setObjectName("governanceDefaults")
        self.defaults_button.clicked.connect(self.fill_defaults)
        top.addWidget(self.defaults_button)
        top.addStretch(1)
        self.body.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._mandate_tab(), "Mandate and decision rights")
        roles, raci = self._raci_tabs()
        self.tabs.addTab(roles, "Roles")
        self.tabs.addTab(raci, "RACI of the services")
        self.tabs.addTab(self._resources_tab(), "People and budget")
        self.tabs.addTab(self._reporting_tab(), "Reporting and escalation")
        self.body.addWidget(self.tabs, 1)
        self.refresh(Change.ALL)

    # --- the four tabs -------------------------------------------------------------------

    def _mandate_tab(self) -> QWidget:
        tab = QWidget()
        grid = QGridLayout(tab)
        self.mandate = QPlainTextEdit()
        self.mandate.setAccessibleName("Mandate")
        self.mandate.setPlaceholderText("Who gives the office its authority, and for what.")
        self.mandate.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.bindings.text(self.mandate, _governance, "mandate", CHANGE, "mandate")
        grid.addWidget(QLabel("<b>Mandate</b>"), 0, 0, 1, 3)
        grid.addWidget(self.mandate, 1, 0, 1, 3)
        self.rights: dict[str, QPlainTextEdit] = {}
        for column, (field, title, example) in enumerate(RIGHTS):
            edit = QPlainTextEdit()
            edit.setAccessibleName(title)
            edit.setPlaceholderText(f"One matter per line, {example}.")
            binding = LinesBinding(self.document, edit, _governance, field, CHANGE, title)
            self.bindings.add(binding)
            self.rights[field] = edit
            grid.addWidget(QLabel(f"<b>{title}</b>"), 2, column)
            grid.addWidget(edit, 3, column)
        grid.setRowStretch(3, 1)
        return tab

    def _raci_tabs(self) -> tuple[QWidget, QWidget]:
        self.roles = ListEditor(
            roles_model(self.document),
            "No roles yet. Name the sponsor, the steering group, the office leader and the "
            "others who govern the office — or start from the defaults above.",
            "Add role",
            stretch_column=1,
        )
        self.raci = ListEditor(
            raci_model(self.document),
            "No services in the RACI yet. Add the office's main services and say who is "
            "responsible, accountable, consulted and informed for each.",
            "Add service",
            stretch_column=0,
        )
        self.add_services = QPushButton("Add the office strategy's services")
        self.add_services.clicked.connect(self.add_strategy_services)
        self.list_editors += [self.roles, self.raci]
        roles = QWidget()
        QHBoxLayout(roles).addWidget(_box("Who holds each role", self.roles))
        raci = QWidget()
        QHBoxLayout(raci).addWidget(
            _box(
                "Who is responsible, accountable, consulted, informed", self.raci, self.add_services
            )
        )
        return roles, raci

    def _resources_tab(self) -> QWidget:
        self.staff = ListEditor(
            staff_model(self.document),
            "No people yet. List the office's roles and how many people (full-time "
            "equivalents) fill each.",
            "Add staff role",
            stretch_column=2,
        )
        self.list_editors.append(self.staff)
        self.budget = QLineEdit()
        self.budget.setAccessibleName("Yearly budget")
        self.budget.setPlaceholderText("Amount per year")
        self.budget.editingFinished.connect(self._budget_edited)
        self.currency = QLineEdit()
        self.currency.setAccessibleName("Currency")
        self.currency.setPlaceholderText("EUR")
        self.currency.setMaxLength(3)
        self.currency.setMaximumWidth(self.fontMetrics().horizontalAdvance("MMMMMM"))
        self.currency.setToolTip("ISO 4217 code of every amount in the workbook, e.g. EUR")
        self.currency.editingFinished.connect(self._currency_edited)
        self.budget_note = QLineEdit()
        self.budget_note.setAccessibleName("What the budget covers")
        self.bindings.line(self.budget_note, _governance, "budget_note", CHANGE, "budget note")
        money = QHBoxLayout()
        money.addWidget(self.budget, 1)
        money.addWidget(self.currency)
        # Capacity: how many objectives these people can pursue at once (the focus finding).
        self.focus_limit = QSpinBox()
        self.focus_limit.setRange(1, 100)
        self.focus_limit.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 6)
        self.focus_limit.setAccessibleName("Objectives the office can pursue at once")
        self.focus_limit.setToolTip(
            "More active objectives than this, with no not-doing list, is a finding"
        )
        self.focus_limit.editingFinished.connect(self._focus_limit_edited)
        form = QFormLayout()
        form.addRow("Yearly budget", money)
        form.addRow("It covers", self.budget_note)
        form.addRow("Objectives it can pursue at once", self.focus_limit)
        budget = QWidget()
        budget.setLayout(form)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(_box("People by role", self.staff), 1)
        layout.addWidget(_box("Budget and capacity", budget))
        return tab

    def _reporting_tab(self) -> QWidget:
        self.reporting = QListWidget()
        self.reporting.setAccessibleName("Reporting: items of the communication plan")
        self.reporting.setWordWrap(True)
        self.reporting.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reporting.itemChanged.connect(self._reporting_toggled)
        self.reporting_empty = QLabel(
            "The communication plan is empty: add the reports there (what, to whom, how "
            "often), then tick them here."
        )
        self.reporting_empty.setWordWrap(True)
        self.escalation = ListEditor(
            escalation_model(self.document),
            "No escalation levels yet. Say when a matter goes up, to whom, and how fast a "
            "decision is due — lowest level first.",
            "Add escalation level",
            stretch_column=1,
        )
        self.list_editors.append(self.escalation)
        hint = QLabel("Tick the communication plan's items that are the office's reporting.")
        hint.setWordWrap(True)
        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.addWidget(_box("Reporting", hint, self.reporting_empty, self.reporting), 2)
        layout.addWidget(_box("Escalation", self.escalation), 3)
        return tab

    # --- edits ---------------------------------------------------------------------------

    def fill_defaults(self) -> None:
        kind = self.document.workbook.office.kind
        if kind is None or self.document.read_only:
            return

        def fill(wb: Workbook) -> None:
            wb.governance = with_defaults(wb.governance, kind)

        self.document.push(
            EditWorkbook(self.document, "Fill governance defaults", CHANGE, ("governance",), fill)
        )

    def add_strategy_services(self) -> None:
        wb = self.document.workbook
        present = {row.service_id for row in wb.governance.raci}
        services = [
            s for s in wb.office_strategy if s.kind is StrategyKind.SERVICE and s.id not in present
        ]
        if not services or self.document.read_only:
            return

        def add(wb: Workbook) -> None:
            wb.governance.raci += [RaciRow(service=s.title, service_id=s.id) for s in services]

        self.document.push(
            EditWorkbook(self.document, "Add services to the RACI", CHANGE, ("governance",), add)
        )

    def _set(self, locate, field: str, value: Any, text: str, change: Change = CHANGE) -> None:
        if self.document.read_only or value == getattr(locate(self.document.workbook), field):
            return
        self.document.push(SetValue(self.document, locate, field, value, change, text))

    def _budget_edited(self) -> None:
        text = self.budget.text().replace(",", "").replace(" ", "").strip()
        try:
            value = None if not text else float(text)
        except ValueError:
            value = -1.0
        if value is not None and not (0 <= value < 1e15):
            self._sync_money()  # not an amount: show what is stored
            return
        self._set(_governance, "budget", value, "Edit budget")

    def _focus_limit_edited(self) -> None:
        self._set(
            lambda wb: wb.settings,
            "focus_limit",
            self.focus_limit.value(),
            "Edit focus limit",
            CHANGE | Change.OBJECTIVES,
        )

    def _currency_edited(self) -> None:
        code = self.currency.text().strip().upper()
        if code and not _CURRENCY.match(code):
            self._sync_money()
            return
        self._set(lambda wb: wb.settings, "currency", code, "Edit currency", Change.ALL)

    def _reporting_toggled(self, item: QListWidgetItem) -> None:
        wanted = [
            self.reporting.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.reporting.count())
            if self.reporting.item(i).checkState() == Qt.CheckState.Checked
        ]
        self._set(_governance, "reporting_ids", wanted, "Edit reporting")

    # --- reading -------------------------------------------------------------------------

    def _sync_money(self) -> None:
        wb = self.document.workbook
        budget = format_number(wb.governance.budget)
        if self.budget.text() != budget:
            self.budget.setText(budget)
        if self.currency.text() != wb.settings.currency:
            self.currency.setText(wb.settings.currency)
        if self.focus_limit.value() != wb.settings.focus_limit:
            self.focus_limit.setValue(wb.settings.focus_limit)

    def _sync_reporting(self) -> None:
        wb = self.document.workbook
        chosen = set(wb.governance.reporting_ids)
        self.reporting.blockSignals(True)
        self.reporting.clear()
        for item in wb.communication:
            parts = [item.audience or "Someone", item.message, item.frequency]
            entry = QListWidgetItem(" — ".join(p for p in parts if p))
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if item.id in chosen else Qt.CheckState.Unchecked
            entry.setCheckState(checked)
            self.reporting.addItem(entry)
        self.reporting.blockSignals(False)
        self.reporting.setVisible(bool(wb.communication))
        self.reporting_empty.setVisible(not wb.communication)

    def refresh(self, change: Change) -> None:
        super().refresh(change)
        wb = self.document.workbook
        if change & (Change.OFFICE | CHANGE):
            kind = wb.office.kind
            self.defaults_button.setText(
                f"Fill empty parts with the defaults for a {kind.full_term}"
                if kind
                else "Say which office this is (step 2) to get its defaults"
            )
            self.defaults_button.setEnabled(kind is not None and not self.document.read_only)
        self._sync_money()
        if change & (CHANGE | Change.COMMUNICATION):
            self._sync_reporting()
        if change & (CHANGE | Change.OFFICE_STRATEGY):
            present = {row.service_id for row in wb.governance.raci}
            missing = [
                s
                for s in wb.office_strategy
                if s.kind is StrategyKind.SERVICE and s.id not in present
            ]
            self.add_services.setEnabled(bool(missing) and not self.document.read_only)
