"""The charter's governance: the office's mandate and decision rights, roles and a RACI of
its main services, its people and budget, its reporting (the communication plan's items)
and escalation; and, in the appendix, what changed in it since last year.

`office_governance` writes under the charter's governance heading and ends by opening the
review-cadence subsection that follows it; `governance_changes` writes the appendix part.
"""

from __future__ import annotations

# The appendix calls back into this module: import it whole, use it at call time.
from exporters import charter_appendix
from exporters import charter_words as words
from exporters.charter_writer import CellLike, CharterWriter, Run
from planning.enums import GovernanceRole
from planning.governance import Governance
from planning.history import governance_changes as changes_of
from planning.history import same_words, word_diff
from planning.model import Workbook, YearSnapshot
from planning.wording import DECISION_RIGHTS

DASH = words.DASH
# Paper allows longer headers than the app's grid, but "Project and program managers"
# would break mid-word in a narrow column.
_RACI_HEADER = {GovernanceRole.DELIVERY_MANAGERS: "Delivery managers"}
RIGHTS = DECISION_RIGHTS


def office_governance(writer: CharterWriter, workbook: Workbook) -> None:
    governance = workbook.governance
    if governance.is_empty():
        writer.paragraph(
            Run(
                "The office's mandate, decision rights, roles, resources, reporting and "
                "escalation are not recorded yet.",
                italic=True,
            )
        )
    else:
        _mandate(writer, governance)
        _roles(writer, governance)
        _resources(writer, workbook)
        _reporting(writer, workbook)
    writer.heading(2, "Review cadence")


def _mandate(writer: CharterWriter, g: Governance) -> None:
    writer.heading(2, "Mandate and decision rights")
    if g.mandate.strip():
        writer.paragraph(g.mandate.strip())
    rows: list[list[CellLike]] = [
        [label, "; ".join(m.strip() for m in getattr(g, field) if m.strip()) or DASH]
        for label, field in RIGHTS
    ]
    writer.table([("Decision right", 2.2), ("Matters", 6.0)], rows)


def _roles(writer: CharterWriter, g: Governance) -> None:
    if not g.roles and not g.raci:
        return
    writer.heading(2, "Roles and responsibilities")
    held = [r for r in g.roles if r.holder.strip()]
    if held:
        writer.table(
            [("Role", 2.6), ("Held by", 5.6)], [[r.role.label, r.holder.strip()] for r in held]
        )
    if g.raci:
        writer.paragraph(
            "Who is responsible (R), accountable (A), consulted (C) and informed (I) for the "
            "office's main services:"
        )
        roles = list(GovernanceRole)
        columns = [("Service", 2.4)] + [(_RACI_HEADER.get(r, r.label), 1.2) for r in roles]
        rows: list[list[CellLike]] = []
        for row in g.raci:
            cells = [row.cell(role) for role in roles]
            rows.append([row.service, *(c.letter if c else "" for c in cells)])
        writer.table(columns, rows, small=True)


def _resources(writer: CharterWriter, workbook: Workbook) -> None:
    g = workbook.governance
    if not g.staff and g.budget is None:
        return
    writer.heading(2, "Resources")
    if g.staff:
        people = sum(s.people or 0 for s in g.staff)
        writer.paragraph(f"The office has {words.number(people)} full-time equivalents:")
        writer.table(
            [("Role", 3.0), ("People", 1.2), ("Note", 4.0)],
            [[s.role, words.number(s.people) or DASH, s.note] for s in g.staff],
        )
    if g.budget is not None:
        budget = words.amount(g.budget, workbook.settings.currency)
        tail = f": {g.budget_note.strip()}" if g.budget_note.strip() else "."
        writer.paragraph("Yearly budget: ", Run(budget, bold=True), tail)


def _reporting(writer: CharterWriter, workbook: Workbook) -> None:
    g = workbook.governance
    reports = [c for i in g.reporting_ids if (c := workbook.communication_item(i)) is not None]
    if not reports and not g.escalation:
        return
    writer.heading(2, "Reporting and escalation")
    if reports:
        writer.paragraph("The office reports through these items of its communication plan:")
        writer.table(
            [("Report", 3.2), ("To", 2.2), ("How", 1.6), ("How often", 1.4)],
            [[c.message, c.audience, c.channel, c.frequency] for c in reports],
        )
    if g.escalation:
        writer.paragraph("A matter goes up one level at a time:")
        writer.table(
            [("Level", 0.7), ("Escalates to", 2.0), ("When", 4.0), ("Decision within", 1.5)],
            [[str(n), e.to, e.threshold, e.within] for n, e in enumerate(g.escalation, start=1)],
        )


def governance_changes(
    writer: CharterWriter, workbook: Workbook, last: YearSnapshot, label: str
) -> None:
    """The appendix part: last year's governance beside this year's."""
    writer.heading(2, "Governance")
    old, new = last.governance, workbook.governance
    if old is None:
        writer.note(f"Governance was not recorded in {label}.")
        return
    if old == new:
        writer.note(f"Unchanged since {label}.")
        return
    before, after = old.mandate.strip(), new.mandate.strip()
    if before != after:
        writer.paragraph(Run("Mandate", bold=True))
        if same_words(before, after):
            writer.note(f"Unchanged since {label}.")
        elif _mostly_rewritten(before, after):
            # Struck and underlined words interleaved read badly once little is shared.
            writer.paragraph(Run(f"{label}: ", bold=True), before)
            writer.paragraph(Run("Now: ", bold=True), after)
        else:
            writer.paragraph(*charter_appendix.diff_runs(before, after))
    names = {c.id: f"{c.audience}: {c.message}" for c in workbook.communication}
    for change in changes_of(old, new, names, workbook.settings.currency):
        writer.bullet(change)


def _mostly_rewritten(old: str, new: str) -> bool:
    kept = sum(len(p.text) for p in word_diff(old, new) if p.op == "equal")
    return kept < 0.5 * max(len(old), len(new))
