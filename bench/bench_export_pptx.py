"""export-pptx: the briefing deck of the generated 500-objective workbook, against
python-pptx building a deck with the same slides, text boxes, tables (same shape, same cell
texts) and charts (same categories and values) in the same run."""

from __future__ import annotations

import io

from generate import generate_workbook
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.util import Inches
from run import best_of

from exporters.briefing import build_briefing

NAME = "export-pptx"
TARGET = 2.0
REPEAT = 7


def deck_content(data: bytes) -> list[dict[str, list]]:
    """Each slide's text boxes, tables (rows of cell texts) and charts (type, categories,
    series), read back from the deck."""
    slides = []
    for slide in Presentation(io.BytesIO(data)).slides:
        content: dict[str, list] = {"texts": [], "tables": [], "charts": []}
        for shape in slide.shapes:
            if shape.has_text_frame:
                content["texts"].append(shape.text_frame.text)
            elif shape.has_table:
                content["tables"].append(
                    [[cell.text for cell in row.cells] for row in shape.table.rows]
                )
            elif shape.has_chart:
                plot = shape.chart.plots[0]
                content["charts"].append(
                    (
                        shape.chart.chart_type,
                        list(plot.categories),
                        [(s.name, list(s.values)) for s in plot.series],
                    )
                )
        slides.append(content)
    return slides


def plain_python_pptx(slides: list[dict[str, list]]) -> bytes:
    """The baseline: python-pptx's own API, blank slides, one shape per shape of ours."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    blank = deck.slide_layouts[6]
    for content in slides:
        slide = deck.slides.add_slide(blank)
        for text in content["texts"]:
            slide.shapes.add_textbox(
                Inches(0.5), Inches(0.5), Inches(12), Inches(1)
            ).text_frame.text = text
        for rows in content["tables"]:
            table = slide.shapes.add_table(
                len(rows), len(rows[0]), Inches(0.5), Inches(1.5), Inches(12), Inches(5)
            ).table
            for row, values in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
        for chart_type, categories, series in content["charts"]:
            data = CategoryChartData()
            data.categories = categories
            for name, values in series:
                data.add_series(name, values)
            slide.shapes.add_chart(
                chart_type, Inches(0.5), Inches(1.5), Inches(12), Inches(5), data
            )
        slide.notes_slide.notes_text_frame.text = "notes"
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def measure() -> tuple[float, dict[str, object]]:
    workbook = generate_workbook()
    data, _ = build_briefing(workbook)
    slides = deck_content(data)
    # Interleaved, so a busy moment of the machine falls on both sides alike.
    baseline = ours = float("inf")
    for _ in range(REPEAT):
        baseline = min(baseline, best_of(lambda: plain_python_pptx(slides), 1))
        ours = min(ours, best_of(lambda: build_briefing(workbook), 1))
    return ours / baseline, {
        "slides": len(slides),
        "table_cells": sum(len(r) for s in slides for t in s["tables"] for r in t),
        "charts": sum(len(s["charts"]) for s in slides),
        "deck_bytes": len(data),
        "python_pptx_deck_s": baseline,
        "briefing_s": ours,
    }
