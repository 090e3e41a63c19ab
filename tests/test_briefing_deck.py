"""The briefing deck: native tables and charts on 16:9, speaker notes that say what each
slide shows, the organisation's template, and hostile text that never breaks a slide."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from exporters.briefing import TemplateError, build_briefing
from planning.model import NotDoing, Objective, new_workbook
from planning.summary import summarise

TITLES = [
    "Who we are and why",
    "Objectives and their status",
    "Alignment with company strategy",
    "Health check against last year",
    "Value claimed",
    "What we will not do",
    "Decisions and next steps",
]


def _deck(workbook, template=None):
    data, notes = build_briefing(workbook, template)
    assert notes == []
    return Presentation(io.BytesIO(data))


def test_sample_deck_is_16_9_with_native_tables_charts_and_notes(later_sample) -> None:
    deck = _deck(later_sample)
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    slides = list(deck.slides)
    assert [s.shapes.title.text for s in slides[1:]] == TITLES
    assert slides[0].shapes.title.text == "Northwind Freight Portfolio Management Office"
    tables = [s for s in slides if any(sh.has_table for sh in s.shapes)]
    charts = [s for s in slides if any(sh.has_chart for sh in s.shapes)]
    assert [s.shapes.title.text for s in tables] == [
        "Objectives and their status",
        "Alignment with company strategy",
        "Value claimed",
    ]
    assert [s.shapes.title.text for s in charts] == [
        "Health check against last year",
        "Value claimed",
    ]
    health = next(sh.chart for sh in charts[0].shapes if sh.has_chart)
    series = {p.name: list(p.values) for p in health.plots[0].series}
    by_complaint = summarise(later_sample).health
    assert series["This year"] == [h.this_year for h in by_complaint]
    assert series["Last year"] == [h.last_year for h in by_complaint]
    notes = [s.notes_slide.notes_text_frame.text for s in slides]
    assert notes[2].startswith("This slide lists the objectives and their status. 5 active")
    assert "Against last year, " in notes[4]
    # The heat map marks PO-1 × CS-1 strong, as the alignment says.
    heat = next(sh.table for sh in slides[3].shapes if sh.has_table)
    header = [c.text for c in heat.rows[0].cells]
    po1 = next(r for r in heat.rows if r.cells[0].text.startswith("PO-1 "))
    assert po1.cells[header.index("CS-1")].text == "●"


def test_hostile_text_is_cut_and_stays_text() -> None:
    wb = new_workbook('=HYPERLINK("http://x")', "FY\x07")
    wb.office.full_name = "مكتب 🚀 " + "x" * 40_000
    wb.mission.text = "=SUM(A1)\x00" + " word" * 8000
    wb.objectives = [Objective(code="=1+1", title="@cmd " * 9000, owner="\u202eevil")]
    wb.not_doing = [NotDoing(item="-" + "y" * 40_000)]
    deck = _deck(wb)
    texts = [
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    cells = [
        c.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for c in row.cells
    ]
    assert max(len(t) for t in texts + cells) < 1000, "nothing runs off a slide"
    assert any("\n=SUM(A1)\ufffd word word" in t and t.endswith("…") for t in texts)
    assert "=1+1" in cells
    assert any(t.startswith("مكتب 🚀 x") and t.endswith("…") for t in texts)


def test_organisation_template_keeps_its_size_and_drops_its_slides(
    tmp_path: Path, later_sample
) -> None:
    template = Presentation()
    template.slide_width, template.slide_height = Inches(10), Inches(7.5)
    template.slides.add_slide(template.slide_layouts[0]).shapes.title.text = "Old content"
    path = tmp_path / "house.pptx"
    template.save(str(path))
    deck = _deck(later_sample, path)
    assert (deck.slide_width, deck.slide_height) == (Inches(10), Inches(7.5))
    assert len(deck.slides) == 8
    assert all(
        "Old content" not in (s.shapes.title.text if s.shapes.title else "") for s in deck.slides
    )


def test_a_template_that_is_no_presentation_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "notes.pptx"
    bad.write_text("not a presentation")
    with pytest.raises(TemplateError, match=r"notes\.pptx cannot be used"):
        build_briefing(new_workbook(), bad)
