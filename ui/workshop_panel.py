"""The workshop aids beside the walk: the timed agenda (a slot per step, with its minutes; the
clock in the status bar follows it), the parking lot (topics set aside so they do not derail
the discussion) and the decision log (each decision as it is made, with who made it).

All three are plain lists of the workbook, edited like every other list: each edit is a
command on the document's undo stack. They sit in a dock the View menu shows and hides, one
tab each, so they stay at hand — in type large enough for a projector — whatever step of the
review is on the screen.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planning.agenda import format_duration, half_day_agenda, total_minutes
from planning.model import AgendaItem, DecisionLogEntry, ParkingLotItem, Workbook
from planning.steps import Step
from ui import dialogs
from ui.commands import EditWorkbook
from ui.document import Change, WorkbookDocument
from ui.models.table import Column, EntityTableModel
from ui.widgets.list_editor import ListEditor

DOCK_TITLE = "Workshop: agenda, parking lot and decisions"
AGENDA_EMPTY = (
    "Plan the workshop: a slot per step, with its minutes. The clock in workshop mode follows it."
)
HALF_DAY = "Use the half-day agenda"
ROWS_OF_TEXT = 14  # the dock's first height: tabs, buttons and about six rows of a list
PARKING_LOT_EMPTY = (
    "Park a topic that would derail the discussion; come back to it before the workshop ends."
)
DECISION_LOG_EMPTY = "Write down each decision as it is made, with who made it."


def parking_lot_model(document: WorkbookDocument) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.parking_lot,
        container=("parking_lot",),
        change=Change.WORKSHOP,
        columns=[
            Column("topic", "Topic"),
            Column("raised_by", "Raised by"),
            Column(
                "resolved",
                "Resolved",
                editor="bool",
                tooltip="Tick once the topic has been dealt with; open topics go into the "
                "charter's appendix",
            ),
        ],
        noun="parked topic",
        factory=ParkingLotItem,
    )


def decision_log_model(document: WorkbookDocument) -> EntityTableModel:
    return EntityTableModel(
        document,
        rows=lambda wb: wb.decision_log,
        container=("decision_log",),
        change=Change.WORKSHOP,
        columns=[
            Column("decision", "Decision"),
            Column("made_by", "Made by"),
            Column("made_on", "Date", editor="date"),
        ],
        noun="decision",
        # A decision is logged as it is made: dated today (the date stays editable).
        factory=lambda: DecisionLogEntry(made_on=date.today()),
    )


class AgendaModel(EntityTableModel):
    """The agenda's slots. Minutes are whole numbers from 1 to 600 (the domain refuses
    anything else), so a fraction is rounded and "not set" is refused rather than stored."""

    def convert(self, column: Column, value: Any) -> Any:
        value = super().convert(column, value)
        if column.field == "minutes":
            if value is None:
                raise ValueError("a slot needs its minutes")
            return round(value)
        return value


_STEP_CHOICES = [(f"{step.number}. {step.title}", step) for step in Step]


def agenda_model(document: WorkbookDocument) -> AgendaModel:
    return AgendaModel(
        document,
        rows=lambda wb: wb.agenda,
        container=("agenda",),
        change=Change.WORKSHOP,
        columns=[
            Column(
                "step",
                "Step",
                editor="enum",
                choices=lambda _wb: _STEP_CHOICES,
                none_label="No step",
                tooltip="The step the projector shows when the clock reaches this slot",
            ),
            Column("topic", "Topic"),
            Column(
                "minutes",
                "Minutes",
                editor="number",
                minimum=1,
                maximum=600,
                decimals=0,
                unit=lambda _slot: "min",
            ),
        ],
        noun="slot",
        factory=AgendaItem,
    )


def use_half_day_agenda(document: WorkbookDocument, parent: QWidget | None = None) -> bool:
    """Replace the agenda with the half-day one, as one undo step; asks first when that
    would drop slots. True when the agenda was replaced."""
    if document.read_only:
        return False
    current = document.workbook.agenda
    if current and not dialogs.ask_replace_agenda(parent, len(current)):
        return False
    agenda = half_day_agenda()

    def mutate(wb: Workbook) -> None:
        wb.agenda = agenda

    document.push(EditWorkbook(document, HALF_DAY, Change.WORKSHOP, ("agenda",), mutate))
    return True


class WorkshopPanel(QWidget):
    """The agenda, the parking lot and the decision log, one tab each: three lists side by
    side do not fit a 1366-pixel projector in workshop type, and the facilitator works on
    one of them at a time. Tab titles count what each list holds."""

    def __init__(self, document: WorkbookDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopPanel")
        self.setAccessibleName("Workshop agenda, parking lot and decision log")
        self.document = document
        self.agenda = ListEditor(agenda_model(document), AGENDA_EMPTY, "Add slot", stretch_column=1)
        self.parking_lot = ListEditor(
            parking_lot_model(document), PARKING_LOT_EMPTY, "Park a topic", stretch_column=0
        )
        self.decisions = ListEditor(
            decision_log_model(document), DECISION_LOG_EMPTY, "Add decision", stretch_column=0
        )
        self.half_day_button = QPushButton(HALF_DAY)
        self.half_day_button.setToolTip(
            "Replace the agenda with a four-hour plan: a slot per step and a break (undoable)"
        )
        self.half_day_button.clicked.connect(lambda: use_half_day_agenda(document, self))
        self.total_label = QLabel()
        self.total_label.setObjectName("agendaTotal")
        self.total_label.setAccessibleName("Agenda total")
        # The agenda's own controls sit beside the tabs rather than on a row of their own:
        # on a 768-pixel projector every row of the dock is a row less of the list.
        self.agenda_tools = QWidget()
        tools = QHBoxLayout(self.agenda_tools)
        tools.setContentsMargins(0, 0, 0, 2)
        tools.addWidget(self.total_label)
        tools.addSpacing(12)
        tools.addWidget(self.half_day_button)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget, title in (
            (self.agenda, "Agenda"),
            (self.parking_lot, "Parking lot"),
            (self.decisions, "Decisions"),
        ):
            self.tabs.addTab(widget, title)
        self.tabs.setCornerWidget(self.agenda_tools, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(lambda index: self.agenda_tools.setVisible(index == 0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.tabs)
        # The models follow Change.WORKSHOP themselves; a different workbook (new, open,
        # restored) is read again at once, before anything asks the panel for its rows.
        document.replaced.connect(self.refresh)
        document.changed.connect(
            lambda change: self._update_counts() if change & Change.WORKSHOP else None
        )
        self._update_counts()

    def refresh(self) -> None:
        for editor in (self.agenda, self.parking_lot, self.decisions):
            editor.model.reload()
        self._update_counts()

    def _update_counts(self) -> None:
        wb = self.document.workbook
        minutes = total_minutes(wb.agenda)
        self.total_label.setText(f"Total: {format_duration(minutes)}")
        open_topics = sum(not item.resolved for item in wb.parking_lot)
        slots = len(wb.agenda)
        titles = (
            f"Agenda ({slots} slot{'' if slots == 1 else 's'})" if slots else "Agenda",
            f"Parking lot ({open_topics} open)" if wb.parking_lot else "Parking lot",
            f"Decisions ({len(wb.decision_log)})" if wb.decision_log else "Decisions",
        )
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)


class _PanelScroll(QScrollArea):
    """Asks for room for several rows of a list (the dock's first height), whatever the
    smaller minimum it can be squeezed to."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.fontMetrics().lineSpacing() * ROWS_OF_TEXT)


class WorkshopDock(QDockWidget):
    """The panel as a dock of the main window (at the bottom at first; movable)."""

    def __init__(self, document: WorkbookDocument, parent: QWidget | None = None) -> None:
        super().__init__(DOCK_TITLE, parent)
        self.setObjectName("workshopDock")
        self.panel = WorkshopPanel(document, self)
        # In a scroll area, so a tall step page in projector type can squeeze the dock
        # instead of pushing the window (and the agenda clock) past the bottom of the screen.
        scroll = _PanelScroll(self)
        scroll.setObjectName("workshopScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        self.setWidget(scroll)
        # Not closable from its title bar, like the findings dock: the View menu shows and
        # hides it, so the menu's check mark always says the truth.
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
