"""Words that every output writes the same way: numbers, baseline → target by direction, and
the labels of the office's decision rights. The charter, the tracker's X-matrix, strategy on
a page and the briefing deck all call these, so the room, the wall and the signed charter
never word one fact two ways."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from planning.enums import Direction


class Measured(Protocol):
    """What baseline → target reads: an Objective, or any view of one."""

    @property
    def baseline(self) -> float | None: ...
    @property
    def target(self) -> float | None: ...
    @property
    def target_max(self) -> float | None: ...
    @property
    def unit(self) -> str: ...
    @property
    def direction(self) -> Direction: ...


def number(value: float | None) -> str:
    """68.0 → "68", 1200000 → "1,200,000", 2.75 → "2.75", None → ""."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def listing(words: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = [w for w in words if w]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_LEVEL = {Direction.AT_LEAST: "at least", Direction.AT_MOST: "at most"}


def baseline_to_target(measured: Measured) -> str:
    """ "30 → at most 20 days", "1 → 2–3 h", "12 → 50%"; "" when neither is set. The
    direction says what the target means, as planning.progress reads it."""
    if measured.baseline is None and measured.target is None:
        return ""
    unit = measured.unit.strip()
    suffix = "%" if unit == "%" else ""
    tail = f" {unit}" if unit and unit != "%" else ""
    target = number(measured.target)
    aim = target + suffix if target else "?"
    if measured.direction is Direction.RANGE and target:
        aim = f"{target}–{number(measured.target_max) or '?'}{suffix}"
    elif measured.direction in _LEVEL and target:
        aim = f"{_LEVEL[measured.direction]} {aim}"
    baseline = number(measured.baseline)
    return f"{baseline + suffix if baseline else '?'} → {aim}{tail}"


DECISION_RIGHTS = (
    ("The office decides", "decides"),
    ("It recommends; others decide", "recommends"),
    ("It only reports", "reports"),
)
"""(label, Governance field) of each kind of decision right, in the order they are shown."""
