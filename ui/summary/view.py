"""The summary view: strategy on a page on screen, for the projector. It paints the same
layout as the one-page PDF, and follows the workshop's edits as they happen.

`SummaryScreen` puts the view in the main window's central stack (beside the walk), shows
and hides it for View › Strategy on a Page and the sign-off step, and switches to the
larger type in workshop mode.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from planning.summary import Summary, summarise
from ui.summary.layout import paint_summary

REFRESH_MS = 120


class SummaryView(QWidget):
    close_requested = Signal()

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryView")
        self.setAccessibleName("Strategy on a page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The page fits whatever room it gets; it never pushes the window past the screen.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.document = document
        self.large = False
        self._summary: Summary | None = None
        self._texts: list[str] = []
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        document.changed.connect(self._document_changed)

    def summary(self) -> Summary:
        if self._summary is None:
            self._summary = summarise(self.document.workbook)
        return self._summary

    def texts(self) -> list[str]:
        """The texts on screen, as drawn (cut to fit): what the room reads."""
        return list(self._texts)

    def set_large(self, large: bool) -> None:
        self.large = large
        self.update()

    def refresh(self) -> None:
        self._summary = summarise(self.document.workbook)
        self.update()

    def _document_changed(self, _change) -> None:
        self._summary = None
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._texts = paint_summary(
                painter, QRectF(self.rect()), self.summary(), large=self.large
            )
        finally:
            painter.end()
        self.setAccessibleDescription(" · ".join(self._texts[:40]))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            return
        super().keyPressEvent(event)


class SummaryScreen(QObject):
    """The summary view as a screen of the main window, beside the walk."""

    visible_changed = Signal(bool)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.view = SummaryView(window.document)
        window.screens.addWidget(self.view)
        self.view.close_requested.connect(lambda: self.set_visible(False))
        window.step_list.step_selected.connect(lambda _step: self.set_visible(False))
        window.files.workbook_shown.connect(self._workbook_shown)

    def is_visible(self) -> bool:
        return self.window.screens.currentWidget() is self.view

    def set_visible(self, on: bool) -> None:
        on = on and self.window.files.has_workbook
        if on == self.is_visible():
            self.visible_changed.emit(on)
            return
        if on:
            self.view.set_large(self.window.named_actions["workshop"].isChecked())
            self.window.screens.setCurrentWidget(self.view)
            self.view.setFocus()
        else:
            self.window.screens.setCurrentWidget(self.window.splitter)
        self.visible_changed.emit(on)

    def toggle(self) -> None:
        self.set_visible(not self.is_visible())

    def set_large(self, large: bool) -> None:
        self.view.set_large(large)

    def _workbook_shown(self, _has_workbook: bool) -> None:
        # The main window has just shown the walk or the welcome screen.
        self.visible_changed.emit(self.is_visible())
