"""Ctrl+Z / Ctrl+Y in a text field of the main window go to the document's one undo stack,
not to the field's private undo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


class UndoKeysToDocument(QObject):
    """Installed on the application: a line edit would otherwise claim the keys
    (ShortcutOverride) and undo characters the document no longer knows about."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def install(self) -> None:
        application().installEventFilter(self)

    def remove(self) -> None:
        application().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.ShortcutOverride:
            return False
        if not isinstance(watched, QLineEdit | QTextEdit | QPlainTextEdit):
            return False
        if watched.window() is not self._window:
            return False
        # Consumed but not accepted: the shortcut of the window's Undo/Redo action fires.
        return bool(
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        )


def application() -> QApplication:
    """The running QApplication (the window's filters install themselves on it)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
