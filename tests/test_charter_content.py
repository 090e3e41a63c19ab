"""The charter's content, read back with python-docx and, independently, docx2python."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pytest
from conftest import FIRST_SAMPLE, LATER_SAMPLE
from docx.document import Document as DocxDocument
from docx2python import docx2python
from test_charter_support import (
    body_text,
    charter_document,
    generated_text,
    headings,
    iter_paragraphs,
    part_names,
    user_strings,
    xml_part,
)

from exporters.charter_styles import PARAGRAPH_STYLES, TABLE_STYLES
from exporters.charter_template import ensure_styles, open_template
from planning.enums import OfficeKind
from planning.fileformat import load_workbook
from planning.model import Workbook
from planning.statements import uses_bare_acronym

EXPECTED_HEADINGS = [
    "Executive summary",
    "Document control",
    "Purpose",
    "Office kind and scope",
    "Mission",
    "Vision",
    "Constituents",
    "Objectives",
    "Alignment with company strategy",
    "Office strategy",
    "Not-doing list",
    "Governance and review cadence",
    "Communication plan",
    "Health-check baseline",
    "Appendix: the X-matrix",
    "Appendix: what changed since last year",
]


@pytest.fixture(scope="module")
def later() -> Workbook:
    return load_workbook(LATER_SAMPLE)


@pytest.fixture(scope="module")
def built(later: Workbook) -> tuple[DocxDocument, bytes, list[str]]:
    return charter_document(later)


@pytest.fixture(scope="module")
def text(built: tuple[DocxDocument, bytes, list[str]]) -> str:
    return body_text(built[0])


@pytest.fixture(scope="module")
def d2p_text(built: tuple[DocxDocument, bytes, list[str]]) -> str:
    with docx2python(io.BytesIO(built[1])) as content:
        return str(content.text)


def test_default_template_defines_every_style_the_charter_uses() -> None:
    document = open_template(None)
    ids, notes = ensure_styles(document)
    assert notes == []
    assert set(ids) == set(PARAGRAPH_STYLES) | set(TABLE_STYLES)
    assert document.element.body.getchildren()[-1].tag.endswith("sectPr")


def test_headings_come_in_order(built: tuple[DocxDocument, bytes, list[str]]) -> None:
    document, _, notes = built
    assert notes == []
    assert headings(document, 1) == EXPECTED_HEADINGS
    level2 = headings(document, 2)
    assert level2[:3] == ["Approvals", "What the office oversees", "Change of kind"]
    # Office strategy in its order: services, processes, people, tools.
    start = level2.index("Services")
    assert level2[start : start + 4] == ["Services", "Processes", "People", "Tools"]


@pytest.mark.parametrize("reader", ["python-docx", "docx2python"])
def test_every_statement_objective_strategy_constituent_and_approval_appears(
    later: Workbook, text: str, d2p_text: str, reader: str
) -> None:
    found = text if reader == "python-docx" else d2p_text
    for statement in (later.purpose, later.mission, later.vision):
        assert statement.text in found
        if statement.rationale:
            assert statement.rationale in found
    for objective in later.objectives:
        assert objective.code in found and objective.title in found
    for strategic in later.strategy:
        assert strategic.code in found and strategic.title in found and strategic.owner in found
    for constituent in later.constituents:
        assert constituent.name in found and constituent.needs in found
        assert constituent.goals in found
    for approval in later.approvals:
        assert approval.name in found and approval.role in found
    for item in later.office_strategy:
        assert item.title in found
    for item in later.not_doing:
        assert item.item in found and item.reason in found
    for item in later.communication:
        assert item.audience in found and item.message in found


def test_title_page_names_the_office_year_version_date_and_author(text: str) -> None:
    title_page = text.split("Document control")[0]
    for expected in (
        "Northwind Freight",
        "Northwind Freight Portfolio Management Office",
        "Charter for fiscal year FY2027",
        "Version\n2.0",
        "Date\n26 November 2026",
        "Prepared by\nAmara Okafor",
        "Classification\nInternal",
        "Awaiting approval (1 of 2 decided)",
    ):
        assert expected in title_page


def test_approvals_table_has_name_role_decision_signature_date(
    built: tuple[DocxDocument, bytes, list[str]],
) -> None:
    document = built[0]
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Name")
    assert [c.text for c in table.rows[0].cells] == [
        "Name",
        "Role",
        "Decision",
        "Signature",
        "Date",
    ]
    assert [c.text for c in table.rows[2].cells] == [
        "Hana Sato",
        "Chief Operating Officer",
        "Approved",
        "\n",
        "26 November 2026",
    ]
    assert table.rows[1].cells[2].text == "Pending" and table.rows[1].cells[4].text == ""


def test_objectives_table_rows(built: tuple[DocxDocument, bytes, list[str]]) -> None:
    document = built[0]
    table = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Code"
        and t.rows[0].cells[1].text == "Objective"
        and t.rows[0].cells[2].text == "Measure"
    )
    header = [c.text for c in table.rows[0].cells]
    assert header == [
        "Code",
        "Objective",
        "Measure",
        "Baseline → target",
        "Due",
        "Owner",
        "Serves",
        "Value",
    ]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    # Retired (PO-3) and achieved (PO-2) objectives are not commitments for this year.
    assert sorted(rows) == ["PF-1", "PF-2", "PF-3", "PO-1", "PO-4"]
    assert rows["PO-1"][3:-1] == [
        "68% → 80%",
        "31 Dec 2027",
        "Jonas Weber",
        "Operations division, Executive committee",
    ]
    # The amount states its currency (the workbook's, or the locale's).
    assert re.fullmatch(r"Time to market: 250,000( [A-Z]{3})?", rows["PO-1"][-1])
    assert rows["PF-2"][3] == "3 → 3 routes"
    assert rows["PF-3"][3] == "—"


def test_alignment_matrix_marks_and_gaps_in_words(
    built: tuple[DocxDocument, bytes, list[str]], text: str
) -> None:
    document = built[0]
    matrix = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Office objective" and len(t.columns) > 3
    )
    header = [c.text for c in matrix.rows[0].cells]
    assert header == ["Office objective", "CS-1", "CS-2", "CS-3", "CS-4", "CS-5", "Total"]
    pf1 = next(r for r in matrix.rows if r.cells[0].text.startswith("PF-1"))
    assert [c.text for c in pf1.cells[1:]] == ["", "●●", "●●●", "", "", "5"]
    shading = pf1.cells[3]._tc.xpath("./w:tcPr/w:shd/@w:fill")
    assert shading == ["2E75B6"]
    assert [c.text for c in matrix.rows[-1].cells] == ["Support", "3", "3", "5", "3", "0", ""]
    assert "support 4 of 5 company strategic objectives (80%)" in text
    assert "1 company strategic objective is supported by no office objective" in text
    assert "1 office objective supports no company strategic objective" in text


def test_kind_change_answers_and_the_unanswered_one(text: str) -> None:
    assert (
        "Last year the office was a Project Management Office; this year it is a "
        "Portfolio Management Office."
    ) in text
    assert "Two portfolio analysts to hire" in text
    assert "Tools\nNot answered yet." in text


def test_governance_states_the_review_cadence(text: str) -> None:
    section = text.rsplit("Governance and review cadence", 1)[1].rsplit("Communication plan", 1)[0]
    assert "Mission and vision are reviewed regularly" in section
    assert "every annual planning cycle" in section
    assert "every quarter" in section.lower()
    assert "The review took place on 24–25 November 2026, facilitated by Amara Okafor." in section
    assert "2 executives of 6 participants took part" in section


def test_appendix_compares_statements_word_by_word(
    built: tuple[DocxDocument, bytes, list[str]],
) -> None:
    document = built[0]
    paragraph = next(p for p in document.paragraphs if p.text.startswith("The PMO"))
    struck = "".join(r.text for r in paragraph.runs if r.font.strike)
    added = "".join(r.text for r in paragraph.runs if r.font.underline)
    kept = "".join(r.text for r in paragraph.runs if not r.font.strike and not r.font.underline)
    assert "PMO" in struck and "stage gates" in struck
    assert "Portfolio" in added and "executive committee" in added
    assert "PMO" not in added and "stage gates" not in kept
    assert all(str(r.font.color.rgb) == "C00000" for r in paragraph.runs if r.font.strike)


def test_appendix_lists_each_objective_change_with_reason(
    built: tuple[DocxDocument, bytes, list[str]],
) -> None:
    document = built[0]
    table = next(
        t
        for t in document.tables
        if [c.text for c in t.rows[0].cells]
        == ["Objective", "Change", "Last year's result", "Reason"]
    )
    rows = {r.cells[0].text.split()[0]: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    assert rows["PO-1"] == [
        "Revised",
        "68%",
        "Measure benefits, not dates: revised to 'on-time benefits' for the portfolio.",
    ]
    assert rows["PO-2"] == ["Achieved", "21 people", "21 certified, target 20."]
    assert rows["PO-3"] == ["Retired", "92%", "No reason recorded"]
    assert rows["PO-4"][0] == "Awaiting a decision"
    assert rows["PF-1"] == ["New", "—", "New this year"]


def test_generated_sentences_never_use_the_bare_acronym(
    later: Workbook, built: tuple[DocxDocument, bytes, list[str]]
) -> None:
    document = built[0]
    users = user_strings(later)
    # Not vacuous: the sample's own texts use the acronym, and the charter shows them.
    assert any(uses_bare_acronym(p.text) for p in iter_paragraphs(document))
    checked = 0
    for paragraph in iter_paragraphs(document):
        rest = generated_text(paragraph, users)
        assert not uses_bare_acronym(rest), paragraph.text
        checked += bool(rest.strip())
    assert checked > 100


def test_bare_acronym_absent_when_office_has_no_full_name(later: Workbook) -> None:
    workbook = later.model_copy(deep=True)
    workbook.office.full_name = ""
    workbook.office.kind = OfficeKind.PROGRAM
    document = charter_document(workbook)[0]
    users = user_strings(workbook)
    texts = [generated_text(p, users) for p in iter_paragraphs(document)]
    assert "Program Management Office" in texts
    assert not any(uses_bare_acronym(t) for t in texts)
    assert document.core_properties.title == "Charter of the Program Management Office"


def test_header_and_footer_carry_organisation_classification_and_page_x_of_y(
    built: tuple[DocxDocument, bytes, list[str]],
) -> None:
    document, data, _ = built
    section = document.sections[0]
    assert section.different_first_page_header_footer  # title page stays clean
    assert [p.text for p in section.header.paragraphs] == ["Northwind Freight · Internal"]
    footer = xml_part(data, "word/" + section.footer.part.partname.split("/")[-1])
    instructions = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", footer)
    assert [i.strip() for i in instructions] == ["PAGE", "NUMPAGES"]
    assert section.footer.paragraphs[0].text.startswith(
        "Charter of the Northwind Freight Portfolio Management Office, version 2.0 · Page "
    )
    with docx2python(io.BytesIO(data)) as content:
        header = str(content.header)
    assert "Northwind Freight" in header and "Internal" in header


def test_table_of_contents_is_a_field_word_updates_on_open(
    built: tuple[DocxDocument, bytes, list[str]],
) -> None:
    _, data, _ = built
    body = xml_part(data, "word/document.xml")
    assert re.search(r'<w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u ', body)
    assert body.count('w:fldCharType="begin"') == body.count('w:fldCharType="end"')
    # The cached result lists the sections for readers that do not update fields.
    toc = body.split("TOC \\o")[1].split('w:fldCharType="end"/></w:r></w:p>')[0]
    assert "Alignment with company strategy" in toc
    settings = xml_part(data, "word/settings.xml")
    assert '<w:updateFields w:val="true"/>' in settings
    names = re.findall(r"<w:(\w+)[ />]", settings.split("<w:settings", 1)[1])
    # Schema order: updateFields comes before compat and rsids.
    assert names.index("updateFields") < names.index("compat") < names.index("rsids")


def test_core_properties_are_ours_in_utc_with_no_leftovers(
    built: tuple[DocxDocument, bytes, list[str]], later: Workbook
) -> None:
    document, data, _ = built
    properties = document.core_properties
    assert properties.title == "Charter of the Northwind Freight Portfolio Management Office"
    assert properties.subject == "Northwind Freight · FY2027"
    assert properties.author == properties.last_modified_by == "Amara Okafor"
    assert properties.revision == 1
    assert properties.version == "2.0"
    assert properties.identifier == later.id
    assert properties.comments == ""
    naive_utc = datetime(2026, 11, 27, 9, 30)
    assert properties.created == properties.modified
    assert properties.created.replace(tzinfo=None) == naive_utc
    core = xml_part(data, "docProps/core.xml")
    assert "2026-11-27T09:30:00Z" in core
    assert "python-docx" not in core and "lastPrinted" not in core
    app = xml_part(data, "docProps/app.xml")
    assert "Macintosh" not in app and "Normal.dotm" not in app
    assert not any("thumbnail" in n or n.startswith("customXml") for n in part_names(data))


def test_first_review_has_no_earlier_year_to_compare(first_sample: Workbook) -> None:
    assert FIRST_SAMPLE.exists()
    document = charter_document(first_sample)[0]
    text = body_text(document)
    assert "This is the office's first review: there is no earlier year to compare with." in text
    assert "Change of kind" not in headings(document, 2)
    assert headings(document, 1) == EXPECTED_HEADINGS


def test_wide_strategy_splits_the_matrix_and_lists_only_supporting_rows(later: Workbook) -> None:
    from planning.model import AlignmentLink, StrategicObjective

    workbook = later.model_copy(deep=True)
    for number in range(6, 11):
        workbook.strategy.append(StrategicObjective(code=f"CS-{number}", title=f"Goal {number}"))
    pf1 = next(o for o in workbook.objectives if o.code == "PF-1")
    workbook.alignment.append(
        AlignmentLink(objective_id=pf1.id, strategic_id=workbook.strategy[-1].id)
    )
    document = charter_document(workbook)[0]
    matrices = [
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Office objective" and t.rows[0].cells[-1].text == "Total"
    ]
    assert [[c.text for c in m.rows[0].cells][1:-1] for m in matrices] == [
        [f"CS-{n}" for n in range(1, 9)],
        ["CS-9", "CS-10"],
    ]
    second = [[c.text for c in row.cells] for row in matrices[1].rows[1:]]
    assert second == [[pf1.code + " " + pf1.title, "", "●●", "7"], ["Support", "0", "2", ""]]


def test_shipped_template_is_what_the_generator_writes() -> None:
    from exporters.charter_styles import build_default_template
    from exporters.charter_template import DEFAULT_TEMPLATE

    # Run `python -m exporters.charter_template` after changing charter_styles.py.
    assert DEFAULT_TEMPLATE.read_bytes() == build_default_template()


def test_workshop_decisions_and_open_parked_topics_close_the_appendix(
    built: tuple[DocxDocument, bytes, list[str]], d2p_text: str
) -> None:
    document = built[0]
    assert headings(document, 2)[-2:] == [
        "Decisions taken in the review",
        "Topics parked for later",
    ]
    decisions = next(t for t in document.tables if t.rows[0].cells[0].text == "Decision")
    assert [[c.text for c in row.cells] for row in decisions.rows] == [
        ["Decision", "Made by", "Date"],
        [
            "The office becomes a portfolio management office from January.",
            "Hana Sato",
            "24 Nov 2026",
        ],
    ]
    paragraphs = [p.text for p in document.paragraphs]
    parked = paragraphs.index("Raised during the review and set aside; still open:")
    assert paragraphs[parked + 1] == (
        "•\tShould the office own benefits tracking after go-live? (raised by Ingrid Berg)"
    )
    assert "Should the office own benefits tracking after go-live?" in d2p_text
    assert "The office becomes a portfolio management office from January." in d2p_text


def test_resolved_topics_and_blank_rows_stay_out_of_the_charter(later: Workbook) -> None:
    from planning.model import DecisionLogEntry, ParkingLotItem

    workbook = later.model_copy(deep=True)
    workbook.parking_lot[0].resolved = True
    workbook.parking_lot.append(ParkingLotItem(topic="  ", raised_by="Quentin Zed"))
    workbook.decision_log.append(
        DecisionLogEntry(decision="Drop the PMO\x0b newsletter", made_by="")
    )
    document = charter_document(workbook)[0]
    text = body_text(document)
    assert "Topics parked for later" not in headings(document, 2)
    assert "Should the office own benefits tracking" not in text
    assert "Quentin Zed" not in text
    decisions = next(t for t in document.tables if t.rows[0].cells[0].text == "Decision")
    # The illegal control character is replaced, the missing name and date show a dash.
    assert [c.text for c in decisions.rows[-1].cells] == ["Drop the PMO\ufffd newsletter", "—", "—"]
    assert "2 decisions recorded during the review" in text


def test_empty_workshop_record_adds_nothing(first_sample: Workbook) -> None:
    assert not first_sample.decision_log and not first_sample.parking_lot
    document = charter_document(first_sample)[0]
    level2 = headings(document, 2)
    assert "Decisions taken in the review" not in level2
    assert "Topics parked for later" not in level2
