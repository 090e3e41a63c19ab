"""Hints on the purpose, mission and vision statements, shown while the leader types."""

from __future__ import annotations

import re
from collections.abc import Iterable

from planning.enums import StatementDecision
from planning.findings import Finding, info, warning
from planning.model import Statement, Workbook
from planning.steps import Step

MAX_MISSION_WORDS = 60
MAX_VISION_WORDS = 60
MAX_PURPOSE_WORDS = 80

BARE_ACRONYM = re.compile(r"(?<![A-Za-z])PMOs?(?![A-Za-z])", re.IGNORECASE)
_CUSTOMER_WORDS = re.compile(
    r"\b(customers?|clients?|constituents?|stakeholders?|users?|business units?|"
    r"sponsors?|teams?|leaders(hip)?|executives?|colleagues|departments?|divisions?)\b",
    re.IGNORECASE,
)


_DONE = {
    StatementDecision.REAFFIRM: "reaffirmed",
    StatementDecision.REVISE: "revised",
    StatementDecision.NEW: "written",
}


def uses_bare_acronym(text: str) -> bool:
    return bool(BARE_ACRONYM.search(text))


def word_count(text: str) -> int:
    return len(text.split())


def names_a_customer(text: str, constituent_names: Iterable[str] = ()) -> bool:
    if _CUSTOMER_WORDS.search(text):
        return True
    folded = text.casefold()
    return any(len(n.strip()) >= 3 and n.strip().casefold() in folded for n in constituent_names)


def constituent_names(workbook: Workbook) -> list[str]:
    names: list[str] = []
    for constituent in workbook.constituents:
        names += [constituent.name, constituent.group]
    return names


def statement_hints(
    which: str, text: str, constituent_names: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """(rule, message) hints for one statement; `which` is purpose, mission or vision."""
    hints: list[tuple[str, str]] = []
    if not text.strip():
        return hints
    label = which.capitalize()
    if uses_bare_acronym(text):
        hints.append(
            (
                "statement.bare_acronym",
                f"{label} uses the bare acronym “PMO”: say which office you are (project, "
                "program or portfolio management office).",
            )
        )
    limit = {"mission": MAX_MISSION_WORDS, "vision": MAX_VISION_WORDS}.get(which, MAX_PURPOSE_WORDS)
    words = word_count(text)
    if words > limit:
        hints.append(
            (
                "statement.too_long",
                f"{label} has {words} words; keep it under about {limit} so people remember it.",
            )
        )
    if which == "mission" and not names_a_customer(text, constituent_names):
        hints.append(
            (
                "statement.no_customer",
                "Mission does not say whom the office serves: name its customers or constituents.",
            )
        )
    return hints


def statement_findings(workbook: Workbook) -> list[Finding]:
    found: list[Finding] = []
    names = constituent_names(workbook)
    reviewed_before = workbook.last_year() is not None
    statements: list[tuple[str, Statement, Step]] = [
        ("purpose", workbook.purpose, Step.PURPOSE),
        ("mission", workbook.mission, Step.MISSION_VISION),
        ("vision", workbook.vision, Step.MISSION_VISION),
    ]
    for which, statement, step in statements:
        for rule, message in statement_hints(which, statement.text, names):
            found.append(warning(rule, step, message, which))
        if reviewed_before and which != "purpose" and statement.decision is None:
            found.append(
                warning(
                    "statement.not_reviewed",
                    step,
                    f"The {which} has not been reviewed this year: reaffirm or revise it.",
                    which,
                )
            )
        elif statement.decision is not None and not statement.rationale.strip():
            found.append(
                info(
                    "statement.no_rationale",
                    step,
                    f"Record why the {which} was {_DONE[statement.decision]}; the charter "
                    "shows the rationale.",
                    which,
                )
            )
    if uses_bare_acronym(workbook.office.full_name):
        found.append(
            warning(
                "statement.bare_acronym",
                Step.OFFICE,
                "The office's full name uses the bare acronym “PMO”: documents should say "
                "project, program or portfolio management office.",
                "office",
                "full_name",
            )
        )
    return found
