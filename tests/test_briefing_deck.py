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
    "Our mandate and decision rights",
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
    assert notes[3].startswith(
        "This slide lists the objectives and their status. 5 objectives: 3 not started and 2 on"
    )
    assert "Against last year, " in notes[5]
    # The heat map marks PO-1 × CS-1 strong, as the alignment says.
    heat = next(sh.table for sh in slides[4].shapes if sh.has_table)
    header = [c.text for c in heat.rows[0].cells]
    po1 = next(r for r in heat.rows if r.cells[0].text.startswith("PO-1 "))
    assert po1.cells[header.index("CS-1")].text == "●"
    # Its last row is the charter's support count (the retired PO-3's link not counted).
    assert [c.text for c in list(heat.rows)[-1].cells] == [
        "Supporting objectives",
        "1",
        "2",
        "2",
        "1",
        "0",
    ]


def test_who_we_are_says_each_statements_status_as_the_charter_does(later_sample) -> None:
    slide = list(_deck(later_sample).slides)[1]
    texts = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "Reaffirmed in this year's review." in texts
    assert "Revised in this year's review." in texts
    assert "New this year: there was none in FY2026; not yet adopted in this review." in texts
    assert "Revised this year" not in texts and "Same as last year" not in texts


def test_mandate_slide_in_the_charters_words_only_when_recorded(later_sample) -> None:
    slide = list(_deck(later_sample).slides)[2]
    texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
    governance = later_sample.governance
    assert any(t.startswith("Mandated by the executive committee") for t in texts)
    columns = {t.split("\n", 1)[0]: t for t in texts}
    for label, matters in (
        ("The office decides", governance.decides),
        ("It recommends; others decide", governance.recommends),
        ("It only reports", governance.reports),
    ):
        assert all(f"• {m}" in columns[label] for m in matters)
    assert "mandate" in slide.notes_slide.notes_text_frame.text
    bare = [s.shapes.title.text for s in _deck(new_workbook()).slides]
    assert "Our mandate and decision rights" not in bare and len(bare) == 8


def test_value_slide_states_the_currency_and_never_adds_kinds_silently(later_sample) -> None:
    wb = later_sample.model_copy(deep=True)
    wb.settings.currency = "CHF"
    slide = next(s for s in _deck(wb).slides if s.shapes.title.text == "Value claimed")
    texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
    assert "Value claimed, in CHF: 1,450,000 CHF in all, adding different kinds of value" in texts
    grid = next(sh.table for sh in slide.shapes if sh.has_table)
    rows = [[c.text for c in r.cells] for r in grid.rows]
    assert rows == [
        ["Category", "Objectives", "Amount (CHF)"],
        ["Time to market", "1", "250,000 CHF"],
        ["Benefits realised", "1", "1,200,000 CHF"],
        ["All categories added", "", "1,450,000 CHF"],
    ]
    assert any("Risk reduced (1 objective)" in t for t in texts), "claimed, not counted"


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
    assert len(deck.slides) == 9
    assert all(
        "Old content" not in (s.shapes.title.text if s.shapes.title else "") for s in deck.slides
    )


def test_a_template_that_is_no_presentation_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "notes.pptx"
    bad.write_text("not a presentation")
    with pytest.raises(TemplateError, match=r"notes\.pptx cannot be used"):
        build_briefing(new_workbook(), bad)
