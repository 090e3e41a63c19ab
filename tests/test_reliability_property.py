"""Issue 16: byte-flipped and truncated samples. Every variant is refused with one readable
line (exit 2) or loads to a workbook that saves and loads again; none ends in a traceback
(exit 1), hangs, or changes the input file. Many variants through the loader in-process, a
few through `pmo-workbook check` in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIRST_SAMPLE, LATER_SAMPLE, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planning.errors import WorkbookFileError
from planning.fileformat import dumps, load_workbook, loads, save_workbook
from planning.integrity import integrity_problems

SAMPLES = [FIRST_SAMPLE.read_bytes(), LATER_SAMPLE.read_bytes()]


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A sample with a few bytes flipped or set, then perhaps cut short."""
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data) - 1))
        if draw(st.booleans()):
            data[at] ^= 1 << draw(st.integers(0, 7))
        else:
            data[at] = draw(st.sampled_from(b'{}[]",:0123456789eE-+.\\ntfu \xff\xc3'))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


def _accepts_or_refuses(path: Path) -> None:
    before = path.read_bytes()
    try:
        workbook = load_workbook(path)
    except WorkbookFileError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
    else:
        assert integrity_problems(workbook) == []
        again = loads(dumps(workbook))  # what the app would save opens again
        assert again == loads(dumps(again))
    assert path.read_bytes() == before, "loading never changes the file"


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=damaged())
def test_damaged_samples_load_or_are_refused_in_process(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "variant.pmowb"
    path.write_bytes(data)
    _accepts_or_refuses(path)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=damaged())
def test_what_loads_from_a_damaged_sample_saves_and_reopens(tmp_path: Path, data: bytes) -> None:
    try:
        workbook = loads(data)
    except WorkbookFileError:
        return
    path = tmp_path / "saved.pmowb"
    save_workbook(workbook, path)
    assert load_workbook(path) == workbook


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1 :]


@pytest.mark.slow
@pytest.mark.parametrize(
    "variant",
    [
        LATER_SAMPLE.read_bytes()[:1000],
        LATER_SAMPLE.read_bytes()[:-3],
        _flip(LATER_SAMPLE.read_bytes(), 5),
        _flip(LATER_SAMPLE.read_bytes(), 40),
        _flip(FIRST_SAMPLE.read_bytes(), 2000),
        FIRST_SAMPLE.read_bytes().replace(b'"', b"\xc3", 1),
    ],
    ids=["cut", "cut at the end", "format", "version", "mid-way", "utf-8"],
)
def test_check_on_a_damaged_sample_exits_0_or_2(tmp_path: Path, variant: bytes) -> None:
    path = tmp_path / "variant.pmowb"
    path.write_bytes(variant)
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode in (0, 2), result.stderr
    if result.returncode == 2:
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("pmo-workbook: ")
    assert path.read_bytes() == variant
