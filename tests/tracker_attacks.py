"""Crafted trackers for the attack tests: a real exported tracker with parts replaced or
added, built as real zip files (small on disk, however large they unpack)."""

from __future__ import annotations

import zipfile
from pathlib import Path

OBJECTIVES_PART = "xl/worksheets/sheet2.xml"
HEADER_ROW = "<row r=\"1\">{cells}</row>"


def rebuild(
    source: Path,
    out: Path,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    *,
    level: int = 9,
) -> Path:
    """`source` with the parts in `replace` swapped and the parts in `add` appended."""
    replace = replace or {}
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED, compresslevel=level
    ) as target:
        for info in original.infolist():
            data = replace.get(info.filename, original.read(info.filename))
            target.writestr(info.filename, data)
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return out


def part(source: Path, name: str) -> bytes:
    with zipfile.ZipFile(source) as archive:
        return archive.read(name)


def sheet_with_rows(source: Path, rows: bytes, *, repeat: int = 1) -> bytes:
    """The Objectives sheet of `source` with `rows` (XML of <row> elements, repeated
    `repeat` times) after its header and data rows."""
    xml = part(source, OBJECTIVES_PART)
    head, tail = xml.split(b"</sheetData>")
    return head + rows * repeat + b"</sheetData>" + tail
