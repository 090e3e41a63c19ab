"""The charter's executive summary: one page, right after the title page, that an executive
reads instead of the rest.

It says which office this is and why it exists, its mission and vision, the objectives at a
glance (counts by status and the few that matter most), how much of the company's strategy
they cover, the value they claim, the health check against last year, and what still needs
a decision. Every figure comes from `planning.totals` and the other planning analyses, the
same ones the body and the tracker use. Long lists are cut to a few names with a count and a
pointer to the section that holds them all, so the page stays one page at any size.
"""

from __future__ import annotations

import re

from exporters import charter_styles as cs
from exporters import charter_words as words
from exporters.charter_objectives import (
    ANNEX_TITLE,
    is_large,
    status_sentence,
    value_sentence,
)
from exporters.charter_writer import Cell, CellLike, CharterWriter, Run
from planning.alignment import alignment_gaps
from planning.enums import ApprovalDecision, ObjectiveStatus
from planning.history import health_comparison
from planning.model import Workbook
from planning.rules import kind_change
from planning.totals import key_objectives

SUMMARY_TITLE = "Executive summary"
SUMMARY_OBJECTIVES = 5
NAMES_SHOWN = 4
# A statement longer than LONG_STATEMENT words is cut to STATEMENT_WORDS here (the walk's
# hints already call a mission over 60 words too long); a slightly long one is kept whole.
LONG_STATEMENT = 90
STATEMENT_WORDS = 60
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


def brief(text: str, section: str) -> str:
    """`text` as it is, or, when longer than LONG_STATEMENT words, its first STATEMENT_WORDS
    with a pointer to the section that has it in full, so the summary stays one page."""
    parts = text.split()
    if len(parts) <= LONG_STATEMENT:
        return text.strip()
    return " ".join(parts[:STATEMENT_WORDS]) + f" … (in full under {section})"


def _some(names: list[str], where: str) -> str:
    """ "A, B and C", or "A, B, C, D and 6 more (see Gaps)" for a long list."""
    names = [n for n in names if n]
    if len(names) <= NAMES_SHOWN:
        return words.listing(names)
    return f"{', '.join(names[:NAMES_SHOWN])} and {len(names) - NAMES_SHOWN} more (see {where})"


def _label(writer: CharterWriter, text: str) -> None:
    writer.paragraph(Run(text, bold=True, color=writer.accent), extra_ppr="<w:keepNext/>")


def executive_summary(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, SUMMARY_TITLE)
    office = workbook.office
    kind = office.kind.full_term if office.kind else ""
    title = workbook.office_title()
    organisation = workbook.setup.organisation.strip()
    opening: list[str | Run] = [Run(title, bold=True)]
    if kind and kind.casefold() != title.casefold():
        opening += [f" is {'an' if kind[0] in 'AEIOU' else 'a'} {kind}"]
    elif not kind:
        opening += [" has not yet said which kind of management office it is"]
    else:
        opening += [" is the office"]
    if organisation:
        opening += [" of ", organisation]
    writer.paragraph(*opening, ".")
    facts: list[list[CellLike]] = []
    for label, text in (
        ("Purpose", brief(first_sentence(workbook.purpose.text), "Purpose")),
        ("Mission", brief(workbook.mission.text, "Mission")),
        ("Vision", brief(workbook.vision.text, "Vision")),
    ):
        facts.append(
            [
                Cell([Run(label, bold=True, color=writer.accent)]),
                text or Cell([Run("Not agreed yet.", italic=True)]),
            ]
        )
    writer.table([("", 1.0), ("", 5.6)], facts, style=cs.DETAILS_TABLE, header=False)
    _objectives(writer, workbook)
    _coverage_value_health(writer, workbook)
    _decisions(writer, workbook)
    writer.page_break()


def _objectives(writer: CharterWriter, workbook: Workbook) -> None:
    active = workbook.active_objectives()
    _label(writer, "Objectives at a glance")
    if not active:
        writer.paragraph(Run("No measurable objectives are set yet.", italic=True))
        return
    shown = key_objectives(workbook, SUMMARY_OBJECTIVES)
    lead = f"{words.plural(len(active), 'objective')}: {status_sentence(workbook)}."
    if len(shown) < len(active):
        where = ANNEX_TITLE if is_large(workbook) else "Objectives"
        lead += (
            f" The {len(shown)} below have the strongest links to the company's "
            f"highest-priority objectives; all are in {where}."
        )
    writer.paragraph(lead)
    writer.table(
        [
            ("Code", 1.1),
            ("Objective", 4.0),
            ("Baseline → target", 2.0),
            ("Due", 1.5),
            ("Owner", 1.6),
            ("Status", 1.6),
        ],
        [
            [
                o.code,
                o.title,
                words.baseline_to_target(o),
                words.short_day(o.due),
                o.owner,
                o.status.label,
            ]
            for o in shown
        ],
    )


