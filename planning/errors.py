"""Typed errors whose message a PMO leader can read as it is (one line, no traceback)."""

from __future__ import annotations


class WorkbookError(Exception):
    """Base of every error the domain reports to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WorkbookFileError(WorkbookError):
    """A workbook file that cannot be opened: it is refused and never overwritten."""


class NotAWorkbookError(WorkbookFileError):
    """Not JSON, or JSON of another format."""


class DamagedWorkbookError(WorkbookFileError):
    """Truncated, or values of the wrong type."""


class NewerVersionError(WorkbookFileError):
    """Written by a newer version of PMO Workbook."""


class SaveError(WorkbookError):
    """Writing a file failed; the previous file at the destination is untouched."""
