"""What every page of the walk shares: its step, title, guidance text and findings.

Contract with the main window:
- `StepPage(document, parent=None)`; `step` is a class attribute (planning.steps.Step).
- `refresh(change)` is called when the document emits `changed`; a page updates only the
  parts `change` (ui.document.Change flags) touches. It is also called once after a
  `replaced` signal with Change.ALL.
- `focus_entity(entity_id, field)` selects the entity a finding concerns (e.g. a table row).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from planning.steps import Step
from ui.document import Change, WorkbookDocument


class StepPage(QWidget):
    step: Step = Step.SETUP
    guidance: str = ""

    def __init__(self, document: WorkbookDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName(f"page_{self.step.value}")
        self._layout = QVBoxLayout(self)
        title = QLabel(f"{self.step.number}. {self.step.title}")
        title.setObjectName("pageTitle")
        self._layout.addWidget(title)
        if self.guidance:
            guide = QLabel(self.guidance)
            guide.setObjectName("pageGuidance")
            guide.setWordWrap(True)
            self._layout.addWidget(guide)

    def refresh(self, change: Change) -> None:
        """Re-read what `change` touched from the document."""

    def focus_entity(self, entity_id: str | None, field: str | None = None) -> None:
        """Bring the entity a finding concerns into view."""
