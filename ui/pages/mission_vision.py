"""Step 7, mission and vision: each beside last year's with the word-level changes, a
decision (reaffirm or revise) with its rationale, and hints while the leader types."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from planning.steps import Step
from ui.document import Change
from ui.pages.base import StepPage
from ui.widgets.statement_editor import StatementEditor


class MissionVisionPage(StepPage):
    step = Step.MISSION_VISION
    scrollable = True

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.mission = StatementEditor(document, "mission", self.bindings, lines=3)
        self.vision = StatementEditor(document, "vision", self.bindings, lines=3)
        column.addWidget(self.mission)
        column.addWidget(self.vision)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.body.addWidget(scroll, 1)
        self.refresh(Change.ALL)

    def refresh(self, change: Change) -> None:
        super().refresh(change)
        if change & (Change.STATEMENTS | Change.CONSTITUENTS):
            self.mission.refresh()
            self.vision.refresh()

    def focus_entity(self, entity_id, field=None) -> None:
        editor = self.vision if entity_id == "vision" else self.mission
        if field == "decision" or (entity_id and self._needs_decision(editor)):
            editor.decision.setFocus()
        else:
            editor.text.setFocus()

    def _needs_decision(self, editor: StatementEditor) -> bool:
        statement = getattr(self.document.workbook, editor.which)
        return self.document.workbook.last_year() is not None and statement.decision is None
