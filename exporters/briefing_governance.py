"""The briefing deck's mandate slide: what the office is mandated to do and its decision
rights (what it decides, what it recommends for others to decide, what it only reports), in
the charter's words. The deck shows it only when the workbook records a mandate or a
decision right, so a workbook without governance gets no empty slide.
"""

from __future__ import annotations

from pptx.slide import Slide
from pptx.util import Inches

from exporters.briefing_shapes import ACCENT, INK, MUTED, Area, fit, one_line, text_box
from planning.summary import Summary

TITLE = "Our mandate and decision rights"
MANDATE_CHARACTERS = 400
MATTERS = 6
MATTER_CHARACTERS = 110


def has_mandate(summary: Summary) -> bool:
    return bool(summary.mandate or summary.decision_rights)


def mandate(slide: Slide, area: Area, summary: Summary) -> str:
    """The mandate across the top, the three decision rights as columns below."""
    top = Inches(0.0)
    notes = [f"This slide says what the {summary.office_name} is mandated to do and decide."]
    if summary.mandate:
        text_box(
            slide,
            area.top_part(Inches(1.3)),
            [(fit(summary.mandate, MANDATE_CHARACTERS), 18, False, INK)],
        )
        top = Inches(1.5)
        notes.append(f"Mandate: {fit(summary.mandate, 300)}")
    if not summary.decision_rights:
        text_box(
            slide,
            area.below(top).top_part(Inches(0.6)),
            [("Decision rights are not recorded yet.", 16, False, MUTED)],
        )
        return " ".join([*notes, "Its decision rights are not recorded yet."])
    for column, (label, matters) in zip(
        area.below(top).columns(3), summary.decision_rights, strict=True
    ):
        paragraphs = [(label, 18, True, ACCENT)]
        shown = [one_line(m, MATTER_CHARACTERS) for m in matters[:MATTERS]]
        paragraphs += [(f"• {m}", 14, False, INK) for m in shown]
        if not matters:
            paragraphs.append(("Nothing listed.", 14, False, MUTED))
        if len(matters) > MATTERS:
            paragraphs.append(
                (f"… and {len(matters) - MATTERS} more (see the charter)", 12, False, MUTED)
            )
        text_box(slide, column, paragraphs)
        notes.append(f"{label}: {'; '.join(shown) or 'nothing listed'}.")
    return " ".join(notes)
