"""The bare acronym "PMO" in any text the charter prints, not only the statements.

Statements and the office's name have their own rule (statement.bare_acronym, in
planning/statements.py); this rule covers every other printed field, one finding per entity
so a table row with the acronym in three cells is one thing to fix, not three.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from planning.findings import Finding, coach
from planning.model import Workbook
from planning.statements import BARE_ACRONYM
from planning.steps import Step

RULE = "acronym.bare"

# (step, entity id, what it is, [(field, text), ...]) for every printed entity.
Printed = tuple[Step, str, str, list[tuple[str, str]]]


def _label(code: str, title: str, kind: str) -> str:
    name = code.strip() or title.strip()
    return f"{kind} {name}".strip() if name else f"a {kind.lower()}"


def printed_text(workbook: Workbook) -> Iterator[Printed]:
    """Every entity whose text the charter prints, with those fields."""
    wb = workbook
    yield (
        Step.SETUP,
        "setup",
        "the review setup",
        [("organisation", wb.setup.organisation), ("facilitator", wb.setup.facilitator)],
    )
    for p in wb.setup.participants:
        yield Step.SETUP, p.id, f"participant {p.name}", [("name", p.name), ("role", p.role)]
    yield (
        Step.OFFICE,
        "office",
        "the office",
        [("scope", wb.office.scope), ("focus_question", wb.office.focus_question)],
    )
    for s in wb.strategy:
        fields = [("title", s.title), ("description", s.description), ("owner", s.owner)]
        yield Step.STRATEGY, s.id, _label(s.code, s.title, "company objective"), fields
    for c in wb.constituents:
        fields = [("name", c.name), ("group", c.group), ("goals", c.goals), ("needs", c.needs)]
        yield Step.CONSTITUENTS, c.id, f"constituent {c.name}".strip(), fields
    for r in wb.health:
        yield (
            Step.HEALTH,
            r.complaint.value,
            f"the note on “{r.complaint.label}”",
            [("note", r.note)],
        )
    for o in wb.objectives:
        # A closed objective appears only in the appendix: its title and reason.
        fields = [("title", o.title)]
        if o.is_active():
            fields += [("description", o.description), ("measure", o.measure), ("owner", o.owner)]
        if o.carried is not None:
            fields.append(("carried", o.carried.reason))
        yield Step.OBJECTIVES, o.id, _label(o.code, o.title, "objective"), fields
    for i in wb.office_strategy:
        fields = [("title", i.title), ("description", i.description)]
        yield Step.OFFICE_STRATEGY, i.id, f"{i.kind.label.lower()} “{i.title}”", fields
    for n in wb.not_doing:
        yield Step.COMMUNICATION, n.id, "a not-doing item", [("item", n.item), ("reason", n.reason)]
    for m in wb.communication:
        fields = [
            ("audience", m.audience),
            ("message", m.message),
            ("channel", m.channel),
            ("frequency", m.frequency),
            ("owner", m.owner),
        ]
        yield Step.COMMUNICATION, m.id, f"the message to {m.audience}".strip(), fields
    g = wb.governance
    rights = [("mandate", g.mandate)] + [
        (name, text) for name in ("decides", "recommends", "reports") for text in getattr(g, name)
    ]
    rights += [("budget_note", g.budget_note)]
    rights += [("roles", r.holder) for r in g.roles]
    rights += [("raci", r.service) for r in g.raci]
    rights += [("staff", f"{s.role} {s.note}") for s in g.staff]
    rights += [("escalation", f"{e.to} {e.threshold} {e.within}") for e in g.escalation]
    yield Step.GOVERNANCE, "governance", "the governance", rights
    for a in wb.approvals:
        yield Step.SIGNOFF, a.id, f"approver {a.name}".strip(), [("name", a.name), ("role", a.role)]
    charter = wb.charter
    fields = [("prepared_by", charter.prepared_by), ("classification", charter.classification)]
    fields += [("history", f"{v.author} {v.summary}") for v in charter.history]
    yield Step.SIGNOFF, "charter", "the charter's document control", fields
    # The appendix prints the workshop's decisions and its open parked topics.
    for d in wb.decision_log:
        fields = [("decision", d.decision), ("made_by", d.made_by)]
        yield Step.SIGNOFF, d.id, "a decision of the workshop", fields
    for t in wb.parking_lot:
        if not t.resolved:
            fields = [("topic", t.topic), ("raised_by", t.raised_by)]
            yield Step.SIGNOFF, t.id, "a parked topic", fields


@lru_cache(maxsize=16384)  # most texts are unchanged since the findings last ran
def _has_acronym(text: str) -> bool:
    return bool(text) and BARE_ACRONYM.search(text) is not None


def bare_acronym_findings(workbook: Workbook) -> list[Finding]:
    term = workbook.office.kind.full_term if workbook.office.kind else None
    instead = f"“{term}”" if term else "the project, program or portfolio management office"
    found: list[Finding] = []
    for step, entity_id, what, fields in printed_text(workbook):
        hit = next((field for field, text in fields if _has_acronym(text)), None)
        if hit is None:
            continue
        found.append(
            coach(
                RULE,
                step,
                f"{what[0].upper()}{what[1:]}: the {hit.replace('_', ' ')} uses the bare "
                "acronym “PMO”, which the charter prints for executives.",
                f"Write {instead} (or “the office”) instead.",
                entity_id,
                hit,
            )
        )
    return found
