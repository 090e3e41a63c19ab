"""The charter's X-matrix page: the grid's marks are the workbook's alignment strengths and
strategy links; a matrix too big for a page is summarised; the checks close the page."""

from __future__ import annotations

from test_charter_support import charter_document, headings

from planning.model import AlignmentLink, Objective, StrategicObjective, new_workbook
from planning.xmatrix import strategic_label

MARKS = {"strong": "●", "medium": "○", "weak": "△"}


def _grid(document):
    table = next(
        t for t in document.tables if any(c.text == "X-matrix" for r in t.rows for c in r.cells)
    )
    rows = [[c.text for c in row.cells] for row in table.rows]
    centre_row = next(i for i, r in enumerate(rows) if "X-matrix" in r)
    centre_col = rows[centre_row].index("X-matrix")
    return rows, centre_row, centre_col


def test_south_west_of_the_page_is_the_alignment(later_sample) -> None:
    document, _data, _notes = charter_document(later_sample)
    assert "Appendix: the X-matrix" in headings(document, 1)
    rows, centre_row, centre_col = _grid(document)
    column = {code: i for i, code in enumerate(rows[centre_row][:centre_col])}
    row = {r[centre_col]: i for i, r in enumerate(rows) if i > centre_row}
    active = {o.id: o for o in later_sample.active_objectives()}
    strategy = {s.id: s for s in later_sample.strategy}
    expected = {}
    for link in later_sample.alignment:
        objective = active.get(link.objective_id)
        strategic = strategy.get(link.strategic_id)
        if objective and strategic:
            expected[(row[strategic_label(strategic)], column[objective.code])] = MARKS[
                link.strength.value
            ]
    found = {
        (r, c): rows[r][c]
        for r in range(centre_row + 1, len(rows))
        for c in range(centre_col)
        if rows[r][c]
    }
    assert found == expected
    # Owners' initials head the far-east columns; the checks follow.
    assert rows[centre_row][-3:] == ["AO", "JW", "RP"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Measure of PO-4 (Closed projects with a benefits review) has no owner." in text


def test_large_matrix_is_summarised_and_empty_one_explained() -> None:
    wb = new_workbook()
    wb.strategy = [StrategicObjective(code="CS-1")]
    wb.objectives = [Objective(code=f"O-{i}", measure="m", owner="Ann") for i in range(11)]
    wb.alignment = [
        AlignmentLink(objective_id=o.id, strategic_id=wb.strategy[0].id) for o in wb.objectives
    ]
    document, _data, _notes = charter_document(wb)
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        "The X-matrix has 11 office objectives, 0 priorities, 11 measures and 1 company "
        "strategic objective" in text
    )
    assert not any(c.text == "X-matrix" for t in document.tables for r in t.rows for c in r.cells)
    empty, _d, _n = charter_document(new_workbook())
    assert "it fills in as the review records them" in "\n".join(p.text for p in empty.paragraphs)
