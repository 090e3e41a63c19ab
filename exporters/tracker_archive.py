"""The untrusted tracker as a zip: bounded before anything is parsed, scanned for XML entity
declarations in every part, and cut down to the parts the import reads.

A tracker comes back from other people. Everything here is bounded by the zip's directory
first (the sizes a part declares are the most zipfile ever returns for it): the number of
parts, their total unpacked size and the ratio of that total to the packed size, over all
parts together. Then every part is unpacked as a stream (which also checks its CRC) and
every XML part goes through a parser that refuses a document type declaration, so entity
expansion and external DTDs are refused wherever they hide. The worksheet the import reads
is also checked for rows wider than any tracker's, row by row as it streams. Finally
openpyxl is given a copy of the zip holding only the parts it needs (workbook, styles,
shared strings, properties, the Objectives and Lists sheets): nothing else is parsed.
"""

from __future__ import annotations

import functools
import io
import posixpath
import xml.parsers.expat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from defusedxml import ElementTree

from planning.errors import WorkbookError

MB = 1024 * 1024
MAX_UNPACKED_BYTES = 64 * MB  # the 500-objective bench tracker unpacks to 4 MB
MAX_RATIO = 100  # all parts together; real trackers compress 5-30×, a zip bomb thousands
MAX_PART_BYTES = 16 * MB  # every part the import parses
MAX_STRUCTURE_BYTES = 4 * MB  # the package and workbook relationships, the workbook part
MAX_PARTS = 5000
MAX_ROWS = 100_000
MAX_CELLS_PER_ROW = 1024  # a tracker has 21 columns; Excel allows 16,384
# Cells of the Objectives sheet: 500 objectives take 10,500. openpyxl reads some 80,000 a
# second on this machine, which with the scan keeps the worst tracker within 10 s.
MAX_CELLS = 200_000
# Elements of the other parts openpyxl parses: it builds an object for each (a style costs
# some 25 µs and 500 bytes), so their number is bounded like the cells. Excel allows 64,000
# cell formats; a tracker has a few dozen, and a few thousand strings.
MAX_STYLE_ELEMENTS = 50_000
MAX_STRING_ELEMENTS = 200_000
MAX_OTHER_ELEMENTS = 20_000
_CHUNK = 1 * MB

_OFFICE_DOCUMENT = "/officeDocument"
_KEPT_PACKAGE_RELS = ("/core-properties", "/custom-properties")
_KEPT_WORKBOOK_RELS = {
    "/styles": MAX_STYLE_ELEMENTS,
    "/sharedStrings": MAX_STRING_ELEMENTS,
    "/theme": MAX_OTHER_ELEMENTS,
}
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class TrackerError(WorkbookError):
    """A tracker file that is refused as a whole: not an xlsx, damaged, unsafe, or made from
    another workbook or year."""


@dataclass(frozen=True)
class TrackerPackage:
    """The parts of a tracker the import reads, as a smaller zip for openpyxl."""

    data: bytes
    sheets: dict[str, str]  # sheet name → part name, for the sheets kept


