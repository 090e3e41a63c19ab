"""The charter's appendix: what changed since last year, and the review workshop's record.

Statements are compared word by word (`planning.history.word_diff`): removed words are
struck through in red, added words underlined in blue, so the change reads without colour
too. Every objective kept, revised, retired, achieved or new is listed with its reason.
The workshop's decision log follows as a table, and the parking lot's open topics as a list,
so what was decided and what was left for later is on record with the charter.
"""

from __future__ import annotations

from exporters import charter_governance
from exporters import charter_words as words
from exporters.charter_objectives import ANNEX_TITLE, is_large
from exporters.charter_writer import Cell, CellLike, CharterWriter, Run
from planning.history import health_comparison, objective_changes, same_words, word_diff
from planning.model import Statement, Workbook, YearSnapshot
from planning.rules import kind_change
from planning.totals import statement_status

DELETED = "C00000"
INSERTED = "1F4E9F"
_CHANGE_LABEL = {
    "kept": "Kept",
    "revised": "Revised",
    "retired": "Retired",
    "achieved": "Achieved",
    "new": "New",
    "pending": "Awaiting a decision",
}
_CHANGE_FILL = {
    "retired": "F2F2F2",
    "achieved": "E2EFDA",
    "new": "DEEAF6",
    "revised": "FFF2CC",
    "pending": "F8CBAD",
}


def diff_runs(old: str, new: str) -> list[str | Run]:
    runs: list[str | Run] = []
    previous = ""
    for part in word_diff(old, new):
        # A replaced word shows as struck then underlined text; a space between them keeps
        # "PMO" and "Portfolio" from reading as one word.
        last = runs[-1] if runs else ""
        last_text = last if isinstance(last, str) else last.text
        if (
            previous == "delete"
            and part.op == "insert"
            and not last_text[-1:].isspace()
            and not part.text[:1].isspace()
        ):
            runs.append(" ")
        previous = part.op
        if part.op == "equal":
            runs.append(part.text)
        elif part.op == "delete":
            runs.append(Run(part.text, strike=True, color=DELETED))
        else:
            runs.append(Run(part.text, underline=True, color=INSERTED))
    return runs


def what_changed(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, "Appendix: what changed since last year")
    last = workbook.last_year()
    if last is None:
        writer.paragraph(
            "This is the office's first review: there is no earlier year to "
            "compare with. Next year's charter will show what changed."
        )
        return
    label = last.fiscal_year.label.strip() or "last year"
    writer.paragraph(
        f"Compared with {label}. In the statements, ",
        Run("struck-through text", strike=True, color=DELETED),
        " was removed and ",
        Run("underlined text", underline=True, color=INSERTED),
        " was added.",
    )
    _office(writer, workbook, last)
    writer.heading(2, "Statements")
    for which in ("purpose", "mission", "vision"):
        _statement(writer, workbook, which, getattr(last, which), label)
    charter_governance.governance_changes(writer, workbook, last, label)
    _objectives(writer, workbook)
    _health(writer, workbook, label)


def _office(writer: CharterWriter, workbook: Workbook, last: YearSnapshot) -> None:
    change = kind_change(workbook)
    old_name, new_name = last.office_full_name.strip(), workbook.office.full_name.strip()
    if change is None and (not old_name or not new_name or old_name == new_name):
        return
    writer.heading(2, "The office")
    if change is not None:
        writer.paragraph(
            f"The office changed from a {change[0].full_term} to a {change[1].full_term}."
        )
    if old_name and new_name and old_name != new_name:
        writer.paragraph("Its name changed from ", old_name, " to ", new_name, ".")


def _statement(
    writer: CharterWriter, workbook: Workbook, which: str, old: Statement, label: str
) -> None:
    new: Statement = getattr(workbook, which)
    before, after = old.text.strip(), new.text.strip()
    title = which.capitalize()
    writer.paragraph(Run(title, bold=True))
    # The same status sentence as the statement's own section says.
    status = statement_status(workbook, which)
    if not before and not after:
        writer.note(f"No {which} statement in either year.")
        return
    if status:
        writer.note(status)
    if not before:
        writer.paragraph(*diff_runs("", after))
    elif not after:
        writer.note("Removed this year.")
        writer.paragraph(*diff_runs(before, ""))
    elif same_words(before, after):
        writer.note(f"Unchanged since {label}.")
    else:
        writer.paragraph(*diff_runs(before, after))
    if new.rationale.strip():
        writer.note(Run("Rationale: ", bold=True), new.rationale.strip())


