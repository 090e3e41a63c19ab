"""Cell values of the Excel tracker as a spreadsheet hands them back, for the import.

Numbers may come as text ("12.5", typed after an apostrophe) and must be finite; a due date
may lose its format and come as a serial number; texts come back with their line endings
and `_xHHHH_` escapes changed by the spreadsheet that re-saved them. These functions say
what a cell holds and whether it still holds what the export wrote. No spreadsheet library
is involved here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from planning.tracker_columns import CELL_TEXT_LIMIT

_NUMBER_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")


def canonical_text(text: str) -> str:
    """`text` as a spreadsheet may hand it back: its `_xHHHH_` escapes decoded (LibreOffice
    and openpyxl decode them differently, and a round trip can unwrap one `_x005F_` level)
    and its line endings made LF (LibreOffice turns CR into LF). Two texts equal here are
    the same text to a reader."""
    for _ in range(3):  # bounded: a crafted cell must not make this quadratic
        decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
        if decoded == text:
            break
        text = decoded
    return text.replace("\r\n", "\n").replace("\r", "\n")


def same_text(found: str, current: str, as_exported: Callable[[str], str]) -> bool:
    if found == current:
        return True
    found = canonical_text(found)
    return found in (canonical_text(as_exported(current)), canonical_text(current))


def too_long(text: str) -> bool:
    return len(text) > CELL_TEXT_LIMIT and len(text.encode("utf-16-le")) // 2 > CELL_TEXT_LIMIT


def same_value(kind: str, raw: Any, current: Any, as_exported: Callable[[str], str]) -> bool:
    """True when the cell as read holds what the export wrote (`current`)."""
    if kind == "number":
        number, error = as_number(raw)
        if error:
            return False
        if number is None or current is None:
            return number is None and current is None
        return math.isclose(number, current, rel_tol=1e-9, abs_tol=1e-12)
    if kind == "date":
        return bool(as_date(raw) == current)
    return same_text(as_text(raw), current or "", as_exported)


_EXCEL_EPOCH = date(1899, 12, 30)


def as_date(value: Any) -> date | str | None:
    """A due date as read; a value that is no date comes back as it is (never equal)."""
    if blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 2_958_466:
        return _EXCEL_EPOCH + timedelta(days=int(value))  # a date whose format was lost
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return value
    return str(value)


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_number(value: Any) -> tuple[float | None, str | None]:
    """A number cell as a number; or the reason it is not one."""
    if blank(value):
        return None, None
    if isinstance(value, bool):
        return None, "a number is expected, not TRUE/FALSE; skipped"
    if isinstance(value, datetime | date):
        return None, "a number is expected, not a date; skipped"
    if isinstance(value, str):
        if not _NUMBER_TEXT.match(value.strip()):
            return None, "a number is expected, not text; skipped"
        # A number stored as text (pasted, or typed after an apostrophe) is still a number.
        value = float(value.strip())
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            return None, "not a finite number; skipped"
        return number, None
    return None, "a number is expected; skipped"