def open_package(data: bytes, name: str, sheets: tuple[str, ...]) -> TrackerPackage:
    """Checks the tracker zip and returns the parts that hold `sheets`. Raises TrackerError
    for what is not an xlsx, a damaged file, a zip bomb or XML with a DTD."""
    if not data.startswith(b"PK"):
        raise TrackerError(f"{name} is not an Excel .xlsx file.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = {info.filename: info for info in archive.infolist()}
    except Exception as exc:  # zipfile raises many types for a damaged directory
        raise TrackerError(f"{name} is damaged: it is not a readable .xlsx file.") from exc
    with archive:
        _check_directory(list(parts.values()), name)
        if "[Content_Types].xml" not in parts or "_rels/.rels" not in parts:
            raise TrackerError(f"{name} is not an Excel .xlsx file.")
        try:
            kept, sheet_parts = _needed_parts(archive, parts, name, sheets)
            bodies = _scan_all(archive, parts, kept, name)
        except TrackerError:
            raise
        except Exception as exc:  # a damaged stream: CRC, zlib, a header that lies
            raise TrackerError(f"{name} is damaged: it is not a readable .xlsx file.") from exc
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as reduced:
        for part in sorted(kept):
            reduced.writestr(part, bodies[part])
    return TrackerPackage(buffer.getvalue(), sheet_parts)


def _bomb(name: str) -> TrackerError:
    return TrackerError(
        f"{name} unpacks to far more than a tracker holds (a zip bomb?); it is not opened."
    )


def _check_directory(parts: list[zipfile.ZipInfo], name: str) -> None:
    total = sum(p.file_size for p in parts)
    packed = sum(p.compress_size for p in parts)
    if len(parts) > MAX_PARTS or total > MAX_UNPACKED_BYTES or total > MAX_RATIO * max(packed, 1):
        raise _bomb(name)


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    if info.file_size > MAX_STRUCTURE_BYTES:
        raise TrackerError(f"{name}: {info.filename} is larger than any tracker's; not opened.")
    return archive.read(info)


def _parse(data: bytes, part: str, name: str) -> ElementTree.Element:
    try:
        root: ElementTree.Element = ElementTree.fromstring(data, forbid_dtd=True)
    except Exception as exc:  # defusedxml's refusals and ParseError alike
        if "DTD" in type(exc).__name__ or "Entit" in type(exc).__name__:
            raise _dtd(name) from exc
        raise _damaged(name, part) from exc
    return root


def _damaged(name: str, part: str) -> TrackerError:
    return TrackerError(f"{name} is damaged or not an Excel workbook ({part} is not readable XML).")


def _dtd(name: str) -> TrackerError:
    return TrackerError(
        f"{name} contains XML entity declarations or a DTD, which no tracker has "
        "(a hostile file?); it is not opened."
    )


def _relationships(
    archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], source: str, name: str
) -> list[tuple[str, str, str]]:
    """(id, type, target part) of the relationships of part `source`."""
    folder, base = posixpath.split(source)
    rels_part = posixpath.join(folder, "_rels", base + ".rels")
    if rels_part not in parts:
        return []
    root = _parse(_read_small(archive, parts[rels_part], name), rels_part, name)
    found = []
    for rel in root.iter(_RELS):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        found.append((rel.get("Id", ""), rel.get("Type", ""), posixpath.normpath(path)))
    return found


def _needed_parts(
    archive: zipfile.ZipFile,
    parts: dict[str, zipfile.ZipInfo],
    name: str,
    sheets: tuple[str, ...],
) -> tuple[dict[str, Callable[[], _Watch]], dict[str, str]]:
    """The parts openpyxl needs, each with the watch its stream goes through, and the part
    of each of `sheets` found."""
    package = _relationships(archive, parts, "", name)
    books = [t for _i, kind, t in package if kind.endswith(_OFFICE_DOCUMENT) and t in parts]
    if not books:
        raise TrackerError(f"{name} is not an Excel .xlsx file.")
    book = books[0]
    limits = {"[Content_Types].xml": MAX_OTHER_ELEMENTS, "_rels/.rels": MAX_OTHER_ELEMENTS}
    limits[book] = MAX_OTHER_ELEMENTS
    for _i, kind, target in package:
        if kind.endswith(_KEPT_PACKAGE_RELS) and target in parts:
            limits[target] = MAX_OTHER_ELEMENTS
    workbook_rels = _relationships(archive, parts, book, name)
    folder, base = posixpath.split(book)
    if workbook_rels:
        limits[posixpath.join(folder, "_rels", base + ".rels")] = MAX_OTHER_ELEMENTS
    for _i, kind, target in workbook_rels:
        for suffix, limit in _KEPT_WORKBOOK_RELS.items():
            if kind.endswith(suffix) and target in parts:
                limits[target] = limit
    targets = {rid: t for rid, kind, t in workbook_rels if kind.endswith("/worksheet")}
    root = _parse(_read_small(archive, parts[book], name), book, name)
    sheet_parts: dict[str, str] = {}
    for sheet in root.iter(f"{_MAIN}sheet"):
        title, found = str(sheet.get("name")), targets.get(sheet.get(_R_ID, ""))
        if title in sheets and found in parts and title not in sheet_parts:
            sheet_parts[title] = str(found)
    kept: dict[str, Callable[[], _Watch]] = {
        part: functools.partial(_Elements, name, part, limit) for part, limit in limits.items()
    }
    for title, target in sheet_parts.items():
        kept[target] = functools.partial(_Sheet, name, title)
    if any(parts[p].file_size > MAX_PART_BYTES for p in kept):
        raise TrackerError(
            f"{name} holds far more than a tracker does (a part over "
            f"{MAX_PART_BYTES // MB} MB); it is not opened."
        )
    return kept, sheet_parts


