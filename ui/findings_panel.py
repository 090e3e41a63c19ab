"""The findings panel: this step's findings and all findings of the workbook. Activating one
(click, or Enter from the keyboard) asks the main window to jump to its step and entity."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QTabWidget, QWidget

from planning.findings import Finding
from planning.steps import Step
from ui import theme


class FindingsPanel(QTabWidget):
    finding_activated = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.setAccessibleName("Findings")
        self.step_list = self._list("Findings of this step")
        self.all_list = self._list("All findings of the workbook")
        self.addTab(self.step_list, "This step")
        self.addTab(self.all_list, "All")
        # The page lists its own findings under its form: the panel opens on all of them.
        self.setCurrentWidget(self.all_list)
        self._step = Step.SETUP

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setWordWrap(True)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setTextElideMode(Qt.TextElideMode.ElideNone)
        widget.itemClicked.connect(self._activated)
        widget.itemActivated.connect(self._activated)
        return widget

    def show_findings(self, findings: list[Finding], step: Step) -> None:
        self._step = step
        mine = [f for f in findings if f.step is step]
        self._fill(
            self.step_list,
            mine,
            with_step=False,
            empty=f"Nothing to look at in {step.title.lower()}.",
        )
        self._fill(
            self.all_list, findings, with_step=True, empty="No findings: the workbook is ready."
        )
        self.setTabText(0, f"This step ({len(mine)})")
        self.setTabText(1, f"All ({len(findings)})")

    def _fill(
        self, widget: QListWidget, findings: list[Finding], *, with_step: bool, empty: str
    ) -> None:
        widget.clear()
        if not findings:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            widget.addItem(item)
            return
        for finding in findings:
            prefix = f"{finding.step.number}. {finding.step.title} — " if with_step else ""
            item = QListWidgetItem(
                theme.severity_icon(finding.severity), f"{prefix}{finding.message}"
            )
            item.setData(Qt.ItemDataRole.UserRole, finding)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{finding.severity.label}: {prefix}{finding.message}",
            )
            item.setToolTip(f"{finding.severity.label}: {finding.message}")
            widget.addItem(item)

    def messages(self, which: str = "step") -> list[str]:
        widget = self.step_list if which == "step" else self.all_list
        return [
            widget.item(i).text()
            for i in range(widget.count())
            if widget.item(i).data(Qt.ItemDataRole.UserRole) is not None
        ]

    def _activated(self, item: QListWidgetItem) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(finding, Finding):
            self.finding_activated.emit(finding)
