"""Helpers shared by the desktop app's tests: dialogs replaced by scripted answers, a main
window fixture that never leaves a modal prompt open, and edits made the way pages make
them (commands pushed on the document)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ui import dialogs
from ui.commands import SetValue
from ui.document import Change, WorkbookDocument

DIALOGS = (
    "ask_open_path",
    "ask_save_path",
    "ask_template_path",
    "ask_unsaved",
    "ask_locked",
    "ask_restore",
    "ask_changed_on_disk",
    "ask_charter_template",
    "ask_after_export",
    "show_error",
    "show_info",
    "ask_replace_agenda",
)


class ScriptedDialogs:
    """Each dialog answers from a queue the test fills; an unexpected dialog fails the
    test, and every error message shown must be taken (looked at) by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self._answers: dict[str, list[Any]] = {}
        self._errors: list[str] = []
        for name in DIALOGS:
            monkeypatch.setattr(dialogs, name, self._fake(name))

    def answer(self, name: str, *values: Any) -> None:
        self._answers.setdefault(name, []).extend(values)

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def take_errors(self) -> list[str]:
        taken, self._errors = self._errors, []
        return taken

    def pending(self) -> dict[str, list[Any]]:
        return {k: v for k, v in self._answers.items() if v}

    def _fake(self, name: str) -> Callable[..., Any]:
        def fake(*args: Any, **_kwargs: Any) -> Any:
            self.calls.append((name, args))
            if name == "show_error":
                self._errors.append(str(args[2]))
                return None
            if name == "show_info":
                return None
            queue = self._answers.get(name)
            if not queue:
                raise AssertionError(f"unexpected dialog {name}{args[1:]}")
            return queue.pop(0)

        return fake


def edit_organisation(document: WorkbookDocument, text: str) -> None:
    """Type `text` into the organisation field, one character at a time, the way a page's
    line edit pushes SetValue commands (they merge into one undo step)."""
    for end in range(1, len(text) + 1):
        document.push(
            SetValue(
                document,
                lambda wb: wb.setup,
                "organisation",
                text[:end],
                Change.SETUP,
                "Edit organisation",
                merge_key=("setup", "organisation"),
            )
        )


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> ScriptedDialogs:
    return ScriptedDialogs(monkeypatch)


@pytest.fixture
def window(qtbot: Any, scripted: ScriptedDialogs):  # type: ignore[no-untyped-def]
    """A shown main window with settings in the test's own folders."""
    from ui.main_window import MainWindow

    main = MainWindow()
    main.show()  # not qtbot.addWidget: its close comes before this fixture's teardown
    qtbot.waitExposed(main)
    yield main
    # Leave nothing modified behind, so closing at teardown asks nothing.
    main.document.undo_stack.setClean()
    main.exports.wait_all()
    main.close()
    main.deleteLater()
    assert not scripted.take_errors(), "error messages shown that the test did not check"
