"""Step 9, alignment: the matrix of office objectives × company strategic objectives, where
a click or a key cycles the strength, with totals and the gaps both ways beside it."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planning.alignment import alignment_gaps
from planning.enums import Strength
from planning.steps import Step
from ui.document import Change
from ui.models.alignment import HEAT, TOTAL, AlignmentModel
from ui.pages.base import StepPage
from ui.summary.xmatrix_view import with_xmatrix_tab
from ui.widgets.delegates import FramedDelegate

KEY_STRENGTH = {
    Qt.Key.Key_0: None,
    Qt.Key.Key_Delete: None,
    Qt.Key.Key_Backspace: None,
    Qt.Key.Key_1: Strength.WEAK,
    Qt.Key.Key_2: Strength.MEDIUM,
    Qt.Key.Key_3: Strength.STRONG,
}


def _heat_name(strength: Strength) -> str:
    colour = HEAT[strength]
    return colour.name() if colour is not None else "transparent"


class MatrixKeys(QObject):
    """Space or Return cycles the current cell; 0–3 set it (Delete clears it)."""

    def __init__(self, view: QTableView, model: AlignmentModel) -> None:
        super().__init__(view)
        self.view = view
        self.model = model

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        index = self.view.currentIndex()
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.model.cycle(index)
            return True
        if key in KEY_STRENGTH and self.model.cell(index) is not None:
            self.model.setData(index, KEY_STRENGTH[key])
            return True
        return False


class _GapList(QLabel):
    """A heading and the gaps as links (wrapped text: no list to size); a click on one
    selects its row or column in the matrix."""

    activated = Signal(str)

    def __init__(self, heading: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.heading = heading
        self.entries: list[str] = []
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(lambda link: self.activated.emit(link))

    def show_gaps(self, rows: list[tuple[str, str]], empty: str) -> None:
        entries = [text for _, text in rows] or [empty]
        if entries == self.entries:
            return
        self.entries = entries
        items = (
            "".join(
                f'<li><a href="{entity_id}">{html.escape(text)}</a></li>'
                for entity_id, text in rows
            )
            or f"<li>{html.escape(empty)}</li>"
        )
        self.setText(
            f"<b>{html.escape(self.heading)}</b><ul style='margin-left:-20px'>{items}</ul>"
        )


def _wrapped_height(metrics: QFontMetrics, text: str, width: int, flags: Qt.TextFlag) -> int:
    return metrics.boundingRect(QRect(0, 0, max(20, width), 10_000), int(flags), text).height()


class AlignmentPage(StepPage):
    step = Step.ALIGNMENT
    show_findings_list = False

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        self.model = AlignmentModel(document, self)
        self._sized_for: tuple[object, ...] | None = None
        self.view = QTableView()
        self.view.setObjectName("alignmentMatrix")
        self.view.setModel(self.model)
        self.view.setItemDelegate(FramedDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Full titles on both axes, wrapped (never elided): the columns share the page's
        # width, the header grows to the tallest title, each row to its objective's title.
        for header, align in (
            (self.view.horizontalHeader(), Qt.AlignmentFlag.AlignCenter),
            (
                self.view.verticalHeader(),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            ),
        ):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setTextElideMode(Qt.TextElideMode.ElideNone)
            wrap = int(align) | int(Qt.TextFlag.TextWordWrap)  # a TextFlag among the alignment
            header.setDefaultAlignment(Qt.AlignmentFlag(wrap))
        self.view.clicked.connect(self.model.cycle)
        self.view.installEventFilter(MatrixKeys(self.view, self.model))

        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.matrix_stack = QStackedWidget()
        self.matrix_stack.addWidget(self.empty)
        self.matrix_stack.addWidget(self.view)

        gaps = QWidget()
        side = QVBoxLayout(gaps)
        side.setContentsMargins(0, 0, 0, 0)
        self.coverage = QLabel()
        self.coverage.setWordWrap(True)
        side.addWidget(self.coverage)
        self.orphans = _GapList("Office objectives supporting nothing", "orphanObjectives")
        self.unsupported = _GapList(
            "Company objectives no office objective supports", "unsupportedStrategic"
        )
        self.orphans.activated.connect(self.focus_entity)
        self.unsupported.activated.connect(self.focus_entity)
        side.addWidget(self.orphans)
        side.addWidget(self.unsupported)
        legend = QLabel(
            "<b>Heat map</b><br>"
            + "".join(
                f'<span style="background-color:{_heat_name(s)};color:'
                f'{"white" if s is Strength.STRONG else "#0b1f33"}">'
                f"&nbsp;{s.label}&nbsp;</span> "
                for s in Strength
            )
            + "<br>Totals add weak 1, medium 2, strong 3."
        )
        legend.setWordWrap(True)
        side.addWidget(legend)
        side.addStretch(1)

        # The matrix comes first: the gap lists wrap their text in a narrower column, which
        # scrolls when the page is short (the workshop dock open) rather than overlap.
        side_scroll = QScrollArea()
        side_scroll.setObjectName("alignmentGaps")
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setWidget(gaps)
        self.side_scroll = side_scroll
        self._size_side()
        self.model.modelReset.connect(self._size_columns)
        self.model.headerDataChanged.connect(lambda *_a: self._size_columns())
        self.matrix_stack.installEventFilter(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        # The X-matrix on a tab beside the heat map: the same links, laid out Hoshin-style.
        self.tabs = with_xmatrix_tab(self.matrix_stack, document)
        splitter.addWidget(self.tabs)
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        self.body.addWidget(splitter, 1)
        # The step's findings are exactly the gaps listed beside the matrix.
        self.set_findings_visible(False)
        self.refresh(Change.ALL)

    def _size_columns(self) -> None:
        """Columns share the matrix's width (at least "Medium" wide); titles wrap."""
        if self.model.is_empty():
            return
        metrics = self.view.fontMetrics()
        pad = 2 * metrics.horizontalAdvance("m")
        vertical, horizontal = self.view.verticalHeader(), self.view.horizontalHeader()
        rows, columns = self.model.rowCount(), self.model.columnCount()
        # Measured again only when the titles, the type or the width changed: every edit
        # refreshes the headers, and 500 wrapped titles take a while to measure.
        key = (
            self.matrix_stack.width(),
            self.view.font().toString(),
            tuple(str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(columns)),
            tuple(str(self.model.headerData(r, Qt.Orientation.Vertical)) for r in range(rows)),
        )
        if key == self._sized_for:
            return
        self._sized_for = key
        space = max(self.matrix_stack.width(), 400) - 2 * self.view.frameWidth() - 2
        space -= self.view.verticalScrollBar().sizeHint().width()
        total_width = metrics.horizontalAdvance(TOTAL) + pad // 2
        # Row titles take up to three tenths of the width, as much as their longest title.
        widest = max(
            metrics.horizontalAdvance(str(self.model.headerData(r, Qt.Orientation.Vertical)))
            for r in range(rows)
        )
        title_width = min(widest + pad, int(space * 0.3))
        vertical.setFixedWidth(title_width)
        minimum = metrics.horizontalAdvance("Medium") + pad
        strategic = columns - 1
        words = [
            word
            for c in range(strategic)
            for word in str(self.model.headerData(c, Qt.Orientation.Horizontal)).split()
        ]
        longest_word = max((metrics.horizontalAdvance(w) for w in words), default=0) + pad // 2
        share = (space - title_width - total_width) // max(1, strategic)
        width = max(minimum, longest_word, min(share, metrics.horizontalAdvance("m") * 16))
        if title_width + total_width + strategic * width > space:
            # Columns cannot get narrower than their longest word: the row titles give way.
            title_width = max(int(space * 0.2), space - total_width - strategic * width)
            vertical.setFixedWidth(title_width)
        for column in range(columns):
            horizontal.resizeSection(column, width if column < strategic else total_width)
        wrap = Qt.TextFlag.TextWordWrap
        tallest = max(
            _wrapped_height(
                metrics,
                str(self.model.headerData(c, Qt.Orientation.Horizontal)),
                width - pad // 2,
                wrap,
            )
            for c in range(columns)
        )
        horizontal.setFixedHeight(tallest + metrics.height() // 2 + 6)
        line = metrics.height() + 10
        for row in range(rows):
            text = str(self.model.headerData(row, Qt.Orientation.Vertical))
            height = _wrapped_height(metrics, text, title_width - pad // 2, wrap)
            vertical.resizeSection(row, max(line, height + 10))

    def _size_side(self) -> None:
        em = self.fontMetrics().horizontalAdvance("m")
        self.side_scroll.setMinimumWidth(em * 13)  # the gap lists stay readable
        self.side_scroll.setMaximumWidth(em * 17)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.matrix_stack and event.type() == QEvent.Type.Resize:
            self._size_columns()
        return False

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "side_scroll"):
            self._size_side()
            self._size_columns()

    def refresh(self, change: Change) -> None:
        super().refresh(change)
        if not change & (Change.ALIGNMENT | Change.OBJECTIVES | Change.STRATEGY):
            return
        wb = self.document.workbook
        if self.model.is_empty():
            missing = [
                name
                for name, present in (
                    ("the office's objectives (step 8)", wb.active_objectives()),
                    ("the company's strategic objectives (step 3)", wb.strategy),
                )
                if not present
            ]
            self.empty.setText(
                "Nothing to align yet. Add "
                + " and ".join(missing)
                + ", then mark here which objective supports which."
            )
            self.matrix_stack.setCurrentIndex(0)
        else:
            self.matrix_stack.setCurrentIndex(1)
            self._size_columns()
        gaps = alignment_gaps(wb)
        if gaps.coverage is None:
            self.coverage.setText("Coverage: no company strategic objectives yet.")
        else:
            self.coverage.setText(
                f"<b>Coverage:</b> {round(gaps.coverage * 100)}% of the company's strategic "
                "objectives are supported by at least one office objective."
            )
        self.orphans.show_gaps(
            [(o.id, f"{o.code} {o.title}".strip()) for o in gaps.orphan_objectives],
            "Every office objective supports the strategy.",
        )
        self.unsupported.show_gaps(
            [(s.id, f"{s.code} {s.title}".strip()) for s in gaps.unsupported_strategic],
            "Every company objective is supported.",
        )

    def focus_entity(self, entity_id, field=None) -> None:
        if entity_id is None or self.model.is_empty():
            return
        rows = [o.id for o in self.model.objectives]
        columns = [s.id for s in self.model.strategic]
        if entity_id in rows:
            index = self.model.index(rows.index(entity_id), 0)
        elif entity_id in columns:
            index = self.model.index(0, columns.index(entity_id))
        else:
            return
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()
