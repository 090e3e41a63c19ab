"""Every export format in one list: the command line's flags, the app's export jobs and the
self-test all take it from here.

Each writer is named by "module:function" and imported only when that format is asked for,
so `pmo-workbook export --xlsx` never loads python-pptx or Qt. The one-page PDF paints the
summary layout with Qt, so its writer lives in `ui/summary/` (docs/SUMMARY.md); naming it by
string keeps this package free of Qt imports.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from planning.model import Workbook


@dataclass(frozen=True)
class ExportFormat:
    key: str
    """The command line's flag without dashes, and the file suffix without the dot."""
    title: str
    """As it reads mid-sentence: "Excel tracker", "one-page summary"."""
    writer: str
    """"module:function" of a `function(workbook, path, **options) -> list[str]` (notes)."""
    needs_qt: bool = False


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("xlsx", "Excel tracker", "exporters.tracker:write_tracker"),
    ExportFormat("docx", "Word charter", "exporters.charter:write_charter"),
    ExportFormat("pdf", "one-page summary", "ui.summary.pdf:write_summary_pdf", needs_qt=True),
    ExportFormat("pptx", "briefing deck", "exporters.briefing:write_briefing"),
)
FORMATS = {f.key: f for f in EXPORT_FORMATS}


def writer_of(key: str) -> Callable[..., list[str]]:
    module_name, function_name = FORMATS[key].writer.split(":")
    function: Callable[..., list[str]] = getattr(
        importlib.import_module(module_name), function_name
    )
    return function


def write_export(
    key: str, workbook: Workbook, path: str | os.PathLike[str], **options: Any
) -> list[str]:
    """Writes `workbook` in the format `key` to `path`; options left as None are not
    passed, so each writer keeps its own defaults. Returns notes for the user."""
    given = {name: value for name, value in options.items() if value is not None}
    return list(writer_of(key)(workbook, path, **given))