def _scan_all(
    archive: zipfile.ZipFile,
    parts: dict[str, zipfile.ZipInfo],
    kept: dict[str, Callable[[], _Watch]],
    name: str,
) -> dict[str, bytes]:
    """Unpacks every part as a stream, refusing a DTD in any XML part and a kept part that
    outgrows its watch; returns the kept parts' bytes."""
    bodies: dict[str, bytes] = {}
    for info in archive.infolist():  # every entry, duplicates of a name included
        if info.is_dir():
            continue
        chosen = parts[info.filename] is info and info.filename in kept
        watch = kept[info.filename]() if chosen else None
        body = _scan(archive, info, name, watch=watch)
        if body is not None:
            bodies[info.filename] = body
    return bodies


class _Watch:
    """Sees each element start of a kept part as it streams."""

    def start(self, tag: str, _attributes: object) -> None:
        raise NotImplementedError


def _local(tag: str) -> str:
    return tag.rpartition(":")[2]


class _Elements(_Watch):
    """At most `limit` elements in a part openpyxl builds objects from."""

    def __init__(self, name: str, part: str, limit: int) -> None:
        self.name, self.part, self.limit, self.count = name, part, limit, 0

    def start(self, tag: str, _attributes: object) -> None:
        self.count += 1
        if self.count > self.limit:
            raise TrackerError(
                f"{self.name}: {self.part} has more than {self.limit:,} elements, far more "
                "than a tracker holds; it is not opened."
            )


class _Sheet(_Watch):
    """Refuses, as the sheet streams, more rows or cells than a tracker holds, or a row
    wider than any tracker's (openpyxl would build such a row whole in memory)."""

    def __init__(self, name: str, sheet: str) -> None:
        self.name, self.sheet = name, sheet
        self.rows = self.cells = self.total = 0

    def start(self, tag: str, _attributes: object) -> None:
        local = _local(tag)
        if local == "c":
            self.cells += 1
            self.total += 1
            if self.total > MAX_CELLS:
                raise self._refuse(f"more than {MAX_CELLS:,} cells")
            if self.cells > MAX_CELLS_PER_ROW:
                raise self._refuse(f"a row of more than {MAX_CELLS_PER_ROW:,} cells")
        elif local == "row":
            self.rows += 1
            self.cells = 0
            if self.rows > MAX_ROWS + 1:
                raise self._refuse(f"more than {MAX_ROWS:,} rows")

    def _refuse(self, what: str) -> TrackerError:
        return TrackerError(
            f"{self.name}: the {self.sheet} sheet has {what}, far more than a tracker "
            "holds; it is not imported."
        )


def _looks_like_xml(head: bytes) -> bool:
    """Whether content starting with `head` (leading whitespace and NULs stripped) can be
    XML to expat: markup, or a byte order mark."""
    return head.startswith((b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))


def _scan(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    *,
    watch: _Watch | None,
) -> bytes | None:
    keep = watch is not None
    chunks: list[bytes] = []
    # Every part is parsed until its first significant byte shows it cannot be XML (an
    # image): whitespace may legally come before a DOCTYPE.
    parser: xml.parsers.expat.XMLParserType | None = _guarded_parser(
        name, watch.start if watch else None
    )
    decided = False

    def feed(data: bytes, final: bool) -> None:
        nonlocal parser
        if parser is None:
            return
        try:
            parser.Parse(data, final)
        except xml.parsers.expat.ExpatError:
            if keep:
                raise _damaged(name, info.filename) from None
            parser = None  # a part the import never reads: only a DTD matters

    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            if not decided:
                head = chunk.lstrip(b" \t\r\n\x00")
                if head:
                    decided = True
                    if not _looks_like_xml(head):
                        parser = None
            if keep:
                chunks.append(chunk)
            feed(chunk, False)
    if decided:
        feed(b"", True)
    return b"".join(chunks) if keep else None


def _guarded_parser(
    name: str, start: Callable[[str, object], None] | None
) -> xml.parsers.expat.XMLParserType:
    parser = xml.parsers.expat.ParserCreate()

    def refuse(*_args: object) -> Any:
        raise _dtd(name)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    if start is not None:
        parser.StartElementHandler = start
    return parser
