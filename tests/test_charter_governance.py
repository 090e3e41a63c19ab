"""The charter's Governance section, its "What this year's plan does about it" and the
appendix's governance comparison, read back from the document."""

from __future__ import annotations

import pytest
from clean_workbook import clean_workbook
from conftest import FIRST_SAMPLE, LATER_SAMPLE
from docx.table import Table
from test_charter_support import body_text, charter_document, headings

from planning.enums import Complaint
from planning.fileformat import load_workbook
from planning.governance import Governance


@pytest.fixture(scope="module")
def later():
    workbook = load_workbook(LATER_SAMPLE)
    return workbook, charter_document(workbook)[0]


def _table_after(document, heading_text: str, header: str) -> Table:
    """The first table whose first header cell is `header`, after the heading (the heading
    itself, not its line in the table of contents)."""
    seen = False
    for item in document.iter_inner_content():
        if not seen:
            style = getattr(getattr(item, "style", None), "name", "") or ""
            seen = style.startswith("Heading") and item.text == heading_text
            continue
        if isinstance(item, Table) and item.rows[0].cells[0].text == header:
            return item
    raise AssertionError(f"no {header!r} table after {heading_text!r}")


def _rows(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_governance_section_shows_mandate_rights_raci_resources_reporting(later) -> None:
    workbook, document = later
    level2 = headings(document, 2)
    start = level2.index("Mandate and decision rights")
    assert level2[start : start + 5] == [
        "Mandate and decision rights",
        "Roles and responsibilities",
        "Resources",
        "Reporting and escalation",
        "Review cadence",
    ]
    text = body_text(document)
    assert workbook.governance.mandate in text
    rights = _rows(_table_after(document, "Mandate and decision rights", "Decision right"))
    assert rights[1] == [
        "The office decides",
        "The portfolio's prioritisation and scoring criteria; Portfolio review calendar",
    ]
    raci = _rows(_table_after(document, "Roles and responsibilities", "Service"))
    assert raci[0] == [
        "Service",
        "Sponsor",
        "Steering group",
        "Office leader",
        "Office staff",
        "Delivery managers",
        "Objective owners",
    ]
    assert raci[1] == ["Portfolio prioritisation", "C", "A", "R", "R", "", "I"]
    holders = _rows(_table_after(document, "Roles and responsibilities", "Role"))
    assert ["Sponsor", "Daniel Mensah, Chief Executive Officer"] in holders
    assert "The office has 3.5 full-time equivalents:" in text
    assert "Yearly budget: 480,000 EUR: Staff and the portfolio dashboard" in text
    reports = _rows(_table_after(document, "Reporting and escalation", "Report"))
    assert reports[1] == [
        "Portfolio health and decisions needed",
        "Executive committee",
        "Review meeting",
        "Quarterly",
    ]
    escalation = _rows(_table_after(document, "Reporting and escalation", "Level"))
    assert [r[1] for r in escalation[1:]] == ["Office leader", "Steering group", "Sponsor"]


def test_health_section_says_what_the_plan_does_about_each_low_complaint(later) -> None:
    _workbook, document = later
    table = _rows(_table_after(document, "What this year's plan does about it", "Complaint"))
    assert table[0] == ["Complaint", "Addressed by", "Not yet addressed"]
    rows = {r[0]: r[1:] for r in table[1:]}
    value = rows["No demonstrated, quantifiable value (2/5)"]
    assert value == [
        "a message that reports the value delivered",
        "objectives with a quantified value (3 objectives without one)",
    ]
    understood = rows["The business doesn't understand the office (2/5)"]
    assert understood[1] == "Nothing: every part is in place."
    assert len(rows) == 2  # only the complaints rated 1 or 2


def test_no_low_complaint_and_no_governance_are_said_plainly() -> None:
    workbook = clean_workbook()
    workbook.governance = Governance()
    document = charter_document(workbook)[0]
    text = body_text(document)
    assert "No complaint is rated 1 or 2 this year." in text
    assert "not recorded yet" in text
    workbook.health_rating(Complaint.LACK_OF_FOCUS).score = 1
    text = body_text(charter_document(workbook)[0])
    assert "Lack of focus (1/5)" in text and "a not-doing list" in text


def test_appendix_compares_governance_with_last_year(later) -> None:
    _workbook, document = later
    text = body_text(document)
    appendix = text[text.rindex("Appendix: what changed since last year") :]
    part = appendix[appendix.index("\nGovernance\n") : appendix.index("\nObjectives\n")]
    assert "Sponsor: Hana Sato, Chief Operating Officer → Daniel Mensah" in part
    assert "Yearly budget: 650,000 EUR → 480,000 EUR." in part
    assert "The office decides, now also: “The portfolio's prioritisation" in part
    # The mandate was rewritten: last year's and this year's, one after the other.
    assert "\nMandate\nFY2026: Mandated by the sponsor to set how projects" in part
    assert "\nNow: Mandated by the executive committee to keep" in part


def test_first_year_appendix_and_an_unrecorded_last_year() -> None:
    first = load_workbook(FIRST_SAMPLE)
    assert "Governance was not recorded" not in body_text(charter_document(first)[0])
    later = load_workbook(LATER_SAMPLE)
    later.history[-1].governance = None  # a year recorded before version 3
    text = body_text(charter_document(later)[0])
    assert "Governance was not recorded in FY2026." in text


def test_objectives_table_says_the_direction_of_each_target() -> None:
    from exporters.charter_words import baseline_to_target
    from planning.enums import Direction
    from planning.model import Objective

    def aim(**fields) -> str:
        return baseline_to_target(Objective(baseline=40, target=20, unit="%", **fields))

    assert aim(direction=Direction.DOWN) == "40% → 20%"
    assert aim(direction=Direction.RANGE, target_max=30) == "40% → 20–30%"
    assert aim(direction=Direction.AT_LEAST) == "40% → at least 20%"
    assert aim(direction=Direction.AT_MOST) == "40% → at most 20%"
