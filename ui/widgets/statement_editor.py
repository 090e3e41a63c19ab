"""One statement (purpose, mission or vision): this year's text with live hints, the
decision and its rationale, and last year's text beside it with the word-level changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planning.enums import StatementDecision
from planning.findings import warning
from planning.model import Workbook
from planning.statements import constituent_names, statement_hints
from planning.steps import Step
from ui.commands import SetValue
from ui.document import Change, WorkbookDocument
from ui.widgets.bindings import Bindings
from ui.widgets.diff_view import WordDiffView
from ui.widgets.findings import FindingBadge
from ui.widgets.text_box import LinesTextEdit

PROMPTS = {
    "purpose": "Why the office exists: whose success it serves.",
    "mission": "What the office does, for whom, and how: e.g. “The Portfolio Management "
    "Office helps the business units invest in the right initiatives…”",
    "vision": "Where the office wants to be in a few years, as its customers would see it.",
}


class StatementEditor(QGroupBox):
    def __init__(
        self,
        document: WorkbookDocument,
        which: str,
        bindings: Bindings,
        lines: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(which.capitalize(), parent)
        self.setObjectName(f"statement_{which}")
        self.document = document
        self.which = which

        def locate(wb: Workbook) -> Any:
            return getattr(wb, which)

        self._locate = locate
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._columns = layout
        mine = QVBoxLayout()
        layout.addLayout(mine, 1)
        mine.addWidget(QLabel("<b>This year</b>"))
        self.text = LinesTextEdit(lines, PROMPTS[which])
        self.text.setObjectName(f"{which}Text")
        bindings.text(self.text, locate, "text", Change.STATEMENTS, which)
        mine.addWidget(self.text, 1)
        self.hints = FindingBadge()
        self.hints.setObjectName("findingBadge")
        mine.addWidget(self.hints)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.decision = QComboBox()
        bindings.choice(
            self.decision,
            locate,
            "decision",
            Change.STATEMENTS,
            f"{which} decision",
            [(d.label, d) for d in StatementDecision],
            none_label="Not decided yet",
        )
        self.rationale = QLineEdit()
        self.rationale.setPlaceholderText("Why: the charter shows the rationale")
        bindings.line(self.rationale, locate, "rationale", Change.STATEMENTS, f"{which} rationale")
        form.addRow("Decision", self.decision)
        form.addRow("Rationale", self.rationale)
        mine.addLayout(form)
        # Hints follow the keystrokes, before any finding is recomputed.
        self.text.textChanged.connect(self._show_hints)

        self.history = QWidget()
        theirs = QVBoxLayout(self.history)
        theirs.setContentsMargins(0, 0, 0, 0)
        self.last_label = QLabel()
        theirs.addWidget(self.last_label)
        self.last_text = QLabel()
        self.last_text.setObjectName(f"{which}LastYear")
        self.last_text.setWordWrap(True)
        self.last_text.setTextFormat(Qt.TextFormat.PlainText)
        self.last_text.installEventFilter(self)
        theirs.addWidget(self.last_text)
        changes = QLabel("<b>Changes</b> (removed struck through, added underlined)")
        changes.setWordWrap(True)
        theirs.addWidget(changes)
        self.diff = WordDiffView()
        theirs.addWidget(self.diff)
        self.reaffirm = QPushButton("Keep last year's text (reaffirm)")
        self.reaffirm.clicked.connect(self.reaffirm_last_year)
        theirs.addWidget(self.reaffirm)
        theirs.addStretch(1)
        layout.addWidget(self.history, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Side by side while there is room; on a narrow window or in workshop type, last
        # year's text goes below this year's instead of being squeezed.
        wide = event.size().width() >= self.fontMetrics().horizontalAdvance("m") * 60
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A wrapped label in nested box layouts gets no height-for-width: without a
        # minimum, a short page (projector type) squeezes last year's text under the line.
        # (QLabel's own heightForWidth overestimates long plain text: measured here.)
        if watched is self.last_text and event.type() == QEvent.Type.Resize:
            label = self.last_text
            margins = label.contentsMargins()
            width = max(1, label.width() - margins.left() - margins.right())
            bounds = label.fontMetrics().boundingRect(
                QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), label.text()
            )
            needed = bounds.height() + margins.top() + margins.bottom()
            if needed != label.minimumHeight():
                label.setMinimumHeight(needed)
        return False

    def last_year_text(self) -> str | None:
        last = self.document.workbook.last_year()
        return None if last is None else getattr(last, self.which).text

    def refresh(self) -> None:
        old = self.last_year_text()
        self.history.setVisible(old is not None)
        if old is not None:
            last = self.document.workbook.last_year()
            label = last.fiscal_year.label if last and last.fiscal_year.label else "last year"
            self.last_label.setText(f"<b>Last year ({label})</b>")
            self.last_text.setText(old or "(empty)")
            self.diff.compare(old, self.text.toPlainText())
            self.reaffirm.setEnabled(bool(old.strip()))
        self._show_hints()

    def _show_hints(self) -> None:
        text = self.text.toPlainText()
        hints = statement_hints(self.which, text, constituent_names(self.document.workbook))
        step = Step.PURPOSE if self.which == "purpose" else Step.MISSION_VISION
        self.hints.show_findings([warning(rule, step, message) for rule, message in hints])
        old = self.last_year_text()
        if old is not None:
            self.diff.compare(old, text)

    def reaffirm_last_year(self) -> None:
        old = self.last_year_text()
        if old is None or self.document.read_only:
            return
        stack = self.document.undo_stack
        stack.beginMacro(f"Reaffirm last year's {self.which}")
        for field, value in (("text", old), ("decision", StatementDecision.REAFFIRM)):
            if getattr(self._locate(self.document.workbook), field) != value:
                self.document.push(
                    SetValue(
                        self.document,
                        self._locate,
                        field,
                        value,
                        Change.STATEMENTS,
                        f"Reaffirm {self.which}",
                    )
                )
        stack.endMacro()
