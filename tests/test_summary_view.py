"""The summary view (strategy on a page) in the app: reachable from every step with F9 and
from sign-off, live as the workshop edits, readable at 1366×768 in workshop mode, and the
File menu's one-page summary and briefing deck exports.

Run as a script to refresh docs/images/summary-*.png:

    QT_QPA_PLATFORM=offscreen python tests/test_summary_view.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

import app_support  # noqa: E402
from app_support import edit_organisation  # noqa: E402
from conftest import FIRST_SAMPLE, LATER_SAMPLE  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from planning.steps import Step  # noqa: E402

SIZE = (1366, 768)
window = app_support.window
scripted = app_support.scripted
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def opened(window, tmp_path):
    path = tmp_path / "review.pmowb"
    path.write_bytes(LATER_SAMPLE.read_bytes())
    assert window.files.open(path)
    return window


def _codes(window) -> list[str]:
    return [o.code for o in window.document.workbook.active_objectives()]


@pytest.mark.parametrize("step", [Step.SETUP, Step.ALIGNMENT, Step.SIGNOFF])
def test_f9_shows_the_summary_from_any_step_and_escape_goes_back(opened, qtbot, step) -> None:
    opened.show_step(step)
    qtbot.keyClick(opened, Qt.Key.Key_F9)
    view = opened.summary.view
    assert opened.screens.currentWidget() is view
    assert opened.named_actions["summary"].isChecked()
    qtbot.waitUntil(lambda: bool(view.texts()))
    texts = view.texts()
    assert "Northwind Freight Portfolio Management Office" in texts
    assert set(_codes(opened)) <= set(texts)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert opened.screens.currentWidget() is opened.splitter
    assert not opened.named_actions["summary"].isChecked()
    assert opened.current_step() is step


def test_summary_follows_edits_live(opened, qtbot) -> None:
    qtbot.keyClick(opened, Qt.Key.Key_F9)
    view = opened.summary.view
    qtbot.waitUntil(lambda: bool(view.texts()))
    edit_organisation(opened.document, "Contoso Logistics")
    qtbot.waitUntil(lambda: any(t.startswith("CONTOSO LOGISTICS") for t in view.texts()))
    opened.document.undo_stack.undo()
    qtbot.waitUntil(lambda: any(t.startswith("NORTHWIND FREIGHT ·") for t in view.texts()))


def test_signoff_offers_the_summary(opened, qtbot) -> None:
    opened.show_step(Step.SIGNOFF)
    page = opened.page(Step.SIGNOFF)
    button = page.findChild(type(page.export_tracker), "showSummary")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened.screens.currentWidget() is opened.summary.view


@pytest.mark.parametrize("sample", [FIRST_SAMPLE, LATER_SAMPLE])
def test_workshop_mode_at_1366x768_shows_everything_without_cuts(window, qtbot, tmp_path, sample):
    path = tmp_path / "review.pmowb"
    path.write_bytes(sample.read_bytes())
    assert window.files.open(path)
    window.set_workshop_mode(True, remember=False)
    window.showNormal()
    window.resize(*SIZE)
    window.summary.set_visible(True)
    view = window.summary.view
    qtbot.waitUntil(lambda: bool(view.texts()))
    view.repaint()
    texts = view.texts()
    workbook = window.document.workbook
    assert view.large
    for objective in workbook.active_objectives():
        assert objective.code in texts
        assert objective.title in texts, "titles are not cut at 1366×768"
    for item in workbook.not_doing:
        assert item.item in texts
    assert not any(t.startswith("… and") for t in texts), "no list is cut short"
    window.set_workshop_mode(False, remember=False)


def test_file_menu_exports_pdf_and_deck_off_the_ui_thread(
    opened, scripted, qtbot, tmp_path, monkeypatch
):
    from ui.summary import exports

    pdf, deck = tmp_path / "wall.pdf", tmp_path / "brief.pptx"
    monkeypatch.setattr(exports, "ask_summary_target", lambda *_a: (pdf, "A4"))
    monkeypatch.setattr(exports, "ask_briefing_target", lambda *_a: (deck, None))
    scripted.answer("ask_after_export", "close", "close")
    opened.named_actions["export_summary"].trigger()
    qtbot.waitUntil(lambda: not opened.exports.is_running(), timeout=60000)
    opened.named_actions["export_briefing"].trigger()
    qtbot.waitUntil(lambda: not opened.exports.is_running(), timeout=60000)
    assert scripted.names().count("ask_after_export") == 2, scripted.take_errors()
    from summary_support import deck_texts, pdf_pages, pdf_text

    assert pdf_pages(pdf) == 1
    assert "Northwind Freight Portfolio Management Office" in pdf_text(pdf)
    slides, _notes = deck_texts(deck)
    assert "Northwind Freight Portfolio Management Office" in slides[0]


def render_summary(window, folder: Path) -> list[Path]:
    """The summary view at 1366×768, normal and in workshop mode."""
    from PySide6.QtWidgets import QApplication

    shots = []
    for workshop in (False, True):
        window.set_workshop_mode(workshop, remember=False)
        window.showNormal()
        window.resize(*SIZE)
        window.summary.set_visible(True)
        for _ in range(5):
            QApplication.processEvents()
        shot = folder / f"summary-{'workshop' if workshop else 'normal'}.png"
        window.grab().save(str(shot))
        shots.append(shot)
        # The Alignment step's X-matrix tab, at the same size.
        window.summary.set_visible(False)
        window.show_step(Step.ALIGNMENT)
        tabs = window.page(Step.ALIGNMENT).tabs
        tabs.setCurrentIndex(1)
        for _ in range(5):
            QApplication.processEvents()
        shot = folder / f"alignment-xmatrix{'-workshop' if workshop else ''}.png"
        window.grab().save(str(shot))
        shots.append(shot)
        tabs.setCurrentIndex(0)
    window.set_workshop_mode(False, remember=False)
    return shots


if __name__ == "__main__":
    import tempfile

    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    out = Path(__file__).resolve().parent.parent / "docs" / "images"
    with tempfile.TemporaryDirectory() as temp:
        for key in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
            os.environ[key] = str(Path(temp) / key.lower())
        main = MainWindow()
        main.show()
        copy = Path(temp) / "northwind-fy2027.pmowb"
        copy.write_bytes(LATER_SAMPLE.read_bytes())
        main.files.open(copy)
        for shot in render_summary(main, Path(temp)):
            shot.replace(out / shot.name)
            print(out / shot.name)
        main.close()


def test_return_presses_a_focused_page_button_as_space_does(opened, qtbot) -> None:
    """A facilitator tabs to a page's button and presses Return: it acts (it did nothing
    outside dialogs, only Space worked)."""
    opened.show_step(Step.SIGNOFF)
    page = opened.page(Step.SIGNOFF)
    button = page.findChild(type(page.export_tracker), "showSummary")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert opened.screens.currentWidget() is opened.summary.view
