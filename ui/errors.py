"""The one place that turns failures into messages a PMO leader can read.

- `report(parent, action, exc)`: a refused file, a failed save or export. WorkbookError
  messages are written for people and are shown as they are; any other exception is shown
  as "<action> failed" with its text in the details.
- `install_excepthook(emergency_save)`: anything unexpected (an exception escaping a slot)
  first saves the open workbook to the recovery folder, then says so. Nothing typed is
  lost, even when the dialog itself were to fail.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from planning.errors import WorkbookError
from ui import dialogs

EmergencySave = Callable[[], Path | None]


def message_for(exc: BaseException, action: str) -> str:
    if isinstance(exc, WorkbookError):
        return str(exc)
    if isinstance(exc, PermissionError):
        return f"{action} failed: no permission ({exc.filename or exc})."
    if isinstance(exc, OSError):
        return f"{action} failed: {exc.strerror or exc}."
    return f"{action} failed because of an unexpected error: {exc or type(exc).__name__}."


def report(parent: QWidget | None, action: str, exc: BaseException) -> None:
    details = (
        ""
        if isinstance(exc, WorkbookError)
        else "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    )
    dialogs.show_error(parent, action, message_for(exc, action), details)


class ExceptionHook:
    """sys.excepthook for the running app: emergency save, then a plain message."""

    def __init__(self, emergency_save: EmergencySave) -> None:
        self._emergency_save = emergency_save
        self._previous = sys.excepthook
        self._busy = False

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        text = "".join(traceback.format_exception(kind, exc, tb))
        print(text, file=sys.stderr)
        if self._busy or issubclass(kind, KeyboardInterrupt):
            return  # an error inside the handler itself: the traceback above is all we can do
        self._busy = True
        try:
            saved = None
            save_problem = ""
            try:
                saved = self._emergency_save()
            except Exception as save_exc:
                save_problem = f"\nThe emergency copy could not be written: {save_exc}"
            if saved is not None:
                kept = (
                    "Your unsaved work was saved to the recovery folder and will be "
                    f"offered when you start PMO Workbook again:\n{saved}"
                )
            else:
                kept = "There was no unsaved work to lose." + save_problem
            if QApplication.instance() is not None:
                dialogs.show_error(
                    QApplication.activeWindow(),
                    "Unexpected Error",
                    f"Something went wrong: {exc or kind.__name__}.\n\n{kept}\n\nYou can go "
                    "on working; saving your workbook now is a good idea.",
                    text,
                )
        finally:
            self._busy = False
