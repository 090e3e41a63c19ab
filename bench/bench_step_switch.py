"""step-switch: showing each page of the walk and refreshing it on the generated
500-objective workbook, the slowest page as a ratio to a 100 ms budget."""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import generate_workbook

NAME = "step-switch"
TARGET = 1.0
BUDGET_S = 0.100


def measure() -> tuple[float, dict[str, object]]:
    from PySide6.QtWidgets import QApplication, QStackedWidget

    from ui.document import Change, WorkbookDocument
    from ui.pages import PAGES

    app = QApplication.instance() or QApplication([])
    document = WorkbookDocument(generate_workbook())
    stack = QStackedWidget()
    stack.resize(1100, 700)
    pages = [entry.load()(document, stack) for entry in PAGES]
    for page in pages:
        stack.addWidget(page)
    stack.show()
    app.processEvents()
    figures: dict[str, object] = {}
    worst = 0.0
    for page in pages:
        best = float("inf")
        for _ in range(3):
            stack.setCurrentWidget(pages[0] if page is not pages[0] else pages[1])
            app.processEvents()
            document.notify(Change.ALL)  # every page's part changed: a full re-read
            start = time.perf_counter()
            stack.setCurrentWidget(page)
            page.refresh(Change.ALL)
            page.repaint()  # laid out and painted, as the user sees it
            app.processEvents()
            best = min(best, time.perf_counter() - start)
        figures[f"{page.step.value}_s"] = best
        worst = max(worst, best)
    figures["slowest_s"] = worst
    _dispose(stack, document)
    return worst / BUDGET_S, figures


def _dispose(widget, document) -> None:
    """Deletes the Qt objects now: left to interpreter shutdown, PySide may crash."""
    import shiboken6

    widget.close()
    document.undo_stack.cleanChanged.disconnect()
    shiboken6.delete(widget)
    shiboken6.delete(document)
