"""Reading and writing `.pmowb` files: UTF-8 JSON with a format name and a schema version.

Loading refuses, with one readable line, anything that is not a workbook this version can
hold: not JSON, truncated, another format, a newer schema, values of the wrong type. Nothing
is ever evaluated or unpickled. Saving is atomic (planning.atomic).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planning.atomic import atomic_write
from planning.errors import (
    DamagedWorkbookError,
    NewerVersionError,
    NotAWorkbookError,
    WorkbookFileError,
)
from planning.migrations import migrate
from planning.model import FORMAT_NAME, SCHEMA_VERSION, Workbook
from planning.reading import read_user_file

EXTENSION = ".pmowb"
MAX_FILE_BYTES = 200 * 1024 * 1024

# A Python str can hold lone surrogates (from a "\ud800" escape); UTF-8 cannot. They are
# replaced by U+FFFD on save, the one lossy step, and documented in docs/FILE_FORMAT.md.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(workbook: Workbook) -> bytes:
    document = workbook.model_dump(mode="json")
    document["format"] = FORMAT_NAME
    document["schema_version"] = SCHEMA_VERSION
    ordered = {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION, **document}
    text = json.dumps(ordered, ensure_ascii=False, indent=1, allow_nan=False)
    return _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8") + b"\n"


def save_workbook(workbook: Workbook, path: str | os.PathLike[str]) -> None:
    atomic_write(path, dumps(workbook))


def load_workbook(path: str | os.PathLike[str]) -> Workbook:
    source = Path(path)
    data = read_user_file(
        source, what="a workbook file", error=WorkbookFileError, max_bytes=MAX_FILE_BYTES
    )
    return loads(data, name=source.name)


def loads(data: bytes, name: str = "The file") -> Workbook:
    document = _parse(data, name)
    version = document.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DamagedWorkbookError(f"{name} has no valid schema version; it may be damaged.")
    if version > SCHEMA_VERSION:
        raise NewerVersionError(
            f"{name} was written by a newer version of PMO Workbook (schema {version}; this "
            f"version reads up to {SCHEMA_VERSION}). Update the app to open it."
        )
    if version < SCHEMA_VERSION:
        document = migrate(document, version, SCHEMA_VERSION)
    try:
        return Workbook.model_validate(document)
    except ValidationError as exc:
        raise DamagedWorkbookError(f"{name} is damaged: {_first_problem(exc)}.") from exc


def _parse(data: bytes, name: str) -> dict[str, Any]:
    if not data.strip():
        raise DamagedWorkbookError(f"{name} is empty.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotAWorkbookError(f"{name} is not a PMO Workbook file (not UTF-8 text).") from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{") and _ends_early(text, exc):
            raise DamagedWorkbookError(
                f"{name} is truncated (it ends before the workbook does)."
            ) from exc
        if text.lstrip().startswith("{"):
            raise DamagedWorkbookError(
                f"{name} is damaged: invalid JSON at line {exc.lineno}, column {exc.colno}."
            ) from exc
        raise NotAWorkbookError(f"{name} is not a PMO Workbook file.") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise NotAWorkbookError(f"{name} is not a PMO Workbook file (format is not {FORMAT_NAME}).")
    return document


def _ends_early(text: str, exc: json.JSONDecodeError) -> bool:
    """True when the JSON stops short (a cut-off file) rather than being wrong mid-way."""
    if exc.pos >= len(text.rstrip()):
        return True
    return exc.msg.startswith("Unterminated string") and "\n" not in text[exc.pos :].rstrip()


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "the workbook"
    count = exc.error_count()
    more = f" (and {count - 1} more problems)" if count > 1 else ""
    return f"{where}: {error['msg']}{more}"
