"""The agenda clock in the status bar: the slot the workshop is in, the time left in it (or
how far over it runs), Start/Pause and Next slot. Moving to a slot shows its step, so the
projector follows the agenda.

The time is session state only: it is never saved in the workbook. It is read from a
monotonic clock (injectable, so tests move time by hand); the QTimer only repaints.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from planning.agenda import SlotTimer, slot_title, time_left_text
from planning.model import AgendaItem
from ui.document import Change, WorkbookDocument

START_PAUSE_KEY = "Ctrl+Shift+Space"
# Orange that keeps its contrast: darker on a light status bar, lighter on a dark one. The
# words "over by" say it too, so colour is never the only cue.
OVER_ON_LIGHT = QColor("#a34f00")
OVER_ON_DARK = QColor("#ffab4d")


class AgendaClock(QWidget):
    """Follows the workbook's agenda; visible while a workbook is open and the agenda has
    slots. The slot in progress is followed by id, so editing the agenda around it (adding,
    moving, changing its minutes) does not move the clock to another slot."""

    step_requested = Signal(object)  # planning.steps.Step
    available_changed = Signal(bool)

    def __init__(
        self,
        document: WorkbookDocument,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agendaClock")
        self.setAccessibleName("Agenda clock")
        self.document = document
        self.clock = clock
        self.timer = SlotTimer()
        self.index = 0
        self._slot_id: str | None = None
        self._workbook_open = False
        self._available = False

        self.label = QLabel()
        self.label.setObjectName("agendaSlot")
        self.label.setAccessibleName("Agenda slot")
        self.start_button = QPushButton("Start")
        self.start_button.setObjectName("agendaStartPause")
        self.start_button.clicked.connect(self.toggle)
        self.next_button = QPushButton("Next slot")
        self.next_button.setObjectName("agendaNextSlot")
        self.next_button.setAccessibleName("Next agenda slot")
        self.next_button.setToolTip("Move to the next slot of the agenda and show its step")
        self.next_button.clicked.connect(self.next_slot)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.start_button)
        layout.addWidget(self.next_button)

        self.tick = QTimer(self, interval=1000)
        self.tick.timeout.connect(self.refresh)
        document.replaced.connect(self.reset)
        document.changed.connect(self._document_changed)
        self.reset()

    # --- state -----------------------------------------------------------------------

    def agenda(self) -> list[AgendaItem]:
        return self.document.workbook.agenda

    def current(self) -> AgendaItem | None:
        agenda = self.agenda()
        return agenda[self.index] if 0 <= self.index < len(agenda) else None

    def is_available(self) -> bool:
        return self._available

    def set_workbook_open(self, is_open: bool) -> None:
        self._workbook_open = is_open
        self._update_availability()

    def reset(self) -> None:
        """A different workbook: its first slot, paused, nothing spent."""
        self.tick.stop()
        self.timer = SlotTimer()
        self.index = 0
        agenda = self.agenda()
        self._slot_id = agenda[0].id if agenda else None
        self._update_availability()
        self.refresh()

    def _document_changed(self, change: Change) -> None:
        if not change & Change.WORKSHOP:
            return
        ids = [item.id for item in self.agenda()]
        if self._slot_id in ids:
            self.index = ids.index(self._slot_id)
        else:  # the slot in progress was removed: the one now in its place starts afresh
            self.index = max(0, min(self.index, len(ids) - 1))
            self._slot_id = ids[self.index] if ids else None
            self.timer.restart(self.clock())
        if not ids:
            self.timer.pause(self.clock())
            self.tick.stop()
        self._update_availability()
        self.refresh()

    def _update_availability(self) -> None:
        available = self._workbook_open and bool(self.agenda())
        self.setVisible(available)
        if available != self._available:
            self._available = available
            self.available_changed.emit(available)

    # --- actions ---------------------------------------------------------------------

    def toggle(self) -> None:
        """Start or pause; starting a slot afresh shows its step."""
        if not self._available:
            return
        now = self.clock()
        if self.timer.running:
            self.timer.pause(now)
            self.tick.stop()
        else:
            fresh = self.timer.elapsed(now) == 0
            self.timer.start(now)
            self.tick.start()
            if fresh:
                self._show_slot_step()
        self.refresh()

    def next_slot(self) -> None:
        agenda = self.agenda()
        if not self._available or self.index + 1 >= len(agenda):
            return
        self.index += 1
        self._slot_id = agenda[self.index].id
        self.timer.restart(self.clock())
        self._show_slot_step()
        self.refresh()

    def _show_slot_step(self) -> None:
        item = self.current()
        if item is not None and item.step is not None:
            self.step_requested.emit(item.step)

    # --- display ---------------------------------------------------------------------

    def refresh(self) -> None:
        item = self.current()
        running = self.timer.running
        self.start_button.setText("Pause" if running else "Start")
        verb = "Pause" if running else "Start"
        self.start_button.setAccessibleName(f"{verb} the agenda clock")
        self.start_button.setToolTip(f"{verb} the agenda clock ({START_PAUSE_KEY})")
        self.next_button.setEnabled(self.index + 1 < len(self.agenda()))
        if item is None:
            self.label.clear()
            self._set_over(False)
            return
        over, left = time_left_text(self.timer.seconds_left(item, self.clock()))
        self.label.setText(f"{slot_title(item, self.index)} — {left}")
        topic = f"{item.topic.strip()}\n" if item.topic.strip() else ""
        self.label.setToolTip(
            f"{topic}Slot {self.index + 1} of {len(self.agenda())}, planned "
            f"for {item.minutes} min{'' if running else ' (paused)'}"
        )
        self._set_over(over)

    def is_over(self) -> bool:
        return bool(self.label.property("overTime"))

    def _set_over(self, over: bool) -> None:
        if self.is_over() == over and self.label.property("overTime") is not None:
            return
        self.label.setProperty("overTime", over)
        # Only the weight and the text colour are the label's own: size and the other
        # colours still follow the window (workshop type, light or dark).
        font = QFont()
        if over:
            font.setBold(True)
        self.label.setFont(font)
        if not over:
            self.label.setPalette(QPalette())
            return
        window = self.palette().color(QPalette.ColorRole.Window)
        palette = QPalette()
        palette.setColor(
            QPalette.ColorRole.WindowText,
            OVER_ON_LIGHT if window.lightness() >= 128 else OVER_ON_DARK,
        )
        self.label.setPalette(palette)
