"""Return and Enter press the focused push button of the main window, as Space does.

Qt gives that to buttons in dialogs only (autoDefault); on a page a facilitator who tabbed to
"Keep last year's text" or "Use the half-day agenda" pressed Return and nothing happened.
One filter on the application covers every button of every page, the docks and the welcome
screen, including buttons a page creates later."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from ui.undo_keys import application

_PRESS_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Keypad Enter arrives with the keypad modifier; any other modifier means a shortcut.
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class ReturnPressesButtons(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def install(self) -> None:
        application().installEventFilter(self)

    def remove(self) -> None:
        application().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QPushButton) or watched.autoDefault():
            return False  # an auto-default button (dialogs, welcome screen) presses itself
        if watched.window() is not self._window or not watched.isEnabled():
            return False
        if event.key() not in _PRESS_KEYS or event.modifiers() not in _PLAIN:
            return False
        watched.click()
        return True
