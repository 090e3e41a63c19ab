"""How the charter writes dates, numbers, ranges and lists (no locale: the same everywhere)."""

from __future__ import annotations

from datetime import date

from planning import wording
from planning.model import Objective, Workbook

DASH = "—"
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# The charter's modules say words.number and words.listing; planning.wording holds them.
number = wording.number
listing = wording.listing


def day(value: date | None) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value else ""


def short_day(value: date | None) -> str:
    """ "31 Dec 2027": for narrow table columns."""
    return f"{value.day} {_MONTHS[value.month - 1][:3]} {value.year}" if value else ""


def span(start: date | None, end: date | None) -> str:
    """ "24–25 November 2026", "30 November – 2 December 2026", or one day."""
    if start and end and start != end:
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{day(end)}"
        if start.year == end.year:
            return f"{start.day} {_MONTHS[start.month - 1]} – {day(end)}"
        return f"{day(start)} – {day(end)}"
    return day(start or end)


def amount(value: float, currency: str) -> str:
    """ "250,000 EUR", or the bare number when no currency is set."""
    return f"{number(value)} {currency}".strip()


def with_unit(value: float | None, unit: str) -> str:
    text = number(value)
    if not text or not unit.strip():
        return text
    return f"{text}{unit.strip()}" if unit.strip() == "%" else f"{text} {unit.strip()}"


def baseline_to_target(objective: Objective) -> str:
    return wording.baseline_to_target(objective) or DASH


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def constituent_names(workbook: Workbook, objective: Objective) -> str:
    names = []
    for constituent_id in objective.constituent_ids:
        constituent = workbook.constituent(constituent_id)
        if constituent is not None:
            names.append(constituent.name.strip() or constituent.group.strip())
    return ", ".join(n for n in names if n)


def fiscal_year(workbook: Workbook) -> str:
    return workbook.setup.fiscal_year.label.strip()
