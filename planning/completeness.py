"""Rows that count, and rows that count as nothing: the lists behind the progress rules
(planning.readiness) of the steps of the walk.

A row of a list counts only when what names it is filled in (a participant's name, a
strategic objective's title, ...). A row with nothing typed in it at all is *blank*: it
counts as nothing and is flagged, so "Add" pressed once too often cannot make a step look
complete. The steps' rules (planning.readiness), as the README's "Decisions worth knowing"
states them:

1. Review setup: organisation, fiscal year, review dates (from and to), facilitator, and
   at least one named participant.
2. Office: kind, full name, scope.
3. Company strategy: at least one strategic objective with a title.
4. Constituents: at least one constituent with a name or a group.
5. Health check: all seven complaints rated.
6. Purpose / 7. Mission and vision: the text and a decision for each statement.
8. Objectives: at least one active objective with a title.
9. Alignment: at least one link.
10. Office strategy: at least one titled service, process, people item and tool.
11. Governance: mandate, decision rights, role holders, RACI, resources, reporting and
    escalation.
12. Communication plan: at least one item with an audience and a message.
13. Sign-off: at least one named approver, and every approver decided.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from planning.findings import Finding, warning
from planning.model import Workbook
from planning.steps import Step


@dataclass(frozen=True)
class RowList:
    """One list of the walk: where it is, the fields a user types in, and the test of a
    row that counts."""

    step: Step
    noun: str
    rows: Callable[[Workbook], Sequence[Any]]
    text_fields: tuple[str, ...]
    counts: Callable[[Any], bool]


def _filled(*values: str) -> bool:
    return all(value.strip() for value in values)


LISTS: tuple[RowList, ...] = (
    RowList(
        Step.SETUP,
        "participant",
        lambda wb: wb.setup.participants,
        ("name", "role"),
        lambda p: _filled(p.name),
    ),
    RowList(
        Step.STRATEGY,
        "strategic objective",
        lambda wb: wb.strategy,
        ("code", "title", "description", "owner", "horizon"),
        lambda s: _filled(s.title),
    ),
    RowList(
        Step.CONSTITUENTS,
        "constituent",
        lambda wb: wb.constituents,
        ("name", "group", "goals", "needs"),
        lambda c: _filled(c.name) or _filled(c.group),
    ),
    RowList(
        Step.OBJECTIVES,
        "objective",
        lambda wb: wb.objectives,
        ("code", "title", "measure", "unit", "owner", "description"),
        lambda o: _filled(o.title) and o.is_active(),
    ),
    RowList(
        Step.OFFICE_STRATEGY,
        "office strategy item",
        lambda wb: wb.office_strategy,
        ("title", "description"),
        lambda i: _filled(i.title),
    ),
    RowList(
        Step.COMMUNICATION,
        "communication item",
        lambda wb: wb.communication,
        ("audience", "message", "channel", "frequency", "owner"),
        lambda c: _filled(c.audience, c.message),
    ),
    RowList(
        Step.SIGNOFF,
        "approver",
        lambda wb: wb.approvals,
        ("name", "role"),
        lambda a: _filled(a.name),
    ),
)
_BY_STEP = {rows.step: rows for rows in LISTS}


def is_blank(row: Any, fields: tuple[str, ...]) -> bool:
    return not any(str(getattr(row, name) or "").strip() for name in fields)


def counted(workbook: Workbook, step: Step) -> list[Any]:
    """The rows of the step's list that count (blank and unnamed rows do not)."""
    rows = _BY_STEP[step]
    return [row for row in rows.rows(workbook) if rows.counts(row)]


def blank_row_findings(workbook: Workbook) -> list[Finding]:
    """A warning per blank row: it counts as nothing; fill it in or remove it."""
    found: list[Finding] = []
    for rows in LISTS:
        for number, row in enumerate(rows.rows(workbook), start=1):
            if is_blank(row, rows.text_fields):
                found.append(
                    warning(
                        f"{rows.step.value}.blank_row",
                        rows.step,
                        f"Row {number} of the {rows.noun}s is blank: fill it in or remove it.",
                        row.id,
                        rows.text_fields[0],
                    )
                )
    return found
