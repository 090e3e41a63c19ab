"""Reading an updated Excel tracker back: `pmo-workbook import-tracker` and the app's import.

A tracker comes back from other people, so it is untrusted: it must be a zip of a sensible
size whose parts do not unpack to more than a limit (a zip bomb is refused before anything
is unpacked), and openpyxl parses it only with defusedxml installed (it then uses it against
XML entity attacks). A tracker made from another workbook or another fiscal year is refused.
The rows become planning.tracker_updates.TrackerRow values; the planning of changes and
problems, and applying them, happen there.
"""

from __future__ import annotations

import io
import os
import sys
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exporters.text import fit_cell, unescape_ooxml, xml_safe
from exporters.tracker_layout import (
    IDENTITY_LABEL_COLUMN,
    IDENTITY_ROWS,
    IDENTITY_VALUE_COLUMN,
    LISTS,
    OBJECTIVES,
    PROPERTY_FISCAL_YEAR,
    PROPERTY_FORMAT,
    PROPERTY_WORKBOOK_ID,
    TRACKER_FORMAT,
    TRACKER_VERSION,
)
from planning.errors import WorkbookError
from planning.fileformat import load_workbook, save_workbook
from planning.model import Workbook
from planning.reading import read_user_file
from planning.tracker_updates import (
    EDITABLE_FIELDS,
    ImportPlan,
    TrackerRow,
    apply_updates,
    plan_updates,
)

MAX_TRACKER_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_PART_RATIO = 200  # real xlsx parts compress 5-30×; a zip bomb, thousands
MAX_PARTS = 5000
MAX_ROWS = 100_000


class TrackerError(WorkbookError):
    """A tracker file that is refused as a whole: not an xlsx, damaged, unsafe, or made from
    another workbook or year."""


@dataclass(frozen=True)
class TrackerContents:
    identity: dict[str, str]
    rows: list[TrackerRow]


def as_exported(text: str) -> str:
    """What the export writes for `text` (repaired, cut to Excel's cell limit)."""
    return fit_cell(xml_safe(text))[0]


def prepare_import(workbook: Workbook, tracker_path: str | os.PathLike[str]) -> ImportPlan:
    """Reads the tracker, checks it belongs to `workbook`, and plans the changes. Raises
    TrackerError when the file is refused."""
    contents = read_tracker(tracker_path)
    check_identity(workbook, contents.identity, Path(tracker_path).name)
    return plan_updates(workbook, contents.rows, as_exported=as_exported)


def run_import_command(
    workbook_path: str | os.PathLike[str], tracker_path: str | os.PathLike[str], *, dry_run: bool
) -> int:
    workbook = load_workbook(workbook_path)
    plan = prepare_import(workbook, tracker_path)
    out = sys.stdout
    print(plan.summary(), file=out)
    if plan.changes:
        print("Changes:", file=out)
        for change in plan.changes:
            print(f"  {change.describe()}", file=out)
    if plan.problems:
        print("Problems (not imported):", file=out)
        for problem in plan.problems:
            print(f"  {problem.describe()}", file=out)
    if dry_run:
        print("Dry run: the workbook is unchanged.", file=out)
        return 0
    if not plan.changes:
        print("Nothing to import: the workbook is unchanged.", file=out)
        return 0
    applied = apply_updates(workbook, plan)
    save_workbook(workbook, workbook_path)
    print(
        f"Applied {applied} change{'s' if applied != 1 else ''} to {Path(workbook_path).name}.",
        file=out,
    )
    return 0


# --- Reading ----------------------------------------------------------------------------


def read_tracker(path: str | os.PathLike[str]) -> TrackerContents:
    source = Path(path)
    data = _read_bytes(source)
    _check_archive(data, source.name)
    book = _open_book(data, source.name)
    try:
        identity = _identity(book, source.name)
        rows = _objective_rows(book, source.name)
    finally:
        book.close()
    return TrackerContents(identity, rows)


def _read_bytes(source: Path) -> bytes:
    return read_user_file(source, what="a tracker", error=TrackerError, max_bytes=MAX_TRACKER_BYTES)


