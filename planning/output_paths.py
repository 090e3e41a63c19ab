"""Where a command may write: never over one of its own inputs, never over a workbook that
a running app holds under a live lock, unless the user says `--force`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from planning import lockfile
from planning.errors import WorkbookError
from planning.paths import same_file


class OutputRefusedError(WorkbookError):
    """A command would write over one of its inputs or over a workbook someone holds."""


def check_output(
    output: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str] | None],
    *,
    force: bool = False,
    option: str = "the output",
) -> list[str]:
    """Refuse (OutputRefusedError, one line) an `output` that is one of `inputs`, or that a
    running app holds under a live lock, unless `force`. `option` names the argument.
    Returns notes for the user (an unreadable lock file, ignored)."""
    if force:
        return []
    name = Path(output).name
    for source in inputs:
        if source is not None and same_file(output, source):
            raise OutputRefusedError(
                f"{option} {name} is one of the command's inputs; it is not overwritten "
                "(give another file, or --force)."
            )
    holder = lockfile.live_lock(Path(output))
    if holder is not None:
        raise OutputRefusedError(
            f"{name} is open by {holder.describe()}; close it there first (or give --force)."
        )
    problem = lockfile.lock_problem(Path(output))
    return [problem] if problem else []
