"""The charter's front matter and its first sections: title page, document control,
approvals, contents, purpose, the office's kind and scope, mission, vision, constituents.

Generated sentences name the office by its full term (`Workbook.office_title()`,
`OfficeKind.full_term`), never by the bare acronym; user text always sits in runs of its
own.
"""

from __future__ import annotations

from datetime import date

from exporters import charter_styles as cs
from exporters import charter_words as words
from exporters.charter_fields import the_office
from exporters.charter_writer import Cell, CharterWriter, Run
from planning.enums import ApprovalDecision
from planning.model import Statement, Workbook
from planning.rules import kind_change
from planning.totals import statement_status

DASH = words.DASH
_DECISION_FILL = {
    ApprovalDecision.APPROVED: "E2EFDA",
    ApprovalDecision.APPROVED_WITH_CHANGES: "FFF2CC",
    ApprovalDecision.REJECTED: "F8CBAD",
}
BLANK_APPROVAL_ROWS = 3


def title_page(writer: CharterWriter, workbook: Workbook) -> None:
    setup, charter = workbook.setup, workbook.charter
    issued = writer.issued or date.today()
    if setup.organisation.strip():
        writer.paragraph(
            Run(setup.organisation.strip(), bold=True, color=writer.accent), style=cs.SUBTITLE
        )
    writer.paragraph(workbook.office_title(), style=cs.TITLE)
    year = words.fiscal_year(workbook)
    writer.paragraph(
        "Charter" + (" for fiscal year " if year else ""),
        *([year] if year else []),
        style=cs.SUBTITLE,
    )
    office_kind = workbook.office.kind.full_term if workbook.office.kind else DASH
    year_dates = words.span(setup.fiscal_year.start, setup.fiscal_year.end)
    rows: list[list[str | Cell]] = [
        [_label(writer.accent, "Organisation"), setup.organisation.strip() or DASH],
        [_label(writer.accent, "Office"), office_kind],
        [
            _label(writer.accent, "Fiscal year"),
            " · ".join(x for x in (year, year_dates) if x) or DASH,
        ],
        [_label(writer.accent, "Version"), charter.version.strip() or DASH],
        [_label(writer.accent, "Date"), words.day(issued)],
        [
            _label(writer.accent, "Prepared by"),
            charter.prepared_by.strip() or setup.facilitator.strip() or DASH,
        ],
        [_label(writer.accent, "Classification"), charter.classification.strip() or DASH],
        [_label(writer.accent, "Status"), _approval_status(workbook)],
    ]
    writer.table([("", 1.0), ("", 3.0)], rows, style=cs.DETAILS_TABLE, header=False)
    writer.page_break()


def _label(accent: str, text: str) -> Cell:
    return Cell([Run(text, bold=True, color=accent)])


def _approval_status(workbook: Workbook) -> str:
    approvals = workbook.approvals
    if not approvals:
        return "Awaiting approval"
    done = [a for a in approvals if a.decision is not ApprovalDecision.PENDING]
    if any(a.decision is ApprovalDecision.REJECTED for a in approvals):
        return "Rejected by at least one approver"
    if len(done) == len(approvals):
        return "Approved"
    return f"Awaiting approval ({len(done)} of {len(approvals)} decided)"


def issue_date(workbook: Workbook, today: date) -> date:
    """The release date of the current version if the document history has it, else today."""
    version = workbook.charter.version.strip()
    for entry in workbook.charter.history:
        if entry.version.strip() == version and entry.released_on:
            return entry.released_on
    return today


def document_control(writer: CharterWriter, workbook: Workbook) -> None:
    charter = workbook.charter
    issued = writer.issued or date.today()
    writer.heading(1, "Document control")
    rows = [
        [entry.version, words.day(entry.released_on), entry.author, entry.summary]
        for entry in charter.history
    ]
    if not any(entry.version.strip() == charter.version.strip() for entry in charter.history):
        rows.append(
            [
                charter.version,
                words.day(issued),
                charter.prepared_by or workbook.setup.facilitator,
                "This version",
            ]
        )
    writer.table(
        [("Version", 2.0), ("Date", 3.0), ("Author", 3.0), ("Summary of changes", 8.6)], rows
    )
    writer.heading(2, "Approvals")
    writer.paragraph(
        f"By signing, the approvers accept this charter of {the_office(workbook)} "
        "for the fiscal year and commit to take part in its reviews."
    )
    approval_rows: list[list[str | Cell]] = []
    for approval in workbook.approvals:
        decided = approval.decision is not ApprovalDecision.PENDING
        approval_rows.append(
            [
                approval.name,
                approval.role,
                Cell([approval.decision.label], fill=_DECISION_FILL.get(approval.decision)),
                Cell(["\n"]),
                words.day(approval.decided_on) if decided else "",
            ]
        )
    for _ in range(0 if workbook.approvals else BLANK_APPROVAL_ROWS):
        approval_rows.append(["", "", "", Cell(["\n"]), ""])
    writer.table(
        [("Name", 3.2), ("Role", 3.6), ("Decision", 2.8), ("Signature", 4.0), ("Date", 3.0)],
        approval_rows,
    )


