"""Reading an updated Excel tracker back: `pmo-workbook import-tracker` and the app's import.

A tracker comes back from other people, so it is untrusted: tracker_archive bounds the zip
and refuses entity declarations in any part before anything is parsed, and openpyxl reads
only the Objectives and Lists sheets, in streaming (read-only) mode, with defusedxml
installed. The row limit stops the reading as soon as it is passed. A tracker made from
another workbook or another fiscal year is refused. The rows become
planning.tracker_updates.TrackerRow values, the columns found by their headers in the one
contract (planning.tracker_columns); a column the tracker lacks is not read. The planning of
changes and problems, and applying them, happen in planning.tracker_updates.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exporters.text import fit_cell, unescape_ooxml, xml_safe
from exporters.tracker_archive import MAX_ROWS, TrackerError, open_package
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
from planning.model import Workbook
from planning.reading import read_user_file
from planning.tracker_columns import IDENTIFYING, OBJECTIVE_COLUMNS, ROW_ID, header
from planning.tracker_updates import ImportPlan, TrackerRow, plan_updates

MAX_TRACKER_BYTES = 50 * 1024 * 1024

__all__ = ["MAX_ROWS", "TrackerError", "prepare_import", "read_tracker"]


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


# --- Reading ----------------------------------------------------------------------------


def read_tracker(path: str | os.PathLike[str]) -> TrackerContents:
    source = Path(path)
    name = source.name
    data = read_user_file(source, what="a tracker", error=TrackerError, max_bytes=MAX_TRACKER_BYTES)
    package = open_package(data, name, (OBJECTIVES, LISTS))
    with warnings.catch_warnings():
        # Files saved by Excel or LibreOffice carry extensions openpyxl does not read (data
        # bars, slicers), which it warns about as it streams the sheet: irrelevant here.
        warnings.simplefilter("ignore")
        book = _open_book(package.data, name)
        try:
            identity = _identity(book, name)
            rows = _objective_rows(book, name)
        except TrackerError:
            raise
        except Exception as exc:  # a cell or row openpyxl cannot read while streaming
            raise TrackerError(
                f"{name} is damaged or not an Excel workbook ({type(exc).__name__})."
            ) from exc
        finally:
            book.close()
    return TrackerContents(identity, rows)


def _open_book(data: bytes, name: str) -> Any:
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:
        raise TrackerError(
            "Reading trackers needs the defusedxml package, which protects "
            "against hostile files; install it and try again."
        )
    import openpyxl

    try:
        return openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise TrackerError(
            f"{name} is damaged or not an Excel workbook ({type(exc).__name__})."
        ) from exc


def _identity(book: Any, name: str) -> dict[str, str]:
    identity: dict[str, str] = {}
    if LISTS in book.sheetnames:
        labels = {label: key for key, (_row, label) in IDENTITY_ROWS.items()}
        last = len(IDENTITY_ROWS) + 2
        for values in book[LISTS].iter_rows(
            min_row=1, max_row=last, max_col=IDENTITY_VALUE_COLUMN, values_only=True
        ):
            label = _value(values, IDENTITY_LABEL_COLUMN - 1)
            key = labels.get(str(label or "").strip())
            if key:
                identity[key] = str(_value(values, IDENTITY_VALUE_COLUMN - 1) or "")
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
    # The dimension a file declares is not trusted: every row is read, up to the limit.
    ws.reset_dimensions()
    rows_iter = ws.iter_rows(values_only=True)
    first = next(rows_iter, ())
    found = [str(v).strip() if v is not None else "" for v in first]
    columns: dict[str, int] = {}
    for column in OBJECTIVE_COLUMNS:
        if column.header in found:
            columns[column.key] = found.index(column.header)
    for key in (ROW_ID, *IDENTIFYING):
        if key not in columns:
            raise TrackerError(
                f'{name}: the {OBJECTIVES} sheet has no "{header(key)}" column; '
                "was it deleted or renamed?"
            )
    # Columns the import reads besides the key; an older tracker may lack some.
    read = [k for k in columns if k not in (ROW_ID, *IDENTIFYING)]
    rows: list[TrackerRow] = []
    for number, values in enumerate(rows_iter, start=2):
        if number > MAX_ROWS + 1:
            raise TrackerError(
                f"{name}: the {OBJECTIVES} sheet has more than {MAX_ROWS:,} rows, far "
                "more than a tracker holds; it is not imported."
            )
        row_id = _value(values, columns[ROW_ID])
        rows.append(
            TrackerRow(
                row=number,
                row_id=str(row_id).strip() if row_id is not None else "",
                code=_value(values, columns["code"]),
                title=_value(values, columns["title"]),
                cells={key: _value(values, columns[key]) for key in read},
            )
        )
    return rows


def _value(values: tuple[Any, ...], index: int) -> Any:
    value = values[index] if index < len(values) else None
    # openpyxl leaves the `_x005F_` escape of inline strings undecoded.
    return unescape_ooxml(value) if isinstance(value, str) else value