def _coverage_value_health(writer: CharterWriter, workbook: Workbook) -> None:
    lines: list[tuple[str, str]] = []
    gaps = alignment_gaps(workbook)
    if gaps.coverage is not None:
        supported = len(workbook.strategy) - len(gaps.unsupported_strategic)
        coverage = (
            f"The objectives support {supported} of {len(workbook.strategy)} company "
            f"strategic objectives ({round(gaps.coverage * 100)}%)."
        )
        if gaps.unsupported_strategic:
            coverage += " Not supported: " + _some(
                [s.code or s.title for s in gaps.unsupported_strategic], "Gaps"
            )
            coverage += "."
        lines.append(("Company strategy", coverage))
    else:
        lines.append(("Company strategy", "No company strategic objectives are recorded."))
    value = value_sentence(workbook)
    lines.append(
        (
            "Value",
            value[0].upper() + value[1:]
            if value
            else "No objective states the value it brings yet.",
        )
    )
    lines.append(("Health check", _health_sentence(workbook)))
    for label, text in lines:
        writer.paragraph(Run(label + ": ", bold=True, color=writer.accent), text)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _health_sentence(workbook: Workbook) -> str:
    comparison = health_comparison(workbook)
    rated = [c for c in comparison if c.this_year is not None]
    if not rated:
        return "Not rated yet this year."
    lowest = min(c.this_year for c in rated if c.this_year is not None)
    # Complaint labels read as sentences ("Lack of focus"): lower-cased inside this one.
    weakest = [_lower_first(c.complaint.label) for c in rated if c.this_year == lowest]
    weakest_text = f"lowest rated ({lowest} of 5): {_some(weakest, 'Health-check baseline')}."
    compared = [c for c in comparison if c.change is not None]
    last = workbook.last_year()
    if not compared or last is None:
        rated_text = words.plural(len(rated), "complaint")
        return f"{rated_text[0].upper()}{rated_text[1:]} rated, the first baseline; " + (
            weakest_text
        )
    better = sum(1 for c in compared if c.change and c.change > 0)
    worse = sum(1 for c in compared if c.change and c.change < 0)
    label = last.fiscal_year.label.strip() or "last year"
    return (
        f"Against {label}, better on {better}, worse on {worse} and the same on "
        f"{len(compared) - better - worse} of {len(compared)} complaints; " + weakest_text
    )


def _decisions(writer: CharterWriter, workbook: Workbook) -> None:
    items: list[str] = []
    pending = [
        o.code or o.title
        for o in workbook.objectives
        if o.carried is not None and o.carried.decision is None
    ]
    if pending:
        items.append(
            f"Keep, revise, retire or close {words.plural(len(pending), 'objective')} "
            f"carried over from last year: {_some(pending, 'the appendix')}."
        )
    for which in ("purpose", "mission", "vision"):
        statement = getattr(workbook, which)
        if not statement.text.strip():
            items.append(f"Agree the {which}: the charter has none yet.")
        elif which != "purpose" and workbook.last_year() is not None and statement.decision is None:
            items.append(f"Reaffirm or revise the {which}.")
    off_track = [
        o.code or o.title
        for o in workbook.active_objectives()
        if o.status is ObjectiveStatus.OFF_TRACK
    ]
    if off_track:
        items.append(
            f"Act on {words.plural(len(off_track), 'objective')} off track: "
            f"{_some(off_track, 'Objectives')}."
        )
    gaps = alignment_gaps(workbook)
    if gaps.unsupported_strategic:
        count = len(gaps.unsupported_strategic)
        items.append(
            f"Say whether the office can help with the "
            f"{words.plural(count, 'company strategic objective')} it does not support."
        )
    if gaps.orphan_objectives:
        count = len(gaps.orphan_objectives)
        items.append(
            f"Align or justify {words.plural(count, 'office objective')} supporting no "
            "company strategic objective: "
            f"{_some([o.code or o.title for o in gaps.orphan_objectives], 'Gaps')}."
        )
    if kind_change(workbook) is not None and not workbook.office.kind_change.complete():
        items.append("Answer what the change of office kind needs: people, processes, tools.")
    waiting = [a for a in workbook.approvals if a.decision is ApprovalDecision.PENDING]
    if waiting or not workbook.approvals:
        items.append(
            f"Approve this charter ({words.plural(len(waiting), 'approver')} to decide)."
            if waiting
            else "Name the approvers of this charter and have them sign it."
        )
    _label(writer, "What needs a decision")
    if not items:
        writer.paragraph("Nothing is waiting for a decision.")
        return
    for item in items:
        writer.bullet(item)