def _check_archive(data: bytes, name: str) -> None:
    """Refuses what is not an xlsx, and a zip bomb, from the zip's directory alone."""
    if not data.startswith(b"PK"):
        raise TrackerError(f"{name} is not an Excel .xlsx file.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise TrackerError(f"{name} is damaged: it is not a readable .xlsx file.") from exc
    names = {p.filename for p in parts}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise TrackerError(f"{name} is not an Excel .xlsx file.")
    total = sum(p.file_size for p in parts)
    ratios = (p.file_size / max(p.compress_size, 1) for p in parts if p.file_size > 1_000_000)
    if (
        len(parts) > MAX_PARTS
        or total > MAX_UNPACKED_BYTES
        or any(r > MAX_PART_RATIO for r in ratios)
    ):
        raise TrackerError(
            f"{name} unpacks to far more than a tracker holds (a zip bomb?); it is not opened."
        )


def _open_book(data: bytes, name: str) -> Any:
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:
        raise TrackerError(
            "Reading trackers needs the defusedxml package, which protects "
            "against hostile files; install it and try again."
        )
    import openpyxl

    try:
        with warnings.catch_warnings():
            # Files saved by Excel or LibreOffice carry extensions openpyxl does not read
            # (data bars, slicers): irrelevant to the import.
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        if _hostile_xml(exc):
            raise TrackerError(
                f"{name} contains XML entity declarations, which no tracker "
                "has (a hostile file?); it is not opened."
            ) from exc
        raise TrackerError(
            f"{name} is damaged or not an Excel workbook ({type(exc).__name__})."
        ) from exc


def _hostile_xml(exc: BaseException | None) -> bool:
    from defusedxml import DefusedXmlException

    while exc is not None:
        if isinstance(exc, DefusedXmlException):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _identity(book: Any, name: str) -> dict[str, str]:
    identity: dict[str, str] = {}
    if LISTS in book.sheetnames:
        ws = book[LISTS]
        labels = {label: key for key, (_row, label) in IDENTITY_ROWS.items()}
        for row in range(1, len(IDENTITY_ROWS) + 3):
            key = labels.get(str(ws.cell(row, IDENTITY_LABEL_COLUMN).value or "").strip())
            if key:
                identity[key] = str(ws.cell(row, IDENTITY_VALUE_COLUMN).value or "")
    properties = {p.name: str(p.value or "") for p in book.custom_doc_props.props}
    fallback = {
        "format": PROPERTY_FORMAT,
        "workbook_id": PROPERTY_WORKBOOK_ID,
        "fiscal_year": PROPERTY_FISCAL_YEAR,
    }
    for key, prop in fallback.items():
        if not identity.get(key) and prop in properties:
            identity[key] = properties[prop]
    if identity.get("format") != TRACKER_FORMAT or OBJECTIVES not in book.sheetnames:
        raise TrackerError(f"{name} is not a tracker exported by PMO Workbook.")
    return identity


def check_identity(workbook: Workbook, identity: dict[str, str], name: str) -> None:
    version = identity.get("version") or str(TRACKER_VERSION)
    if not version.isdigit() or int(version) > TRACKER_VERSION:
        raise TrackerError(
            f"{name} was exported by a newer version of PMO Workbook "
            f"(tracker version {version}); update the app to import it."
        )
    if identity.get("workbook_id") != workbook.id:
        raise TrackerError(
            f"{name} was exported from another workbook "
            f"({identity.get('organisation') or 'unknown organisation'}, "
            f"{identity.get('fiscal_year') or 'no fiscal year'}), not from this "
            "one; nothing is imported."
        )
    expected = workbook.setup.fiscal_year.label
    if identity.get("fiscal_year", "") != expected:
        raise TrackerError(
            f"{name} is the tracker of fiscal year "
            f"{identity.get('fiscal_year') or '(none)'}, but this workbook is "
            f"{expected or '(no fiscal year)'}; nothing is imported."
        )


def _objective_rows(book: Any, name: str) -> list[TrackerRow]:
    ws = book[OBJECTIVES]
    header = [str(c.value).strip() if c.value is not None else "" for c in ws[1]]
    needed = {"row_id": "Row id", "code": "Code", "title": "Objective", **EDITABLE_FIELDS}
    columns: dict[str, int] = {}
    for key, title in needed.items():
        if title not in header:
            raise TrackerError(
                f'{name}: the {OBJECTIVES} sheet has no "{title}" column; '
                "was it deleted or renamed?"
            )
        columns[key] = header.index(title)
    if ws.max_row > MAX_ROWS:
        raise TrackerError(
            f"{name}: the {OBJECTIVES} sheet has {ws.max_row:,} rows, far "
            "more than a tracker holds; it is not imported."
        )
    rows: list[TrackerRow] = []
    for number, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        cells = {key: _value(values, columns[key]) for key in EDITABLE_FIELDS}
        row_id = _value(values, columns["row_id"])
        rows.append(
            TrackerRow(
                row=number,
                row_id=str(row_id).strip() if row_id is not None else "",
                code=_value(values, columns["code"]),
                title=_value(values, columns["title"]),
                cells=cells,
            )
        )
    return rows


def _value(values: tuple[Any, ...], index: int) -> Any:
    value = values[index] if index < len(values) else None
    # openpyxl leaves the `_x005F_` escape of inline strings undecoded.
    return unescape_ooxml(value) if isinstance(value, str) else value
