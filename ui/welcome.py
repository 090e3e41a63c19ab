"""The welcome screen shown when no workbook is open: start a workbook, open one, open the
sample, start next year's review, or pick a recent file."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import theme

_ACTIONS = (
    ("new", "New Workbook", "Start an empty review with the customer-success purpose prefilled."),
    ("open", "Open…", "Open a .pmowb workbook."),
    (
        "next_year",
        "Start Next Year's Review…",
        "Start the coming year's review from this year's workbook: statements and open "
        "objectives come over awaiting a decision.",
    ),
    (
        "sample",
        "Open the Sample",
        "Explore Northwind's FY2027 portfolio office review. Saving "
        "asks for a new file: the sample stays as it is.",
    ),
)


class WelcomeScreen(QWidget):
    action_requested = Signal(str)  # "new", "open", "next_year", "sample"
    recent_requested = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.buttons: dict[str, QPushButton] = {}

        title = QLabel("PMO Workbook")
        title.setObjectName("welcomeTitle")
        self._title = title
        subtitle = QLabel(
            "The annual review of your management office: purpose, mission, "
            "vision and measurable objectives, aligned to the company's "
            "strategy."
        )
        subtitle.setObjectName("welcomeSubtitle")
        subtitle.setWordWrap(True)
        self._subtitle = subtitle

        start = QGridLayout()
        start.setHorizontalSpacing(16)
        start.setVerticalSpacing(10)
        for row, (key, label, help_text) in enumerate(_ACTIONS):
            button = QPushButton(label)
            button.setObjectName(f"welcome_{key}")
            button.setAccessibleName(label.rstrip("…"))
            button.setAccessibleDescription(help_text)
            button.setMinimumWidth(220)
            button.setAutoDefault(True)  # Return presses it too, as in a dialog, not only Space
            button.clicked.connect(lambda _=False, k=key: self.action_requested.emit(k))
            explain = QLabel(help_text)
            explain.setWordWrap(True)
            explain.setBuddy(button)
            start.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            start.addWidget(explain, row, 1)
            self.buttons[key] = button
        start.setColumnStretch(1, 1)

        recent_title = QLabel("Recent workbooks")
        recent_title.setObjectName("sectionTitle")
        self.recent = QListWidget()
        self.recent.setObjectName("recentFiles")
        self.recent.setAccessibleName("Recent workbooks")
        self.recent.itemActivated.connect(self._recent_activated)
        self.recent.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.setSpacing(3)
        self.no_recent = QLabel("No recent workbooks yet.")
        recent_title.setBuddy(self.recent)

        left = QVBoxLayout()
        start_title = QLabel("Start")
        start_title.setObjectName("sectionTitle")
        self._section_titles = (start_title, recent_title)
        for section_title in self._section_titles:  # not `title`: the page's title below
            section_title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        left.addWidget(start_title)
        left.addLayout(start)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(recent_title)
        right.addWidget(self.recent, 1)
        right.addWidget(self.no_recent)
        right.addStretch(0)

        left.setSpacing(10)  # a nested layout would take the 40 px between the columns
        right.setSpacing(10)
        columns = QHBoxLayout()
        columns.setSpacing(40)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        inner = QWidget()
        inner.setMaximumWidth(1100)
        body = QVBoxLayout(inner)
        body.addWidget(title)
        body.addWidget(subtitle)
        body.addSpacing(24)
        body.addLayout(columns, 1)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.addWidget(inner, 1, Qt.AlignmentFlag.AlignHCenter)
        self._style_titles()

    def _style_titles(self) -> None:
        # From the screen's font, so workshop mode's larger type scales the titles too.
        self._title.setFont(theme.scaled_font(self.font(), theme.TITLE_SCALE))
        self._subtitle.setFont(theme.scaled_font(self.font(), 1.1, bold=False))
        for label in self._section_titles:
            label.setFont(theme.scaled_font(self.font(), 1.0))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._style_titles()

    def set_recent_files(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}\n{_short_folder(path.parent)}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{path.name} in {path.parent}")
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)

    def recent_paths(self) -> list[Path]:
        return [
            self.recent.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.recent.count())
        ]

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole))


def _short_folder(folder: Path) -> str:
    """The folder as people say it: ~/Documents/Reviews rather than /home/ana/Documents/..."""
    try:
        inside = folder.relative_to(Path.home())
    except ValueError:
        return str(folder)
    return str(Path("~") / inside) if os.name == "posix" else str(folder)
