"""What every page of the walk shares: its step, title, guidance text and findings.

Contract with the main window:
- `StepPage(document, parent=None)`; `step` is a class attribute (planning.steps.Step).
- `refresh(change)` is called when the document emits `changed`; a page updates only the
  parts `change` (ui.document.Change flags) touches. It is also called once after a
  `replaced` signal with Change.ALL.
- `focus_entity(entity_id, field)` selects the entity a finding concerns (e.g. a table row).
- `focus_first_input()` puts the keyboard focus on the page's first input when the page is
  shown (a table on its current cell, so typing edits it).

What the base adds for the pages: `body` (the layout a page fills), `bindings` (form fields
bound to the workbook), `list_editors` (tables searched by `focus_entity`) and the list of
the step's findings at the bottom; clicking a finding focuses its cause. In a window that
has its own findings panel (an attribute `findings_dock`), that list shows only while the
panel is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from planning.findings import Finding
from planning.steps import Step
from ui.document import Change, WorkbookDocument
from ui.widgets.bindings import Bindings
from ui.widgets.findings import FindingsList
from ui.widgets.list_editor import ListEditor

TITLE_SCALE = 1.5
_INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
)


def _is_display(widget: QWidget) -> bool:
    """Findings lists and read-only text are read, not typed into."""
    if isinstance(widget, FindingsList):
        return True
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.isReadOnly()
    return False


class StepPage(QWidget):
    step: Step = Step.SETUP
    show_findings_list = True
    """False where the page shows its findings another way (alignment gaps, sign-off)."""
    scrollable = False
    """True for pages of forms and wrapped text: on a short screen (a projector's 768
    pixels, workshop type, the workshop dock open) the page scrolls rather than squeeze
    its texts on top of each other. Pages of one growing table leave it False."""

    def __init__(self, document: WorkbookDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName(f"page_{self.step.value}")
        self._layout = QVBoxLayout(self)
        self.title_label = QLabel(f"{self.step.number}. {self.step.title}")
        self.title_label.setObjectName("pageTitle")
        self._layout.addWidget(self.title_label)
        self.guidance_label: QLabel | None = None
        if self.step.guidance:
            guide = QLabel(self.step.guidance)
            guide.setObjectName("pageGuidance")
            guide.setWordWrap(True)
            self._layout.addWidget(guide)
            self.guidance_label = guide
        self.body = QVBoxLayout()
        if self.scrollable:
            content = QWidget()
            content.setObjectName("pageContent")
            content.setLayout(self.body)
            self.body.setContentsMargins(0, 0, 0, 0)
            scroll = QScrollArea()
            scroll.setObjectName("pageScroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(content)
            self._layout.addWidget(scroll, 1)
        else:
            self._layout.addLayout(self.body, 1)
        self.findings_title = QLabel("Findings on this step")
        self.findings_title.setObjectName("findingsTitle")
        self.findings_list = FindingsList()
        self.findings_list.finding_activated.connect(self.focus_finding)
        self._layout.addWidget(self.findings_title)
        self._layout.addWidget(self.findings_list)
        self.bindings = Bindings(document)
        self.list_editors: list[ListEditor] = []
        self._dock_linked = False
        self._style_title()

    # --- the contract --------------------------------------------------------------------

    def refresh(self, change: Change) -> None:
        """Re-read what `change` touched from the document."""
        self.bindings.sync(change)
        self.refresh_findings()

    def focus_entity(self, entity_id: str | None, field: str | None = None) -> None:
        """Bring the entity a finding concerns into view."""
        if entity_id is None:
            return
        for editor in self.list_editors:
            if editor.focus_field(entity_id, field):
                return

    def focus_first_input(self) -> None:
        """The first input in tab order: a field, a drop-down or a table (its list editor
        puts the current cell on the first editable one); a button only when the page has
        nothing else (an empty list's Add button). The findings list is not an input."""
        target = self.first_input()
        if target is None:
            return
        editor = next((e for e in self.list_editors if e.isAncestorOf(target)), None)
        if editor is not None:
            editor.focus_first()
        else:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def first_input(self) -> QWidget | None:
        button: QWidget | None = None
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (
                self.isAncestorOf(widget)
                and widget.isVisibleTo(self)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and not _is_display(widget)
            ):
                if isinstance(widget, _INPUTS) or any(
                    e.isAncestorOf(widget) for e in self.list_editors
                ):
                    return widget  # a list, even empty (its Add button), is an input
                if button is None and isinstance(widget, QAbstractButton):
                    button = widget
            widget = widget.nextInFocusChain()
        return button

    # --- shared by the pages -------------------------------------------------------------

    def set_findings_visible(self, visible: bool) -> None:
        """A main window with its own findings panel hides the list at the page's foot;
        the findings shown inline (badges, table icons, gap lists) stay."""
        self.findings_title.setVisible(visible and self.show_findings_list)
        self.findings_list.setVisible(visible and self.show_findings_list)

    def step_findings(self) -> list[Finding]:
        return self.document.findings_for(self.step)

    def refresh_findings(self) -> None:
        self.findings_list.show_findings(self.step_findings())

    def focus_finding(self, finding: Finding) -> None:
        self.focus_entity(finding.entity_id, finding.field)

    def add_list_editor(self, editor: ListEditor, stretch: int = 1) -> ListEditor:
        self.list_editors.append(editor)
        self.body.addWidget(editor, stretch)
        return editor

    def showEvent(self, event) -> None:
        # While the main window's findings panel (`findings_dock`) is shown it lists this
        # step's findings, so the page keeps only its inline ones; when the panel is hidden
        # (workshop mode) the page's own list comes back.
        dock = getattr(self.window(), "findings_dock", None)
        if dock is not None:
            if not self._dock_linked:
                self._dock_linked = True
                dock.visibilityChanged.connect(
                    lambda visible: self.set_findings_visible(not visible)
                )
            self.set_findings_visible(not dock.isVisible())
        super().showEvent(event)

    def _style_title(self) -> None:
        # Relative to the page font, so workshop mode's larger type scales the title too.
        font = QFont(self.font())
        size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        font.setPointSizeF(size * TITLE_SCALE)
        font.setBold(True)
        self.title_label.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._style_title()
