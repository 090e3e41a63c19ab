"""The workshop aids beside the walk: the parking lot (topics set aside so they do not derail
the discussion) and the decision log (each decision as it is made, with who made it).

Both are plain lists of the workbook, edited like every other list: each edit is a command on
the document's undo stack. They sit in a dock the View menu shows and hides, so they stay at
hand whatever step of the review is on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QSplitter, QVBoxLayout, QWidget

from planning.model import DecisionLogEntry, ParkingLotItem
from ui.document import Change, WorkbookDocument
from ui.models.table import Column, EntityTableModel
from ui.widgets.list_editor import ListEditor

DOCK_TITLE = "Parking lot and decisions"
PARKING_LOT_EMPTY = ("Park a topic that would derail the discussion; come back to it before "
                     "the workshop ends.")
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
            Column("resolved", "Resolved", editor="bool",
                   tooltip="Tick once the topic has been dealt with; open topics go into the "
                           "charter's appendix"),
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
        factory=DecisionLogEntry,
    )


def _section(title: str, editor: ListEditor) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    heading = QLabel(f"<b>{title}</b>")
    heading.setBuddy(editor.view)
    layout.addWidget(heading)
    layout.addWidget(editor, 1)
    return box


class WorkshopPanel(QWidget):
    """The parking lot and the decision log, side by side (or one above the other when the
    panel is tall and narrow)."""

    def __init__(self, document: WorkbookDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopPanel")
        self.setAccessibleName("Parking lot and decision log")
        self.document = document
        self.parking_lot = ListEditor(parking_lot_model(document), PARKING_LOT_EMPTY,
                                      "Park a topic", stretch_column=0)
        self.decisions = ListEditor(decision_log_model(document), DECISION_LOG_EMPTY,
                                    "Add decision", stretch_column=0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(_section("Parking lot", self.parking_lot))
        self.splitter.addWidget(_section("Decision log", self.decisions))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.splitter)
        # The models follow Change.WORKSHOP themselves; a different workbook (new, open,
        # restored) is read again at once, before anything asks the panel for its rows.
        document.replaced.connect(self.refresh)

    def refresh(self) -> None:
        for editor in (self.parking_lot, self.decisions):
            editor.model.reload()

    def set_orientation(self, orientation: Qt.Orientation) -> None:
        self.splitter.setOrientation(orientation)


class WorkshopDock(QDockWidget):
    """The panel as a dock of the main window; lists go side by side at the top or bottom,
    one above the other at the left or right."""

    def __init__(self, document: WorkbookDocument, parent: QWidget | None = None) -> None:
        super().__init__(DOCK_TITLE, parent)
        self.setObjectName("workshopDock")
        self.panel = WorkshopPanel(document, self)
        self.setWidget(self.panel)
        # Not closable from its title bar, like the findings dock: View ▸ Parking Lot and
        # Decisions shows and hides it, so the menu's check mark always says the truth.
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.dockLocationChanged.connect(self._located)

    def _located(self, area: Qt.DockWidgetArea) -> None:
        side = area in (Qt.DockWidgetArea.LeftDockWidgetArea,
                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.panel.set_orientation(Qt.Orientation.Vertical if side
                                   else Qt.Orientation.Horizontal)
