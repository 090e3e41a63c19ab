"""Findings on who took part, which office this is, the order of the work and sign-off."""

from __future__ import annotations

from planning.enums import ApprovalDecision, OfficeKind
from planning.findings import Finding, info, warning
from planning.model import Workbook
from planning.steps import Step


def kind_change(workbook: Workbook) -> tuple[OfficeKind, OfficeKind] | None:
    """(last year's kind, this year's kind) when the office changed kind, else None."""
    last = workbook.last_year()
    if last is None or last.office_kind is None or workbook.office.kind is None:
        return None
    if last.office_kind is workbook.office.kind:
        return None
    return last.office_kind, workbook.office.kind


def setup_findings(workbook: Workbook) -> list[Finding]:
    found: list[Finding] = []
    participants = [p for p in workbook.setup.participants if p.name.strip()]
    if participants and not any(p.executive for p in participants):
        found.append(
            warning(
                "setup.no_executive",
                Step.SETUP,
                "No executive takes part: mission, vision and objectives should be set with "
                "executive leadership.",
            )
        )
    year = workbook.setup.fiscal_year
    if year.start and year.end and year.start > year.end:
        found.append(
            warning("setup.year_reversed", Step.SETUP, "The fiscal year ends before it starts.")
        )
    return found


def office_findings(workbook: Workbook) -> list[Finding]:
    change = kind_change(workbook)
    if change is None or workbook.office.kind_change.complete():
        return []
    old, new = change
    return [
        warning(
            "office.kind_change_unanswered",
            Step.OFFICE,
            f"The office changes from a {old.label} to a "
            f"{new.label}: answer whether it has the people and skills, the "
            "processes and the tools for it.",
            "office",
            "kind_change",
        )
    ]


def backwards_recipe_findings(workbook: Workbook) -> list[Finding]:
    """Purpose → mission and vision → objectives → office strategy: warn when a later step
    is filled while an earlier one is empty (the backwards recipe)."""
    missing = [
        name
        for name, filled in (
            ("purpose", workbook.purpose.text.strip()),
            ("mission", workbook.mission.text.strip()),
            ("vision", workbook.vision.text.strip()),
        )
        if not filled
    ]
    found: list[Finding] = []
    if workbook.objectives and missing:
        found.append(
            warning(
                "recipe.objectives_before_statements",
                Step.OBJECTIVES,
                f"Objectives are set while the {_join(missing)} is still empty: agree what "
                "the office is for before what it will achieve.",
            )
        )
    if workbook.office_strategy and (missing or not workbook.active_objectives()):
        gaps = missing + ([] if workbook.active_objectives() else ["objectives"])
        found.append(
            warning(
                "recipe.backwards",
                Step.OFFICE_STRATEGY,
                f"Services, processes, people and tools are planned while the {_join(gaps)} "
                f"{'is' if len(gaps) == 1 else 'are'} empty: that is the backwards recipe. "
                "Start from purpose, mission, vision and objectives.",
            )
        )
    return found


def signoff_findings(workbook: Workbook) -> list[Finding]:
    found: list[Finding] = []
    for approval in workbook.approvals:
        if approval.decision is ApprovalDecision.REJECTED:
            found.append(
                warning(
                    "signoff.rejected",
                    Step.SIGNOFF,
                    f"{approval.name or 'An approver'} rejected the charter.",
                    approval.id,
                )
            )
        elif approval.decision is ApprovalDecision.PENDING:
            found.append(
                info(
                    "signoff.pending",
                    Step.SIGNOFF,
                    f"Approval by {approval.name or 'an approver'} is pending.",
                    approval.id,
                )
            )
    return found


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
