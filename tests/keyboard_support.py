"""Helpers for the keyboard tests (no tests here): a page shown in an active window, keys
sent to whichever widget has the focus, the cell editor open now, the Alt+letters of a
window."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)
from test_pages_support import open_page, release

from planning.model import new_workbook
from ui.document import WorkbookDocument


@pytest.fixture
def document(qapp):
    doc = WorkbookDocument(new_workbook())
    yield doc
    release(doc)


def shown(qtbot, page_class, document):
    page = open_page(qtbot, page_class, document)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def tab_into(qtbot, before, field) -> None:
    """Focus `before`, press Tab until `field` has the focus (as a user does)."""
    before.setFocus()
    for _ in range(12):
        if field.hasFocus():
            return
        focused = QApplication.focusWidget()
        assert focused is not None, (QApplication.activeWindow(), before.window().isActiveWindow())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert field.hasFocus(), f"Tab never reached {field}"


def type_keys(qtbot, text: str) -> None:
    """Each key to whichever widget has the focus then, as a keyboard does: the first key on
    a table cell opens its editor, the rest go into that editor."""
    for char in text:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClicks(focused, char)


def open_editor(view):
    found = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    found += [e for e in view.viewport().findChildren(QComboBox) if e.isVisible()]
    return found[0] if len(found) == 1 else None


ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


class Keyboard:
    """Keys go to the focus widget, as a real keyboard's do."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "the keyboard focus went nowhere"
        return widget

    def press(self, key: Qt.Key, modifiers=NONE, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus(), key, modifiers)
            QApplication.processEvents()

    def type(self, text: str) -> None:
        for char in text:
            self.qtbot.keyClicks(self.focus(), char)
        QApplication.processEvents()

    def tab(self, times: int = 1) -> None:
        self.press(Qt.Key.Key_Tab, times=times)

    def enter(self) -> None:
        self.press(Qt.Key.Key_Return)


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def window_mnemonics(window) -> list[tuple[str, QWidget | None, str]]:
    """(letter, what it reaches, its text) for the menu bar and every widget shown."""
    found: list[tuple[str, QWidget | None, str]] = []
    for action in window.menuBar().actions():
        letter = mnemonic(action.text())
        if letter:
            found.append((letter, None, action.text()))
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QTabBar):  # a tab's letter shows its tab (no focus to check)
            for tab in range(widget.count()):
                letter = mnemonic(widget.tabText(tab))
                if letter:
                    found.append((letter, None, widget.tabText(tab)))
            continue
        if isinstance(widget, QLabel):
            text, target = widget.text(), widget.buddy()
        elif isinstance(widget, QAbstractButton):
            text, target = widget.text(), widget
        elif isinstance(widget, QGroupBox):
            text, target = widget.title(), widget
        else:
            continue
        letter = mnemonic(text)
        if letter:
            found.append((letter, target, text))
    return found


def assert_mnemonics_unique_and_reaching(window, keys: Keyboard) -> None:
    found = window_mnemonics(window)
    letters = [letter for letter, _, _ in found]
    clashes = {x: [t for le, _, t in found if le == x] for x in letters if letters.count(x) > 1}
    assert not clashes, f"Alt+letters used twice in {window.current_step()}: {clashes}"
    for letter, target, text in found:
        if target is None:
            continue
        assert isinstance(target, QWidget), f"{text!r} names nothing"
        if not target.isEnabled():
            continue  # e.g. the objective's form while no objective is selected
        before = keys.focus()
        keys.press(Qt.Key(ord(letter.upper())), ALT)
        focus = keys.focus()
        reached = focus is target or target.isAncestorOf(focus)
        assert reached, f"Alt+{letter} ({text!r}) went to {focus}, not {target}"
        before.setFocus()