def _objectives(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(2, "Objectives")
    changes = objective_changes(workbook)
    if not changes:
        writer.paragraph("No objectives in either year.")
        return
    units = {o.id: o.unit for o in workbook.objectives}
    last = workbook.last_year()
    if last is not None:
        units.update({r.objective_id: r.unit for r in last.objectives})
    counts = {key: sum(1 for c in changes if c.change == key) for key in _CHANGE_LABEL}
    active = {o.id for o in workbook.active_objectives()}
    summary = [f"{count} {_CHANGE_LABEL[key].lower()}" for key, count in counts.items() if count]
    writer.paragraph(f"{words.plural(len(changes), 'objective')}: {words.listing(summary)}.")
    # A large plan lists its new objectives in the annex, not again here.
    listed = changes
    if is_large(workbook):
        listed = [c for c in changes if c.change != "new" or c.objective_id not in active]
        in_annex = len(changes) - len(listed)
        if in_annex:
            writer.paragraph(
                f"The {words.plural(in_annex, 'new objective')} "
                f"{'is' if in_annex == 1 else 'are'} listed in the {ANNEX_TITLE}"
                + (
                    "; the table below lists the others."
                    if listed
                    else ". No objective came over from last year."
                )
            )
    rows: list[list[CellLike]] = []
    for change in listed:
        label = _CHANGE_LABEL[change.change]
        fill = _CHANGE_FILL.get(change.change)
        if change.change == "new" and change.objective_id not in active:
            label, fill = "New, retired", _CHANGE_FILL["retired"]
        if change.reason.strip():
            reason: CellLike = change.reason.strip()
        elif label == "New, retired":
            reason = "Status Retired: not part of this year's plan"
        elif change.change == "new":
            reason = "New this year"
        else:
            reason = Cell([Run("No reason recorded", italic=True)], fill="FFF2CC")
        rows.append(
            [
                " ".join(x for x in (change.code, change.title) if x),
                Cell([label], fill=fill),
                words.with_unit(change.last_year_result, units.get(change.objective_id, ""))
                or (words.DASH),
                reason,
            ]
        )
    if not rows:
        return
    writer.table(
        [("Objective", 3.4), ("Change", 1.3), ("Last year's result", 1.3), ("Reason", 3.4)], rows
    )


def _health(writer: CharterWriter, workbook: Workbook, label: str) -> None:
    compared = [c for c in health_comparison(workbook) if c.change is not None]
    if not compared:
        return
    better = sum(1 for c in compared if c.change and c.change > 0)
    worse = sum(1 for c in compared if c.change and c.change < 0)
    writer.heading(2, "Health check")
    writer.paragraph(
        f"Against {label}, the office is rated better on "
        f"{words.plural(better, 'complaint')}, worse on {worse} and the same on "
        f"{len(compared) - better - worse} (of {len(compared)} rated in both years); "
        "see the health-check baseline for each rating."
    )


def workshop_record(writer: CharterWriter, workbook: Workbook) -> None:
    """Decisions taken in the review, and the parked topics still open; nothing if both are
    empty (rows added and left blank count as empty)."""
    decisions = [d for d in workbook.decision_log if d.decision.strip()]
    if decisions:
        writer.heading(2, "Decisions taken in the review")
        writer.paragraph(
            f"{words.plural(len(decisions), 'decision')} recorded during the "
            "review, in the order they were written down."
        )
        writer.table(
            [("Decision", 5.2), ("Made by", 1.8), ("Date", 1.4)],
            [
                [
                    d.decision.strip(),
                    d.made_by.strip() or words.DASH,
                    words.short_day(d.made_on) or words.DASH,
                ]
                for d in decisions
            ],
        )
    parked = [p for p in workbook.parking_lot if not p.resolved and p.topic.strip()]
    if parked:
        writer.heading(2, "Topics parked for later")
        writer.paragraph("Raised during the review and set aside; still open:")
        for item in parked:
            raised_by = item.raised_by.strip()
            writer.bullet(
                item.topic.strip(), *((" (raised by ", raised_by, ")") if raised_by else ())
            )
