"""The .pmowb file: round trips, refusals with one clear line, atomic saves."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from planning import atomic
from planning.errors import (
    DamagedWorkbookError,
    NewerVersionError,
    NotAWorkbookError,
    SaveError,
    WorkbookFileError,
)
from planning.fileformat import dumps, load_workbook, loads, save_workbook
from planning.model import DEFAULT_PURPOSE, SCHEMA_VERSION, Objective, new_workbook


def test_new_workbook_has_customer_success_purpose() -> None:
    workbook = new_workbook("Acme", "FY2027")
    assert workbook.purpose.text == DEFAULT_PURPOSE
    assert "customers" in workbook.purpose.text
    assert len(workbook.health) == 7


def test_save_and_load_round_trip(tmp_path: Path, later_sample) -> None:
    path = tmp_path / "copy.pmowb"
    save_workbook(later_sample, path)
    assert load_workbook(path) == later_sample
    head = json.loads(path.read_text(encoding="utf-8"))
    assert list(head)[:2] == ["format", "schema_version"]
    assert head["format"] == "pmo-workbook"
    assert head["schema_version"] == SCHEMA_VERSION


def test_lone_surrogate_is_replaced_on_save() -> None:
    workbook = new_workbook("Bad \ud800 text")
    assert loads(dumps(workbook)).setup.organisation == "Bad \ufffd text"


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", DamagedWorkbookError, "empty"),
        (b"\xff\xfe\x00garbage", NotAWorkbookError, "not a PMO Workbook"),
        (b"hello, world", NotAWorkbookError, "not a PMO Workbook"),
        (b"[1, 2, 3]", NotAWorkbookError, "not a PMO Workbook"),
        (b'{"format": "something-else", "schema_version": 1}', NotAWorkbookError, "format"),
        (b'{"format": "pmo-workbook"}', DamagedWorkbookError, "schema version"),
        (b'{"format": "pmo-workbook", "schema_version": true}', DamagedWorkbookError, "schema"),
        (b'{"format": "pmo-workbook", "schema_version": 99}', NewerVersionError, "newer"),
        (
            b'{"format": "pmo-workbook", "schema_version": 1, "objectives": 5}',
            DamagedWorkbookError,
            "objectives",
        ),
        (
            b'{"format": "pmo-workbook", "schema_version": 1, "surprise": 1}',
            DamagedWorkbookError,
            "surprise",
        ),
        (
            b'{"format": "pmo-workbook", "schema_version": 1, "health": [{"complaint": '
            b'"lack_of_focus", "score": 9}]}',
            DamagedWorkbookError,
            "health.0.score",
        ),
    ],
)
def test_refusals_have_one_clear_line(data: bytes, error: type, words: str) -> None:
    with pytest.raises(error) as caught:
        loads(data, name="x.pmowb")
    message = str(caught.value)
    assert words in message
    assert "\n" not in message
    assert message.startswith("x.pmowb")


def test_truncated_file_is_reported_as_truncated(later_sample) -> None:
    data = dumps(later_sample)
    for cut in (10, 1000, len(data) // 2):
        with pytest.raises(DamagedWorkbookError, match="truncated"):
            loads(data[:-cut])


def test_missing_and_folder_paths(tmp_path: Path) -> None:
    with pytest.raises(WorkbookFileError, match="does not exist"):
        load_workbook(tmp_path / "nope.pmowb")
    with pytest.raises(WorkbookFileError, match="folder"):
        load_workbook(tmp_path)


def test_nan_is_refused_on_load() -> None:
    data = b'{"format": "pmo-workbook", "schema_version": 1, "objectives": [{"baseline": NaN}]}'
    with pytest.raises(DamagedWorkbookError):
        loads(data)


def _saved_pair(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "review.pmowb"
    workbook = new_workbook("Before")
    save_workbook(workbook, path)
    return path, path.read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_disk_full_mid_save_leaves_previous_file(tmp_path: Path, monkeypatch) -> None:
    path, before = _saved_pair(tmp_path)
    changed = new_workbook("After")
    changed.objectives.append(Objective(code="X", title="y" * 100_000))

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(SaveError, match="disk is full"):
        save_workbook(changed, path)
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_failed_rename_leaves_previous_file(tmp_path: Path, monkeypatch) -> None:
    path, before = _saved_pair(tmp_path)

    def refuse(src: str, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(SaveError, match="no permission"):
        save_workbook(new_workbook("After"), path)
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_unwritable_folder_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    path, before = _saved_pair(tmp_path)

    def no_temp(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", no_temp)
    with pytest.raises(SaveError) as caught:
        save_workbook(new_workbook("After"), path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="does not exist"):
        save_workbook(new_workbook(), tmp_path / "missing" / "x.pmowb")


def test_interrupted_write_leaves_previous_file(tmp_path: Path, monkeypatch) -> None:
    """A crash between writing and renaming (KeyboardInterrupt) changes nothing either."""
    path, before = _saved_pair(tmp_path)

    def interrupted(src: str, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_workbook(new_workbook("After"), path)
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_save_keeps_file_permissions(tmp_path: Path) -> None:
    path, _ = _saved_pair(tmp_path)
    os.chmod(path, 0o640)
    save_workbook(new_workbook("Again"), path)
    assert os.stat(path).st_mode & 0o777 == 0o640
