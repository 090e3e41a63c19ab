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


def has_illegal_xml(text: str) -> bool:
    return bool(_ILLEGAL_XML.search(text))
