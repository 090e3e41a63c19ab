"""Findings shown where they apply: a list under each page, a badge beside a field, and the
severity icons used in tables."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QWidget,
)

from planning.enums import Severity
from planning.findings import Finding

_ICONS = {
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


def severity_icon(severity: Severity) -> QIcon:
    return QApplication.style().standardIcon(_ICONS[severity])


def worst(findings: Iterable[Finding]) -> Severity | None:
    ranked = sorted((f.severity for f in findings), key=lambda s: s.rank, reverse=True)
    return ranked[0] if ranked else None


class FindingsList(QListWidget):
    """The findings of one step; activating one emits it so the page can select its cause."""

    finding_activated = Signal(object)  # Finding

    def __init__(
        self,
        empty_text: str = "Nothing to look at on this step.",
        parent: QWidget | None = None,
        visible_rows: int | None = 4,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findingsList")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self._fit_icons()
        self._empty_text = empty_text
        self._visible_rows = visible_rows
        self._shown: list[Finding] | None = None
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.show_findings([])

    def findings(self) -> list[Finding]:
        return list(self._shown or [])

    def messages(self) -> list[str]:
        return [f.message for f in self._shown or []]

    def show_findings(self, findings: list[Finding]) -> None:
        if findings == self._shown:
            return
        self._shown = list(findings)
        self.clear()
        for finding in findings:
            item = QListWidgetItem(severity_icon(finding.severity), finding.message, self)
            item.setData(Qt.ItemDataRole.UserRole, finding)
            item.setToolTip(f"{finding.severity.label}: {finding.message}")
        if not findings:
            item = QListWidgetItem(self._empty_text, self)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._fit()

    def _fit_icons(self) -> None:
        side = self.fontMetrics().height()
        self.setIconSize(QSize(side, side))

    def _fit(self) -> None:
        if self._visible_rows is None:
            return  # the list fills the space its layout gives it
        # Tall enough for a few findings at the current font (workshop mode grows it).
        rows = max(1, min(self.count(), self._visible_rows))
        line = max(self.fontMetrics().lineSpacing() + 8, self.sizeHintForRow(0))
        self.setMaximumHeight(rows * line + 2 * self.frameWidth() + 6)
        self.setMinimumHeight(min(rows, 2) * line + 2 * self.frameWidth() + 6)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_icons()
            self._fit()

    def _activated(self, item: QListWidgetItem) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(finding, Finding):
            self.finding_activated.emit(finding)


class FindingBadge(QLabel):
    """A line beside a field saying what the findings about it are; hidden when none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingBadge")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_findings(self, findings: list[Finding]) -> None:
        severity = worst(findings)
        if severity is None:
            self.hide()
            self.clear()
            return
        self.setText(
            "\n".join(f"⚠ {f.message}" if f.severity.rank else f"ⓘ {f.message}" for f in findings)
        )
        colour = "#8a5300" if severity.rank else "#1f4e79"
        self.setStyleSheet(f"QLabel#findingBadge {{ color: {colour}; }}")
        self.show()
