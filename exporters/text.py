"""One sanitiser for all user text on its way into an Office file (tracker and charter).

XML 1.0 accepts only tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
U+10000–U+10FFFF. Anything else (control characters, U+FFFE/U+FFFF, lone surrogates) is
replaced by U+FFFD, the visible replacement character, so the reader sees that something
was there; nothing is dropped silently.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_ILLEGAL_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` with every character XML 1.0 forbids replaced by U+FFFD."""
    return _ILLEGAL_XML.sub(REPLACEMENT, text)


# --- Spreadsheet cells (the tracker) ----------------------------------------------------
#
# Readers decode `_xHHHH_` in cell text as the character U+HHHH (Excel, LibreOffice and
# python-calamine do), so user text that happens to contain such a sequence would change.
# The OOXML escape for a literal underscore is `_x005F_`; it goes in front of every
# `_xHHHH_` sequence and readers show the text as typed.
_OOXML_SEQUENCE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
_OOXML_ESCAPED = re.compile("_x005[Ff]_(?=x[0-9A-Fa-f]{4}_)")

EXCEL_CELL_LIMIT = 32767
"""Excel's limit on the characters of one cell, counted in UTF-16 code units."""


_NEEDS_CARE = re.compile(
    "[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|_x[0-9A-Fa-f]{4}_"
)


def needs_care(text: str) -> bool:
    """True when `text` holds a character XML forbids or a `_xHHHH_` sequence: most text
    holds neither and goes into a cell as it is."""
    return _NEEDS_CARE.search(text) is not None


def escape_ooxml(text: str) -> str:
    """`text` with every `_xHHHH_` sequence protected so readers show it literally."""
    return _OOXML_SEQUENCE.sub("_x005F_", text)


def unescape_ooxml(text: str) -> str:
    """The inverse of `escape_ooxml`, for readers that do not decode the escape (openpyxl
    reading inline strings). Harmless on text that was never escaped."""
    return _OOXML_ESCAPED.sub("_", text)


def utf16_length(text: str) -> int:
    """Length as Excel counts it: characters beyond U+FFFF take two units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def fit_cell(text: str, limit: int = EXCEL_CELL_LIMIT) -> tuple[str, bool]:
    """`text` cut to fit one Excel cell, ending with a visible marker that says how long
    the full text is; the flag is true when it was cut."""
    if len(text) * 2 <= limit or utf16_length(text) <= limit:
        return text, False
    marker = f" … [truncated: the full text has {len(text):,} characters]"
    room = limit - utf16_length(marker)
    kept: list[str] = []
    used = 0
    for ch in text:
        size = 2 if ord(ch) > 0xFFFF else 1
        if used + size > room:
            break
        kept.append(ch)
        used += size
    return "".join(kept) + marker, True
