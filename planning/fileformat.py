"""Reading and writing `.pmowb` files: UTF-8 JSON with a format name and a schema version.

Loading refuses, with one readable line, anything that is not a workbook this version can
hold: not JSON, truncated, another format, a newer schema, values of the wrong type. Nothing
is ever evaluated or unpickled: structures nested deeper than Python's recursion limit and
integers longer than 4,300 digits are refused like any other damage, and ids must be unique
and links must point at something (planning.integrity).

Saving is atomic (planning.atomic) and never writes a file this loader would refuse: the
bytes are loaded back, with every check above and the size limit, before the old file is
replaced.
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
    SaveError,
    WorkbookFileError,
)
from planning.integrity import integrity_problems
from planning.migrations import migrate
from planning.model import FORMAT_NAME, SCHEMA_VERSION, Workbook
from planning.paths import bytes_digest
from planning.reading import MB, read_user_file

EXTENSION = ".pmowb"
MAX_FILE_BYTES = 200 * 1024 * 1024

# A Python str can hold lone surrogates (from a "\ud800" escape); UTF-8 cannot. They are
# replaced by U+FFFD on save, the one lossy step, and documented in docs/FILE_FORMAT.md.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Only a JSON escape can put one in a loaded text (UTF-8 decoding never does).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def dumps(workbook: Workbook) -> bytes:
    document = workbook.model_dump(mode="json")
    document["format"] = FORMAT_NAME
    document["schema_version"] = SCHEMA_VERSION
    ordered = {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION, **document}
    text = json.dumps(ordered, ensure_ascii=False, indent=1, allow_nan=False)
    return _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8") + b"\n"


def save_workbook(workbook: Workbook, path: str | os.PathLike[str]) -> str:
    """Writes `workbook` atomically; returns the SHA-256 of the bytes written. Raises
    SaveError, the old file untouched, when the result would be refused on opening."""
    data = dumps(workbook)
    check_loadable(data, Path(path).name)
    atomic_write(path, data)
    return bytes_digest(data)


def check_loadable(data: bytes, name: str) -> None:
    """SaveError unless `data` passes every check of opening a workbook file."""
    if len(data) > MAX_FILE_BYTES:
        raise SaveError(
            f"Cannot save {name}: it would be {len(data) // MB} MB, more than the "
            f"{MAX_FILE_BYTES // MB} MB a workbook file may hold. The previous file is unchanged."
        )
    try:
        loads(data, name=name)
    except WorkbookFileError as exc:
        raise SaveError(
            f"Cannot save {name}: the result could not be opened again ({exc}). "
            "The previous file is unchanged."
        ) from exc


def load_workbook(path: str | os.PathLike[str]) -> Workbook:
    return read_workbook(path)[0]


def read_workbook(path: str | os.PathLike[str]) -> tuple[Workbook, str]:
    """The workbook at `path` and the SHA-256 of the bytes it was read from, so a caller
    can later tell whether the file changed on disk."""
    source = Path(path)
    data = read_user_file(
        source, what="a workbook file", error=WorkbookFileError, max_bytes=MAX_FILE_BYTES
    )
    return loads(data, name=source.name), bytes_digest(data)


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
        workbook = Workbook.model_validate(document)
    except ValidationError as exc:
        raise DamagedWorkbookError(f"{name} is damaged: {_first_problem(exc)}.") from exc
    except RecursionError as exc:
        raise DamagedWorkbookError(f"{name} is damaged: it is nested too deeply.") from exc
    problems = integrity_problems(workbook)
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise DamagedWorkbookError(f"{name} is damaged: {problems[0]}{more}.")
    return workbook


def _parse(data: bytes, name: str) -> dict[str, Any]:
    if not data.strip():
        raise DamagedWorkbookError(f"{name} is empty.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # A flipped byte or a cut inside a character: say where, so it reads as damage.
        if data.lstrip().startswith(b"{"):
            raise DamagedWorkbookError(
                f"{name} is not UTF-8 text at byte {exc.start}; it may be damaged."
            ) from exc
        raise NotAWorkbookError(
            f"{name} is not a PMO Workbook file (not UTF-8 text at byte {exc.start})."
        ) from exc
    try:
        document = json.loads(text)
    except RecursionError as exc:
        raise DamagedWorkbookError(f"{name} is damaged: it is nested too deeply.") from exc
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
    except ValueError as exc:  # an integer longer than Python converts (4,300 digits)
        raise DamagedWorkbookError(f"{name} is damaged: a number is too long.") from exc
    if _SURROGATE_ESCAPE.search(text):
        document = _without_lone_surrogates(document)
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise NotAWorkbookError(f"{name} is not a PMO Workbook file (format is not {FORMAT_NAME}).")
    return document


def _without_lone_surrogates(document: Any) -> Any:
    """The document with lone surrogates replaced by U+FFFD, as saving would write them: a
    text holding one cannot be printed, exported or saved as UTF-8. Iterative, so depth
    costs no recursion."""
    root: list[Any] = [document]
    stack: list[list[Any] | dict[str, Any]] = [root]
    while stack:
        container = stack.pop()
        if isinstance(container, dict):
            items = list(container.items())
            container.clear()
            for key, value in items:
                container[_LONE_SURROGATE.sub("\ufffd", key)] = value
            keys: Any = list(container)
        else:
            keys = range(len(container))
        for key in keys:
            value = container[key]
            if isinstance(value, str):
                container[key] = _LONE_SURROGATE.sub("\ufffd", value)
            elif isinstance(value, (dict, list)):
                stack.append(value)
    return root[0]


def _ends_early(text: str, exc: json.JSONDecodeError) -> bool:
    """True when the JSON stops short (a cut-off file) rather than being wrong mid-way."""
    if exc.pos >= len(text.rstrip()):
        return True
    return exc.msg.startswith("Unterminated string") and "\n" not in text[exc.pos :].rstrip()


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "the workbook"
    # A damaged field name may hold a line break or a control character: show it escaped.
    where = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in where)
    count = exc.error_count()
    more = f" (and {count - 1} more problems)" if count > 1 else ""
    return f"{where}: {error['msg']}{more}"
