"""Crafted trackers for the attack tests: a real exported tracker with parts replaced or
added, built as real zip files (small on disk, however large they unpack)."""

from __future__ import annotations

import zipfile
from pathlib import Path

OBJECTIVES_PART = "xl/worksheets/sheet2.xml"
HEADER_ROW = '<row r="1">{cells}</row>'


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
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target,
    ):
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


def worst_tracker(source: Path, out: Path) -> Path:
    """The heaviest tracker the bounds let through: shared strings of 16 MB (one of them
    huge, in a comment) up to their element limit, styles and defined names up to theirs,
    an Objectives sheet of rows 1,023 cells wide up to the cell limit, hidden sheets the
    import only scans up to the total size limit, and random padding so the whole stays
    under the compression-ratio bound."""
    import os

    from exporters.tracker_archive import (
        MAX_CELLS,
        MAX_CELLS_PER_ROW,
        MAX_OTHER_ELEMENTS,
        MAX_PART_BYTES,
        MAX_STRING_ELEMENTS,
        MAX_STYLE_ELEMENTS,
    )

    wide = b"<row>" + b"<c><v>1</v></c>" * (MAX_CELLS_PER_ROW - 1) + b"</row>"
    rows = (MAX_CELLS - 1000) // MAX_CELLS_PER_ROW
    comment = b'<row><c r="T7" t="s"><v>0</v></c></row>'
    sheet = sheet_with_rows(source, comment + wide * rows)
    small = (MAX_STRING_ELEMENTS - 10) // 2
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    strings += b"x" * (MAX_PART_BYTES - 1_000 - 24 * small) + b"</t></si>"
    strings += b"".join(b"<si><t>%08d</t></si>" % n for n in range(small)) + b"</sst>"
    styles = part(source, "xl/styles.xml")
    at = styles.index(b">", styles.index(b"<cellXfs")) + 1
    styles = styles[:at] + b"<xf/>" * (MAX_STYLE_ELEMENTS - 1_000) + styles[at:]
    book = part(source, "xl/workbook.xml")
    names = b"".join(
        b'<definedName name="N%d">Lists!$A$1</definedName>' % n
        for n in range(MAX_OTHER_ELEMENTS - 200)
    )
    book = book.replace(b"</definedNames>", names + b"</definedNames>")
    types = part(source, "[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = part(source, "xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    hidden = b"<worksheet><sheetData>" + b"<row><c><v>1</v></c></row>" * 400_000
    hidden += b"</sheetData></worksheet>"
    add = {f"xl/worksheets/hidden{i}.xml": hidden for i in range(4)}
    add["xl/sharedStrings.xml"] = strings
    add["xl/media/padding.bin"] = os.urandom(1_100_000)
    return rebuild(
        source,
        out,
        {
            OBJECTIVES_PART: sheet,
            "[Content_Types].xml": types,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/styles.xml": styles,
            "xl/workbook.xml": book,
        },
        add,
        level=1,
    )


def sheet_part(source: Path, sheet: str) -> str:
    """The part name of `sheet` in the tracker `source`."""
    import re

    book = part(source, "xl/workbook.xml").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(sheet)}"[^>]*r:id="(\w+)"', book)
    rels = part(source, "xl/_rels/workbook.xml.rels").decode()
    assert rid is not None
    target = re.search(rf'<Relationship [^>]*Target="/?([^"]+)"[^>]*Id="{rid.group(1)}"', rels)
    assert target is not None
    return target.group(1)
