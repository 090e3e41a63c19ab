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
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from docx.document import Document as DocxDocument

from exporters import (
    charter_alignment,
    charter_appendix,
    charter_objectives,
    charter_plan,
    charter_sections,
    charter_summary,
    charter_xmatrix,
)
from exporters.charter_fields import (
    request_field_update,
    set_compatibility,
    set_properties,
    write_header_footer,
)
from exporters.charter_template import (
    TemplateError,
    accent_colour,
    ensure_styles,
    open_template,
    text_width_twips,
)
from exporters.charter_writer import CharterWriter
from planning.atomic import atomic_write
from planning.model import Workbook

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
Section = Callable[[CharterWriter, Workbook], None]

# The charter, in reading order: add a section by adding its function here.
SECTIONS: tuple[Section, ...] = (
    charter_sections.title_page,
    charter_summary.executive_summary,
    charter_sections.document_control,
    charter_sections.contents,
    charter_sections.purpose,
    charter_sections.office_section,
    charter_sections.mission_and_vision,
    charter_sections.constituents,
    charter_objectives.objectives,
    charter_alignment.alignment,
    charter_plan.office_strategy,
    charter_plan.not_doing,
    charter_plan.governance,
    charter_plan.communication,
    charter_plan.health,
    charter_xmatrix.xmatrix_appendix,
    charter_appendix.what_changed,
    charter_appendix.workshop_record,
    charter_objectives.objectives_annex,
)

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
    _drop_styles_with_effects(document)
    style_ids, notes = ensure_styles(document)
    writer = CharterWriter(
        document,
        style_ids,
        text_width_twips(document),
        accent=accent_colour(document),
        issued=charter_sections.issue_date(workbook, today),
    )
    for section in SECTIONS:
        section(writer, workbook)
    writer.finish()

    write_header_footer(document, style_ids, workbook)
    request_field_update(document)
    set_compatibility(document)
    set_properties(document, workbook, moment)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), notes


def _drop_styles_with_effects(document: DocxDocument) -> None:
    """python-docx's blank document (and so older templates) carry Word 2010's
    stylesWithEffects part: a stale copy of the styles that nothing reads any more."""
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            part.drop_rel(rel_id)
            part.rels.pop(rel_id, None)


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
