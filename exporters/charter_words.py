"""How the charter writes dates, numbers, ranges and lists (no locale: the same everywhere)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from planning.enums import Direction
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


def number(value: float | None) -> str:
    """68.0 → "68", 1200000 → "1,200,000", 2.75 → "2.75"."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def amount(value: float, currency: str) -> str:
    """ "250,000 EUR", or the bare number when no currency is set."""
    return f"{number(value)} {currency}".strip()


def with_unit(value: float | None, unit: str) -> str:
    text = number(value)
    if not text or not unit.strip():
        return text
    return f"{text}{unit.strip()}" if unit.strip() == "%" else f"{text} {unit.strip()}"


def baseline_to_target(objective: Objective) -> str:
    unit = objective.unit.strip()
    baseline, target = number(objective.baseline), number(objective.target)
    if not baseline and not target:
        return DASH
    suffix = "%" if unit == "%" else ""
    tail = f" {unit}" if unit and unit != "%" else ""
    aim = target + suffix if target else "?"
    # The direction says what the target means (planning.progress reads it the same way).
    if objective.direction is Direction.RANGE and target:
        aim = f"{target}–{number(objective.target_max) or '?'}{suffix}"
    elif objective.direction in _LEVEL and target:
        aim = f"{_LEVEL[objective.direction]} {aim}"
    return f"{baseline + suffix if baseline else '?'} → {aim}{tail}"


_LEVEL = {Direction.AT_LEAST: "at least", Direction.AT_MOST: "at most"}


def listing(words: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = [w for w in words if w]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


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
