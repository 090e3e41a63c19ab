"""The Word charter: the document an executive reads and signs.

`write_charter(workbook, path, template=None)` builds the charter in memory on the shipped
template or the organisation's own .docx/.dotx, and writes it atomically. It returns notes
for the user (styles the template lacked). A template that is not a usable Word document
raises `TemplateError`; a destination that cannot be written raises `SaveError`, and the
previous file there is left as it was.
"""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from pathlib import Path

from exporters import charter_appendix, charter_plan, charter_sections, charter_xmatrix
from exporters.charter_fields import request_field_update, set_properties, write_header_footer
from exporters.charter_template import (
    TemplateError,
    ensure_styles,
    open_template,
    text_width_twips,
)
from exporters.charter_writer import CharterWriter
from planning.atomic import atomic_write
from planning.model import Workbook

__all__ = ["TemplateError", "build_charter", "write_charter"]


def build_charter(
    workbook: Workbook,
    template: str | os.PathLike[str] | None = None,
    *,
    now: datetime | None = None,
) -> tuple[bytes, list[str]]:
    """The charter as .docx bytes, and the notes for the user."""
    moment = now or datetime.now(UTC)
    today = moment.date()
    document = open_template(Path(template) if template is not None else None)
    style_ids, notes = ensure_styles(document)
    writer = CharterWriter(document, style_ids, text_width_twips(document))
    issued = charter_sections.issue_date(workbook, today)

    charter_sections.title_page(writer, workbook, issued)
    charter_sections.document_control(writer, workbook, issued)
    charter_sections.contents(writer)
    charter_sections.purpose(writer, workbook)
    charter_sections.office_section(writer, workbook)
    charter_sections.mission_and_vision(writer, workbook)
    charter_sections.constituents(writer, workbook)
    charter_plan.objectives(writer, workbook)
    charter_plan.alignment(writer, workbook)
    charter_plan.office_strategy(writer, workbook)
    charter_plan.not_doing(writer, workbook)
    charter_plan.governance(writer, workbook)
    charter_plan.communication(writer, workbook)
    charter_plan.health(writer, workbook)
    charter_xmatrix.xmatrix_appendix(writer, workbook)
    charter_appendix.what_changed(writer, workbook)
    charter_appendix.workshop_record(writer, workbook)
    writer.finish()

    write_header_footer(document, style_ids, workbook)
    request_field_update(document)
    set_properties(document, workbook, moment)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), notes


def write_charter(
    workbook: Workbook,
    path: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
    *,
    now: datetime | None = None,
) -> list[str]:
    """Write the charter of `workbook` to `path`; returns notes for the user."""
    data, notes = build_charter(workbook, template, now=now)
    atomic_write(path, data)
    return notes
