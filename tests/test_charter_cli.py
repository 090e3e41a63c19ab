"""`pmo-workbook export WORKBOOK --docx FILE [--template FILE]`: exit 0 with the charter
written, exit 2 with one line when the workbook, template or destination is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LATER_SAMPLE, ROOT
from docx import Document
from test_charter_support import (
    DOCUMENT_TYPE,
    TEMPLATE_TYPE,
    organisation_template,
    switch_content_type,
)

import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_export_docx_writes_the_charter(tmp_path: Path) -> None:
    out = tmp_path / "charter.docx"
    result = run("export", str(LATER_SAMPLE), "--docx", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {out}"
    assert result.stderr == ""
    document = Document(out)
    assert document.core_properties.title == (
        "Charter of the Northwind Freight Portfolio Management Office"
    )


def test_export_with_dotx_template_prints_style_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "contoso.dotx"
    template.write_bytes(
        switch_content_type(organisation_template(tmp_path), DOCUMENT_TYPE, TEMPLATE_TYPE)
    )
    out = tmp_path / "charter.docx"
    assert (
        main.main(["export", str(LATER_SAMPLE), "--docx", str(out), "--template", str(template)])
        == 0
    )
    captured = capsys.readouterr()
    assert captured.err.startswith("note: The template lacks")
    assert Document(out).sections[0].header.paragraphs[0].text == "Contoso Group banner"


def test_export_refuses_non_word_template_with_one_line(tmp_path: Path) -> None:
    template = tmp_path / "letterhead.docx"
    template.write_text("plain text")
    out = tmp_path / "charter.docx"
    result = run("export", str(LATER_SAMPLE), "--docx", str(out), "--template", str(template))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "pmo-workbook: The template letterhead.docx is not a Word "
        "document: use a .docx or .dotx file."
    )
    assert not out.exists()


def test_export_refuses_unwritable_destination(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-folder" / "charter.docx"
    assert main.main(["export", str(LATER_SAMPLE), "--docx", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Cannot save charter.docx" in err


def test_export_refuses_damaged_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.pmowb"
    broken.write_bytes(LATER_SAMPLE.read_bytes()[:4000])
    out = tmp_path / "charter.docx"
    assert main.main(["export", str(broken), "--docx", str(out)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not out.exists()


def test_export_writes_tracker_and_charter_together(tmp_path: Path) -> None:
    xlsx, docx = tmp_path / "tracker.xlsx", tmp_path / "charter.docx"
    result = run("export", str(LATER_SAMPLE), "--xlsx", str(xlsx), "--docx", str(docx))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"Wrote {xlsx}", f"Wrote {docx}"]
    assert Document(docx).core_properties.subject == "Northwind Freight · FY2027"
    assert xlsx.read_bytes()[:2] == b"PK"