def contents(writer: CharterWriter, workbook: Workbook) -> None:
    del workbook  # the contents list the headings written after them
    writer.page_break()
    writer.paragraph("Contents", style=cs.TOC_HEADING)
    writer.table_of_contents()
    writer.page_break()


def _statement_section(writer: CharterWriter, workbook: Workbook, which: str) -> None:
    statement: Statement = getattr(workbook, which)
    writer.heading(1, which.capitalize())
    if statement.text.strip():
        writer.statement(statement.text.strip())
    status = statement_status(workbook, which)
    if status and statement.text.strip():
        when = words.day(statement.decided_on) if statement.decision else ""
        writer.note(status[:-1] + f" on {when}." if when else status)
    elif status:
        writer.paragraph(Run(status, italic=True))
    if statement.rationale.strip():
        writer.paragraph(Run("Rationale: ", bold=True), statement.rationale.strip())


def purpose(writer: CharterWriter, workbook: Workbook) -> None:
    _statement_section(writer, workbook, "purpose")
    writer.paragraph(
        "The office's success derives from its customers' success: every objective "
        "in this charter says whom it serves and how its value is measured."
    )


def office_section(writer: CharterWriter, workbook: Workbook) -> None:
    office = workbook.office
    writer.heading(1, "Office kind and scope")
    if office.kind is None:
        writer.paragraph(
            Run(
                "The kind of office (project, program or portfolio management "
                "office) has not been chosen yet.",
                italic=True,
            )
        )
    else:
        writer.paragraph("The office is a ", Run(office.kind.full_term, bold=True), ".")
    writer.heading(2, "What the office oversees")
    scope = office.scope.strip() or (office.kind.oversees if office.kind else "")
    writer.paragraph(scope or DASH)
    focus = office.focus_question.strip() or (office.kind.focus_question if office.kind else "")
    if focus:
        writer.paragraph(Run("The question it keeps asking: ", bold=True), focus)
    change = kind_change(workbook)
    if change is None:
        return
    old, new = change
    writer.heading(2, "Change of kind")
    writer.paragraph(
        f"Last year the office was a {old.full_term}; this year it is a "
        f"{new.full_term}. A change of kind asks whether the office has what the "
        "new role needs:"
    )
    answers = office.kind_change
    rows: list[list[str | Cell]] = []
    for question, answer in (
        ("People and skills", answers.people_and_skills),
        ("Processes", answers.processes),
        ("Tools", answers.tools),
    ):
        rows.append(
            [
                _label(writer.accent, question),
                answer.strip() or Cell([Run("Not answered yet.", italic=True)], fill="FFF2CC"),
            ]
        )
    writer.table([("Question", 1.4), ("Answer", 4.6)], rows)


def mission_and_vision(writer: CharterWriter, workbook: Workbook) -> None:
    _statement_section(writer, workbook, "mission")
    _statement_section(writer, workbook, "vision")


def constituents(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, "Constituents")
    if not workbook.constituents:
        writer.paragraph(
            Run(
                "No constituents are recorded yet: the office's success derives "
                "from its customers' success, so name them.",
                italic=True,
            )
        )
        return
    writer.paragraph(
        f"The office serves {words.plural(len(workbook.constituents), 'constituent')}"
        ". What they are trying to achieve, and what they need from the office:"
    )
    rows = [
        [
            c.name,
            c.group,
            c.goals,
            c.needs,
            f"{words.number(c.satisfaction)} / 5" if c.satisfaction is not None else DASH,
        ]
        for c in workbook.constituents
    ]
    writer.table(
        [
            ("Constituent", 3.0),
            ("Group", 2.0),
            ("What they are trying to achieve", 4.2),
            ("What they need from the office", 4.2),
            ("Satisfaction", 2.6),
        ],
        rows,
    )
