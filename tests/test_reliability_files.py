"""Issue 16: odd files, deep structures, broken ids and every way a save could write a file the
app would then refuse, each reproduced against the real loader and the real writer."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import LATER_SAMPLE, ROOT

from planning import atomic
from planning.errors import DamagedWorkbookError, SaveError, WorkbookFileError
from planning.fileformat import (
    MAX_FILE_BYTES,
    dumps,
    load_workbook,
    loads,
    read_workbook,
    save_workbook,
)
from planning.model import AlignmentLink, Objective
from planning.paths import file_digest

SAMPLE_TEXT = LATER_SAMPLE.read_text("utf-8")


def _sample_document() -> dict:
    return json.loads(SAMPLE_TEXT)


def _bytes(document: dict) -> bytes:
    return json.dumps(document).encode("utf-8")


# --- item 6: special files and deep structures -------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_device_is_refused_at_once(device: str) -> None:
    started = time.monotonic()
    with pytest.raises(WorkbookFileError, match="not a regular file"):
        load_workbook(device)
    assert time.monotonic() - started < 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pmowb"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def load() -> None:
        try:
            load_workbook(fifo)
            outcome.append(None)
        except WorkbookFileError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(1.0)
    if worker.is_alive():  # unblock the open so the thread can end, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("loading a FIFO hangs")
    assert "not a regular file" in str(outcome[0])


def test_cli_refuses_special_files_with_exit_2_within_a_second(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pmowb"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero", "/dev/urandom"):
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "check", path],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc")
def test_read_is_bounded_even_when_stat_says_empty() -> None:
    """/proc files are regular files whose size says 0: the read itself stops at the limit."""
    from planning import reading

    maps = Path("/proc/self/maps")
    assert maps.stat().st_size == 0
    with pytest.raises(WorkbookFileError, match="maps is more than 100 bytes, too large"):
        reading.read_user_file(maps, what="a workbook file", error=WorkbookFileError, max_bytes=100)


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deeply_nested_json_is_a_one_line_refusal(depth: int) -> None:
    data = b'{"format": "pmo-workbook", "schema_version": 3, "x": ' + b"[" * depth
    data += b"]" * depth + b"}"
    with pytest.raises(DamagedWorkbookError, match="nested too deeply"):
        loads(data)


def test_integer_of_5000_digits_is_a_one_line_refusal() -> None:
    document = {**_sample_document(), "schema_version": "@@"}
    text = json.dumps(document).replace('"@@"', "9" * 5000)
    with pytest.raises(DamagedWorkbookError, match="a number is too long"):
        loads(text.encode())


def test_lone_surrogate_escape_loads_as_replacement_and_check_prints_it(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.pmowb"
    path.write_text(SAMPLE_TEXT.replace('"Northwind Freight"', '"North\\ud800wind"', 1), "utf-8")
    assert load_workbook(path).setup.organisation == "North\ufffdwind"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(path)],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"North?wind")


def test_valid_surrogate_pair_escape_is_kept() -> None:
    text = SAMPLE_TEXT.replace('"Northwind Freight"', '"North\\ud83d\\ude9awind"', 1)
    assert loads(text.encode()).setup.organisation == "North\U0001f69awind"


@pytest.mark.parametrize(
    ("mutate", "byte"),
    [
        (lambda d: d[:100] + b"\xff" + d[101:], 100),
        (lambda d: d[: d.index("ä".encode()) + 1], None),
    ],
    ids=["flipped byte", "cut inside a character"],
)
def test_bad_utf8_says_where(mutate, byte) -> None:
    data = SAMPLE_TEXT.replace('"Northwind Freight"', '"Nörthwind ä"', 1).encode()
    broken = mutate(data)
    expected = byte if byte is not None else len(broken) - 1
    with pytest.raises(DamagedWorkbookError, match=f"not UTF-8 text at byte {expected}"):
        loads(broken)


# --- item 9: duplicate ids and dangling links --------------------------------------------


def test_duplicate_objective_ids_are_refused_naming_the_objective(later_sample) -> None:
    first, second = later_sample.objectives[:2]
    second.id = first.id
    with pytest.raises(DamagedWorkbookError) as refused:
        loads(dumps(later_sample))
    message = str(refused.value)
    assert f"two objectives share the id {first.id!r}" in message
    assert second.code in message


def test_link_to_a_missing_strategic_objective_is_refused(later_sample) -> None:
    later_sample.alignment.append(
        AlignmentLink(objective_id=later_sample.objectives[0].id, strategic_id="gone")
    )
    with pytest.raises(DamagedWorkbookError, match="strategic objective id 'gone'"):
        loads(dumps(later_sample))


def test_objective_serving_a_missing_constituent_is_refused(later_sample) -> None:
    later_sample.objectives[0].constituent_ids.append("nobody")
    with pytest.raises(DamagedWorkbookError) as refused:
        loads(dumps(later_sample))
    assert "constituent id 'nobody'" in str(refused.value)
    assert later_sample.objectives[0].code in str(refused.value)


def test_strategy_item_serving_a_missing_objective_is_refused(later_sample) -> None:
    later_sample.office_strategy[0].objective_ids.append("o-gone")
    with pytest.raises(DamagedWorkbookError, match="serves objective id 'o-gone'"):
        loads(dumps(later_sample))


# --- item 2 (save half): never write what the app would refuse to open -------------------


def test_save_refuses_a_workbook_over_the_size_limit(
    tmp_path: Path, later_sample, monkeypatch
) -> None:
    """A 205 MB workbook (a tracker's huge comment) is refused before the old file goes;
    the limit is lowered so the test needs no 200 MB of memory."""
    from planning import fileformat

    path = tmp_path / "big.pmowb"
    save_workbook(later_sample, path)
    before = path.read_bytes()
    monkeypatch.setattr(fileformat, "MAX_FILE_BYTES", 3 * 1024 * 1024)
    later_sample.objectives[0].comments = "x" * (3 * 1024 * 1024)
    with pytest.raises(SaveError, match="more than the 3 MB") as refused:
        save_workbook(later_sample, path)
    assert "previous file is unchanged" in str(refused.value)
    assert path.read_bytes() == before
    assert load_workbook(path) is not None
    assert MAX_FILE_BYTES == 200 * 1024 * 1024


def test_save_refuses_a_workbook_the_loader_would_refuse(tmp_path: Path, later_sample) -> None:
    path = tmp_path / "dup.pmowb"
    save_workbook(later_sample, path)
    before = path.read_bytes()
    later_sample.objectives.append(Objective(id=later_sample.objectives[0].id, code="DUP"))
    with pytest.raises(SaveError, match=r"could not be opened again.*share the id"):
        save_workbook(later_sample, path)
    assert path.read_bytes() == before


def test_save_returns_the_digest_that_read_workbook_reports(tmp_path: Path, later_sample) -> None:
    path = tmp_path / "d.pmowb"
    digest = save_workbook(later_sample, path)
    assert read_workbook(path)[1] == digest == file_digest(path)


def test_full_disk_leaves_old_file_and_no_temporary(tmp_path: Path, later_sample, monkeypatch):
    path = tmp_path / "full.pmowb"
    save_workbook(later_sample, path)
    before = path.read_bytes()

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    later_sample.setup.organisation = "Changed"
    with pytest.raises(SaveError, match="disk is full"):
        save_workbook(later_sample, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full.pmowb"]


# --- item 4: symlinks and read-only files ------------------------------------------------


def test_saving_through_a_symlink_writes_the_target(tmp_path: Path, later_sample) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "review.pmowb"
    save_workbook(later_sample, target)
    link = tmp_path / "link.pmowb"
    link.symlink_to(target)
    later_sample.setup.organisation = "Through the link"
    save_workbook(later_sample, link)
    assert link.is_symlink(), "the link stays a link"
    assert load_workbook(target).setup.organisation == "Through the link"


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_read_only_workbook_is_refused_not_replaced(tmp_path: Path, later_sample) -> None:
    path = tmp_path / "ro.pmowb"
    save_workbook(later_sample, path)
    path.chmod(0o444)
    before = path.read_bytes()
    later_sample.setup.organisation = "Changed"
    with pytest.raises(SaveError, match=r"ro\.pmowb: the file is read-only"):
        save_workbook(later_sample, path)
    assert path.read_bytes() == before and (path.stat().st_mode & 0o777) == 0o444


# --- bullet: temporary files left by a killed save ---------------------------------------

KILLED_SAVE = """
import os, signal, sys
from planning.fileformat import load_workbook, save_workbook
workbook = load_workbook(sys.argv[1])
# Die the moment the temporary file is complete, before it replaces the workbook.
os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
workbook.setup.organisation = "never saved"
save_workbook(workbook, sys.argv[1])
"""

HOLD_TEMP = """
import fcntl, sys, time
handle = open(sys.argv[1], "rb")
fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(60)
"""


def _age(path: Path, days: float) -> None:
    old = time.time() - days * 24 * 3600
    os.utime(path, (old, old))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and flock")
def test_leftover_of_a_killed_save_is_cleaned_at_the_next_save(tmp_path: Path, later_sample):
    path = tmp_path / "review.pmowb"
    save_workbook(later_sample, path)
    before = path.read_bytes()
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_SAVE, str(path)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL
    assert path.read_bytes() == before, "the killed save left the old file whole"
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".review.pmowb.")

    fresh = tmp_path / ".review.pmowb.abcd1234.tmp"  # a save under way right now
    fresh.write_bytes(b"x")
    held = tmp_path / ".review.pmowb.held0000.tmp"  # old, but a live process holds it
    held.write_bytes(b"x")
    foreign = tmp_path / ".notes.txt.tmp"  # not ours
    foreign.write_bytes(b"x")
    for old in (leftovers[0], held, foreign):
        _age(old, 2)
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_TEMP, str(held)], stdout=subprocess.PIPE, text=True
    ) as holder:
        _clean_with_holder(holder, tmp_path, later_sample, leftovers[0], fresh, held, foreign)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "other.pmowb",
        "review.pmowb",
    ]


def _clean_with_holder(holder, tmp_path, later_sample, leftover, fresh, held, foreign) -> None:
    try:
        assert holder.stdout.readline().strip() == "held"
        save_workbook(later_sample, tmp_path / "other.pmowb")  # any save in that folder
        assert not leftover.exists(), "the day-old leftover is removed"
        assert fresh.exists() and held.exists() and foreign.exists()
    finally:
        holder.kill()
        holder.wait()


def test_leftover_pattern_matches_what_mkstemp_makes(tmp_path: Path) -> None:
    import tempfile

    fd, name = tempfile.mkstemp(dir=tmp_path, prefix=".x y.pmowb.", suffix=".tmp")
    os.close(fd)
    assert atomic._TEMP_NAME.match(Path(name).name)


def test_a_damaged_field_name_with_a_line_break_stays_one_line() -> None:
    """Found by the byte-flipping property test: a flipped byte made a key hold "\\n"."""
    document = _sample_document()
    document["vision"]["rati\nale"] = 1
    with pytest.raises(DamagedWorkbookError) as refused:
        loads(_bytes(document))
    assert "vision.rati\\nale: Extra inputs" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_cli_reason_is_one_line_even_for_a_file_name_with_a_line_break(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(tmp_path / "a\nb.pmowb")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "a\\nb.pmowb does not exist" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("role", ["tracker", "template"])
def test_special_file_as_tracker_or_template_is_refused(tmp_path: Path, special, role) -> None:
    """The tracker and the charter template go through the same reader as the workbook."""
    source = Path(special)
    if special == "fifo":
        source = tmp_path / ("t.xlsx" if role == "tracker" else "t.docx")
        os.mkfifo(source)
    workbook = tmp_path / "review.pmowb"
    workbook.write_bytes(LATER_SAMPLE.read_bytes())
    if role == "tracker":
        args = ["import-tracker", str(workbook), str(source), "--dry-run"]
    else:
        args = ["export", str(workbook), "--docx", str(tmp_path / "c.docx"), "--template"]
        args.append(str(source))
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr
    assert time.monotonic() - started < 10  # the interpreter's start included
    assert workbook.read_bytes() == LATER_SAMPLE.read_bytes()
