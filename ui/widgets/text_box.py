"""A multi-line text field sized in lines of the current font, so it stays readable when
workshop mode enlarges the type and never claims the whole page."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget


class LinesTextEdit(QPlainTextEdit):
    def __init__(
        self, lines: int = 4, placeholder: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        height = (
            self.fontMetrics().lineSpacing() * self._lines
            + margins.top()
            + margins.bottom()
            + 2 * self.document().documentMargin()
        )
        return QSize(super().sizeHint().width(), int(height))

    def minimumSizeHint(self) -> QSize:
        margins = self.contentsMargins()
        height = self.fontMetrics().lineSpacing() * 2 + margins.top() + margins.bottom()
        return QSize(super().minimumSizeHint().width(), int(height + 8))
