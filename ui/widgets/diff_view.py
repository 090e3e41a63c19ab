"""Last year's statement against this year's, word by word: removed words struck through in
red, added words underlined in green (planning.history.word_diff does the comparing)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from planning.history import DiffPart, same_words, word_diff

# Both kinds carry their own background so they read on light and dark palettes alike.
DELETED = "color:#9b1c1c; background-color:#fde8e8; text-decoration:line-through;"
INSERTED = "color:#14532d; background-color:#dcf2e1; text-decoration:underline;"


def diff_html(parts: list[DiffPart]) -> str:
    pieces = []
    previous = ""
    for part in parts:
        if previous == "delete" and part.op == "insert" and not part.text[:1].isspace():
            # A replaced word: a space keeps "old" and "new" from reading as one word.
            pieces.append(" ")
        previous = part.op
        text = html.escape(part.text).replace("\n", "<br>")
        if part.op == "delete":
            pieces.append(f'<span style="{DELETED}">{text}</span>')
        elif part.op == "insert":
            pieces.append(f'<span style="{INSERTED}">{text}</span>')
        else:
            pieces.append(text)
    return "".join(pieces)


class WordDiffView(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordDiff")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.parts: list[DiffPart] = []
        self._shown: tuple[str, str] | None = None

    def compare(self, old: str, new: str) -> None:
        if self._shown == (old, new):
            return
        self._shown = (old, new)
        if not old.strip() and not new.strip():
            self.parts = []
            self.setText("<i>No text last year or this year.</i>")
        elif same_words(old, new):
            self.parts = word_diff(old, new)
            self.setText("<i>Unchanged from last year.</i>")
        else:
            self.parts = word_diff(old, new)
            self.setText(diff_html(self.parts))

    def inserted(self) -> str:
        return "".join(p.text for p in self.parts if p.op == "insert")

    def deleted(self) -> str:
        return "".join(p.text for p in self.parts if p.op == "delete")
