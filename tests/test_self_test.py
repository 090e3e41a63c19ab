"""`pmo-workbook self-test`: passes on a sound installation, and fails with one line naming
the first thing that is broken (a damaged export, a missing sample, a dialog nobody expects)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from PySide6.QtWidgets import QApplication

import main
from exporters.formats import EXPORT_FORMATS
from planning.steps import Step
from ui import export_jobs, self_test


def run_in_process() -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = self_test.run_self_test(out, err)
    return code, out.getvalue(), err.getvalue()


def test_a_damaged_export_fails_on_one_line(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = export_jobs._write

    def damaged(kind: str, workbook, path: Path, template: Path | None) -> list[str]:
        if kind == export_jobs.TRACKER:
            path.write_bytes(b"PK\x03\x04 not really an Excel file")
            return []
        return real_write(kind, workbook, path, template)

    monkeypatch.setattr(export_jobs, "_write", damaged)
    code, out, err = run_in_process()
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("pmo-workbook self-test failed: read back self-test-tracker.xlsx: ")
    last = list(Step)[-1]
    assert f"ok  step {last.number}. {last.title}" in out
    assert "ok  Export" not in out and "self-test passed" not in out


def test_a_missing_sample_fails_with_the_dialog_the_user_would_see(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import ui.files

    monkeypatch.setattr(ui.files, "SAMPLE", tmp_path / "gone.pmowb")
    code, _out, err = run_in_process()
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("pmo-workbook self-test failed: open the sample: unexpected dialog ")
    assert "gone.pmowb" in err
    assert QApplication.activeModalWidget() is None  # the dialog was dismissed


def test_every_format_the_app_offers_is_exported_and_read_back(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A format added to the app's list joins the self-test without touching it."""

    def write(kind: str, workbook, path: Path, template: Path | None) -> list[str]:
        assert kind == "poster"
        path.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
        return []

    poster = export_jobs.ExportFormat("poster", "Export Poster", ".pdf")
    monkeypatch.setattr(export_jobs, "_write", write)
    monkeypatch.setattr(export_jobs, "FORMATS", (poster,))  # alone, so the test stays quick
    code, out, err = run_in_process()
    assert (code, err) == (0, "")
    assert "ok  Export Poster: 0 KB, PDF 1.7" in out.splitlines()
    assert out.splitlines()[-1].endswith(f"{len(Step)} steps, exports pdf")


def test_the_app_offers_every_format_of_the_command_line() -> None:
    """So the self-test, which runs the app's list, covers every writer there is."""
    assert sorted(export_jobs.FORMAT_OF.values()) == sorted(f.key for f in EXPORT_FORMATS)
    assert [f.kind for f in export_jobs.FORMATS] == list(export_jobs.FORMAT_OF)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"pmo-workbook {main.__version__}\n"


@pytest.mark.slow
def test_self_test_walks_every_step_and_reads_back_every_export(tmp_path: Path) -> None:
    """As a user runs it: its own process, no display, every step, every registered export;
    the temp folder is cleaned up."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "",  # the self-test chooses offscreen by itself
        "TMPDIR": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "self-test"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env=env,
        cwd=tmp_path,
    )
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ok  started the app: Qt ") and "platform offscreen" in lines[0]
    assert "ok  opened the sample: Northwind Freight FY2027" in lines
    for step in Step:
        assert f"ok  step {step.number:>2}. {step.title}" in lines
    exported = [line for line in lines if line.startswith("ok  Export ")]
    assert len(exported) == len(export_jobs.FORMATS) == 4
    assert exported[0].startswith("ok  Export Excel Tracker: ") and "sheets" in exported[0]
    assert exported[1].startswith("ok  Export Word Charter: ") and "paragraphs" in exported[1]
    assert exported[2].startswith("ok  Export One-Page Summary: ") and "PDF 1." in exported[2]
    assert exported[3].startswith("ok  Export Briefing Deck: ") and "slides" in exported[3]
    assert lines[-1].startswith("self-test passed in ")
    assert lines[-1].endswith(
        f"Northwind Freight FY2027, {len(Step)} steps, exports xlsx, docx, pdf, pptx"
    )
    assert list(tmp_path.iterdir()) == []
