"""One date editor for every date of the walk: form fields and table cells alike.

A QDateEdit edits a date section by section, has no "not set" value and opens its calendar
at its minimum (January 1900 for an unset date): typing a whole date in front of a room
did not work. This field is a line edit that reads what is typed when the user confirms
(Return, Tab or leaving the field): `2027-03-15`, or the system's short date format. The
calendar button (or Alt+Down, F4) opens at the date, or for an unset date at a sensible
month the page suggests (inside the fiscal year, or today). Delete on the whole text (as it
is selected after Tab) clears the date back to "Not set" at once.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFocusEvent, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QToolTip, QVBoxLayout, QWidget

NOT_SET = "Not set"
_ISO = re.compile(r"^\s*(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def format_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _short_formats(locale: QLocale) -> list[str]:
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    formats = [short]
    if "yyyy" not in short and "yy" in short:
        formats.insert(0, short.replace("yy", "yyyy"))
    return formats


def parse_date(text: str, locale: QLocale | None = None) -> tuple[bool, date | None]:
    """(understood, date): an empty text is understood as "not set"."""
    text = text.strip()
    if not text or text.casefold() == NOT_SET.casefold():
        return True, None
    for pattern in (_ISO, _COMPACT):
        match = pattern.match(text)
        if match:
            try:
                return True, date(*(int(g) for g in match.groups()))
            except ValueError:
                return False, None
    locales = [locale] if locale is not None else [QLocale.system(), QLocale()]
    for loc in locales:
        for fmt in _short_formats(loc):
            parsed = QDate.fromString(text, fmt)
            if parsed.isValid():
                year = parsed.year()
                if "yyyy" not in fmt and year < 1970:
                    parsed = parsed.addYears(100)  # "27" is 2027 in a review, not 1927
                return True, date(parsed.year(), parsed.month(), parsed.day())
    return False, None


def _calendar_icon() -> QIcon:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor("#5b6270")
    painter.setPen(QPen(colour, 2.5))
    painter.drawRoundedRect(QRectF(5, 7, 22, 20), 3, 3)
    painter.fillRect(QRectF(5, 7, 22, 6), colour)
    for x in (10, 16, 22):
        for y in (17, 22):
            painter.fillRect(QRectF(x - 1.5, y - 1.5, 3, 3), colour)
    painter.end()
    return QIcon(pixmap)


class _CalendarPopup(QWidget):
    picked = Signal(object)  # date

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)

    def _pick(self, value: QDate) -> None:
        self.hide()
        self.picked.emit(value.toPython())


class DateField(QLineEdit):
    """A date typed or picked; `date_edited` says the user confirmed a new value."""

    date_edited = Signal(object)  # datetime.date | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateField")
        self.setPlaceholderText(NOT_SET)
        self.setToolTip(
            "Type a date as 2027-03-15 (or 15/03/2027 as your system writes it); "
            "Delete clears it, Alt+Down opens the calendar"
        )
        self._value: datetime.date | None = None
        self.suggest: Callable[[], datetime.date | None] = lambda: None
        """The month an unset date's calendar opens at (the page's fiscal year, say)."""
        self._popup: _CalendarPopup | None = None
        self.calendar_action = QAction(_calendar_icon(), "Calendar", self)
        self.calendar_action.setToolTip("Pick the date in a calendar (Alt+Down)")
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.returnPressed.connect(self.commit)

    # --- value ---------------------------------------------------------------------------

    def date(self) -> datetime.date | None:
        """The last confirmed (or set) date."""
        return self._value

    def set_date(self, value: datetime.date | None) -> None:
        """Show `value` without announcing an edit."""
        self._value = value
        text = format_date(value)
        if self.text() != text:
            self.setText(text)

    def typed(self) -> tuple[bool, datetime.date | None]:
        """What the text says now: (understood, date)."""
        return parse_date(self.text())

    def commit(self) -> bool:
        """Reads the text; a date not understood goes back to the last one, with a note."""
        ok, value = self.typed()
        if not ok:
            typed = self.text()
            self.set_date(self._value)
            QToolTip.showText(
                self.mapToGlobal(QPoint(0, self.height())),
                f"“{typed}” is not a date: type it as 2027-03-15.",
                self,
            )
            return False
        self.set_date(value)
        self.date_edited.emit(value)
        return True

    def clear_date(self) -> None:
        self.setText("")
        self.commit()

    # --- calendar ------------------------------------------------------------------------

    def calendar_start(self) -> datetime.date:
        ok, typed = self.typed()
        return (typed if ok else None) or self._value or self.suggest() or datetime.date.today()

    def open_calendar(self) -> None:
        if self.isReadOnly():
            return
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._picked)
        start = self.calendar_start()
        self._popup.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self._popup.calendar.setCurrentPage(start.year, start.month)
        self._popup.adjustSize()
        self._popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup.show()
        self._popup.calendar.setFocus()

    def calendar_popup(self) -> QCalendarWidget | None:
        return self._popup.calendar if self._popup is not None else None

    def _picked(self, value: datetime.date) -> None:
        self.setText(format_date(value))
        self.setFocus()
        self.commit()

    # --- keys ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and alt):
            self.open_calendar()
            return
        whole = self.hasSelectedText() and self.selectedText() == self.text()
        if key == Qt.Key.Key_Delete and (whole or not self.text()) and not self.isReadOnly():
            self.clear_date()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        popup_open = self._popup is not None and self._popup.isVisible()
        if event.reason() != Qt.FocusReason.PopupFocusReason and not popup_open:
            ok, value = self.typed()
            if not ok or value != self._value:
                self.commit()
        super().focusOutEvent(event)
