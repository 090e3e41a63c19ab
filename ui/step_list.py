"""The twelve steps of the walk on the left, each with its state (empty, in progress,
complete, needs attention) as a shape, a colour and words, so it reads without colour and
to a screen reader."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from planning.enums import StepState
from planning.steps import Step
from ui import theme


class StepList(QListWidget):
    step_selected = Signal(object)  # Step: the current row changed (arrows, a click)
    step_activated = Signal(object)  # Step: clicked, or Return pressed: go to its page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setAccessibleName("Steps of the review")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(20, 20))
        self.setSpacing(2)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for step in Step:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, step)
            self.addItem(item)
        self._states: dict[Step, StepState] = {}
        self.set_states({step: StepState.EMPTY for step in Step})
        self.currentRowChanged.connect(self._row_changed)
        self.setMinimumWidth(self.preferred_width())
        self.itemClicked.connect(self._activated)
        self.itemActivated.connect(self._activated)

    def _activated(self, item: QListWidgetItem) -> None:
        self.step_activated.emit(item.data(Qt.ItemDataRole.UserRole))

    def set_states(self, states: dict[Step, StepState]) -> None:
        for row, step in enumerate(Step):
            state = states.get(step, StepState.EMPTY)
            item = self.item(row)
            item.setText(f"{step.number}. {step.title}\n{state.label}")
            item.setIcon(theme.state_icon(state))
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"Step {step.number}, {step.title}: {state.label}",
            )
            item.setToolTip(f"{step.title}: {state.label.lower()}")
        self._states = dict(states)

    def state_of(self, step: Step) -> StepState:
        return self._states.get(step, StepState.EMPTY)

    def current_step(self) -> Step:
        row = max(0, self.currentRow())
        return list(Step)[row]

    def select_step(self, step: Step) -> None:
        self.setCurrentRow(list(Step).index(step))

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.step_selected.emit(list(Step)[row])

    def preferred_width(self) -> int:
        """Wide enough for the longest step title in the current font (workshop mode's
        larger type included), so no title is cut."""
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(f"{s.number}. {s.title}") for s in Step)
        widest = max(widest, *(metrics.horizontalAdvance(state.label) for state in StepState))
        # Room for the icon, the item's margins and a vertical scroll bar (a short window
        # or the workshop dock scrolls the list).
        scroll = self.verticalScrollBar().sizeHint().width()
        return (
            widest
            + self.iconSize().width()
            + 4 * self.spacing()
            + 2 * self.frameWidth()
            + scroll
            + 24
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # Never narrower than its longest title: workshop type must not cut a step name.
            self.setMinimumWidth(self.preferred_width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The workshop dock or a shorter window scrolls the list: keep the room's step in
        # sight rather than leave the current one below the fold.
        if self.currentItem() is not None:
            self.scrollToItem(self.currentItem())

    def sizeHint(self) -> QSize:
        return QSize(self.preferred_width(), super().sizeHint().height())
