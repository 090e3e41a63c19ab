"""The headless command line: check, new-year, and the refusals (exit 2, one line)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LATER_SAMPLE, ROOT

import main
from planning.fileformat import load_workbook


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_prints_findings_grouped_by_step(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["check", str(LATER_SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "Northwind Freight · FY2027 · Northwind Freight Portfolio Management Office"
    )
    assert "Readiness" in out
    assert " 2. Office: needs attention" in out
    assert "changes from a Project Management Office to a Portfolio Management Office" in out
    assert (
        out.index(" 8. Objectives")
        < out.index("PF-3 (Portfolio dashboard for executives) has no measure")
        < out.index(" 9. Alignment")
    )


def test_check_refuses_truncated_copy_and_leaves_it_untouched(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pmowb"
    broken.write_bytes(LATER_SAMPLE.read_bytes()[:5000])
    before = broken.read_bytes()
    result = run("check", str(broken))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "truncated" in result.stderr and "Traceback" not in result.stderr
    assert broken.read_bytes() == before


def test_check_refuses_future_schema(tmp_path: Path) -> None:
    future = tmp_path / "future.pmowb"
    document = json.loads(LATER_SAMPLE.read_text(encoding="utf-8"))
    document["schema_version"] = 99
    future.write_text(json.dumps(document), encoding="utf-8")
    result = run("check", str(future))
    assert result.returncode == 2
    assert "newer version" in result.stderr and result.stderr.count("\n") == 1


def test_new_year_writes_next_year_with_both_years_of_history(tmp_path: Path) -> None:
    out = tmp_path / "fy2028.pmowb"
    result = run("new-year", str(LATER_SAMPLE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "FY2028" in result.stdout
    nxt = load_workbook(out)
    assert [s.fiscal_year.label for s in nxt.history] == ["FY2026", "FY2027"]
    assert nxt.setup.fiscal_year.label == "FY2028"
    assert run("check", str(out)).returncode == 0


def test_new_year_refuses_to_overwrite_its_source(tmp_path: Path) -> None:
    source = tmp_path / "this.pmowb"
    shutil.copy(LATER_SAMPLE, source)
    before = source.read_bytes()
    result = run("new-year", str(source), "--out", str(source))
    assert result.returncode == 2 and "new file" in result.stderr
    assert source.read_bytes() == before


def test_new_year_into_missing_folder_is_exit_2(tmp_path: Path) -> None:
    result = run("new-year", str(LATER_SAMPLE), "--out", str(tmp_path / "no" / "x.pmowb"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_export_without_a_target_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["export", str(LATER_SAMPLE)]) == 2
    assert "nothing to export" in capsys.readouterr().err


def test_missing_workbook_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main.main(["check", str(tmp_path / "none.pmowb")]) == 2
    assert "does not exist" in capsys.readouterr().err
