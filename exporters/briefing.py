"""The briefing deck: native, editable PowerPoint slides for the executive meeting, with
speaker notes, built with python-pptx from strategy on a page's data.

`write_briefing(workbook, path, template=None)` builds the deck in memory (16:9 by default,
or on the organisation's own .pptx template: its slide size, masters and layouts) and
writes it atomically. A template that is not a usable PowerPoint file raises
`TemplateError`; a destination that cannot be written raises `SaveError`.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pptx import Presentation
from pptx.exc import PackageNotFoundError
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu, Inches, Pt

from exporters import briefing_slides as slides
from exporters.briefing_governance import TITLE as MANDATE_TITLE
from exporters.briefing_governance import has_mandate, mandate
from exporters.briefing_shapes import ACCENT, MUTED, Area, one_line, text_box
from exporters.text import xml_safe
from planning.atomic import atomic_write
from planning.errors import WorkbookError
from planning.model import Workbook
from planning.summary import Summary, summarise

WIDE = (Inches(13.333), Inches(7.5))
MARGIN = Inches(0.5)
TITLE_LAYOUT = ("Title Slide",)
CONTENT_LAYOUT = ("Title Only", "Title and Content")


class TemplateError(WorkbookError):
    """The organisation's template cannot be used for the deck."""


def _open(template: Path | None) -> tuple[Deck, bool]:
    if template is None:
        deck = Presentation()
        deck.slide_width, deck.slide_height = WIDE
        return deck, False
    try:
        deck = Presentation(str(template))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise TemplateError(
            f"The PowerPoint template {template.name} cannot be used: it is not a .pptx "
            "presentation PowerPoint can open."
        ) from exc
    # The template's own slides go; its masters, layouts and slide size stay.
    slide_ids = deck.slides._sldIdLst
    for slide_id in list(slide_ids):
        deck.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    return deck, True


def _layout(deck: Deck, names: tuple[str, ...]) -> SlideLayout:
    layouts = list(deck.slide_layouts)
    for name in names:
        for layout in layouts:
            if layout.name == name:
                return layout
    with_title = [
        layout
        for layout in layouts
        if any(p.placeholder_format.type in (1, 3) for p in layout.placeholders)
    ]
    return (with_title or layouts)[0]


def _title(slide: Slide, deck: Deck, text: str, from_template: bool) -> Area:
    """Sets the slide's title; returns the content area below it."""
    width, height = int(deck.slide_width or WIDE[0]), int(deck.slide_height or WIDE[1])
    title = slide.shapes.title
    if title is None:
        box = Area(MARGIN, Inches(0.3), width - 2 * MARGIN, Inches(0.9))
        text_box(slide, box, [(text, 30, True, ACCENT)])
        bottom = box.top + box.height
    else:
        if not from_template:
            # The default template's placeholders are laid out for 4:3; widen them.
            title.left, title.top = MARGIN, Inches(0.3)
            title.width, title.height = width - 2 * MARGIN, Inches(0.9)
        title.text_frame.text = text
        if not from_template:
            for paragraph in title.text_frame.paragraphs:
                paragraph.alignment = 1
                for run in paragraph.runs:
                    run.font.size, run.font.bold = Pt(30), True
                    run.font.color.rgb = ACCENT
        bottom = int(title.top or 0) + int(title.height or 0)
    # Body placeholders of the layout stay empty: remove them so no "Click to add text".
    for shape in list(slide.placeholders):
        if shape.placeholder_format.idx != 0:
            shape._element.getparent().remove(shape._element)
    top = bottom + Inches(0.2)
    return Area(MARGIN, top, width - 2 * MARGIN, max(Emu(Inches(1)), height - top - MARGIN))


def _notes(slide: Slide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = xml_safe(text)


def build_briefing(
    workbook: Workbook, template: str | os.PathLike[str] | None = None
) -> tuple[bytes, list[str]]:
    """The deck as .pptx bytes, and notes for the user."""
    deck, from_template = _open(Path(template) if template is not None else None)
    summary = summarise(workbook)
    _title_slide(deck, summary, from_template)
    content = _layout(deck, CONTENT_LAYOUT)
    pages: list[tuple[str, Callable[[Slide, Area], str]]] = [
        ("Who we are and why", lambda s, a: slides.who_we_are(s, a, summary)),
    ]
    if has_mandate(summary):
        pages.append((MANDATE_TITLE, lambda s, a: mandate(s, a, summary)))
    pages += [
        ("Objectives and their status", lambda s, a: slides.objectives(s, a, summary)),
        (
            "Alignment with company strategy",
            lambda s, a: slides.alignment(s, a, summary, workbook),
        ),
        ("Health check against last year", lambda s, a: slides.health(s, a, summary)),
        ("Value claimed", lambda s, a: slides.value(s, a, summary)),
        ("What we will not do", lambda s, a: slides.not_doing(s, a, summary)),
        ("Decisions and next steps", lambda s, a: slides.decisions(s, a, summary)),
    ]
    for heading, fill in pages:
        slide = deck.slides.add_slide(content)
        area = _title(slide, deck, heading, from_template)
        _notes(slide, fill(slide, area))
    _properties(deck, summary)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue(), []


def _title_slide(deck: Deck, summary: Summary, from_template: bool) -> None:
    slide = deck.slides.add_slide(_layout(deck, TITLE_LAYOUT))
    area = _title(slide, deck, one_line(summary.office_name, 90), from_template)
    if not from_template and slide.shapes.title is not None:
        title = slide.shapes.title
        title.top, title.height = Inches(2.2), Inches(1.6)
        area = Area(area.left, Inches(4.0), area.width, Inches(2))
    subtitle = " · ".join(x for x in (summary.organisation, summary.fiscal_year) if x)
    text_box(
        slide,
        area.top_part(Inches(1.6)),
        [
            (one_line(f"Briefing · {subtitle}" if subtitle else "Briefing", 160), 20, False, MUTED),
            (one_line(summary.office_kind, 80), 16, False, MUTED),
        ],
    )
    _notes(
        slide,
        f"The {summary.office_name}'s briefing"
        + (f" for {summary.fiscal_year}" if summary.fiscal_year else "")
        + ": who we are and why, "
        + ("our mandate and decision rights, " if has_mandate(summary) else "")
        + "our objectives and their status, how they serve the company's "
        "strategy, our health against last year, the value we claim, what we will not do, "
        "and the decisions and next steps.",
    )


def _properties(deck: Deck, summary: Summary) -> None:
    core = deck.core_properties
    core.title = one_line(f"{summary.office_name} briefing {summary.fiscal_year}", 250)
    core.subject = one_line(f"Strategy on a page of the {summary.office_name}", 250)
    core.author = "PMO Workbook"
    core.last_modified_by = "PMO Workbook"
    core.comments = "Exported by PMO Workbook."
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    core.created = core.modified = now
    core.revision = 1


def write_briefing(
    workbook: Workbook,
    path: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
) -> list[str]:
    """Write the briefing deck of `workbook` to `path`; returns notes for the user."""
    data, notes = build_briefing(workbook, template)
    atomic_write(path, data)
    return notes
