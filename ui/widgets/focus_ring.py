"""A focus frame a room can see: a thick ring drawn around whichever widget has the keyboard
focus, in the palette's highlight colour.

The platform styles mark focus with a thin line or a faint glow that disappears on a
projector. A style sheet could thicken it, but switches every widget to the much slower
style-sheet style; instead one small transparent widget follows the focus (as QFocusFrame
does on macOS), sitting on top of the focused widget's parent so it is clipped like it.
Tables get their current cell framed by their delegate as well (ui.widgets.delegates).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QDockWidget, QSplitter, QWidget

# Containers that adopt every child widget as a part of their own layout: the ring sits
# on the window instead.
_ADOPTING = (QSplitter, QDockWidget)

RING = 3
"""Pixels of the ring: thick enough to see from the back of a room."""


class FocusRing(QWidget):
    """Follows the focus inside `window`; not a target for the mouse."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self._window = window
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        self.hide()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self.follow(new)

    def follow(self, widget: QWidget | None) -> None:
        if self.target is not None:
            self.target.removeEventFilter(self)
        if widget is not None and widget.focusProxy() is not None:
            widget = widget.focusProxy()
        holder = widget.parentWidget() if widget is not None else None
        if isinstance(holder, _ADOPTING):
            holder = self._window
        if widget is None or holder is None or widget.window() is not self._window:
            self.target = None
            self.hide()
            return
        self.target = widget
        widget.installEventFilter(self)
        if self.parentWidget() is not holder:
            self.setParent(holder)
        self._place()

    def _place(self) -> None:
        target = self.target
        if target is None or not target.isVisible():
            self.hide()
            return
        holder = self.parentWidget()
        if holder is None:
            return
        corner = holder.mapFromGlobal(target.mapToGlobal(QPoint(0, 0)))
        self.setGeometry(QRect(corner, target.size()).adjusted(-RING, -RING, RING, RING))
        self.show()
        self.raise_()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            self._place()
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), RING)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        half = RING // 2 + RING % 2
        painter.drawRoundedRect(QRect(self.rect()).adjusted(half, half, -half, -half), 3, 3)
        painter.end()
