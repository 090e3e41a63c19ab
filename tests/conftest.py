"""Shared fixtures: offscreen Qt, per-test settings folders, the samples, LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
FIRST_SAMPLE = SAMPLES / "northwind-fy2026.pmowb"
LATER_SAMPLE = SAMPLES / "northwind-fy2027.pmowb"


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QSettings and platformdirs folders point into a temp folder for every test."""
    base = tmp_path_factory.mktemp("userdirs")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(base / name.lower()))


@pytest.fixture
def first_sample():
    from planning.fileformat import load_workbook

    return load_workbook(FIRST_SAMPLE)


@pytest.fixture
def later_sample():
    from planning.fileformat import load_workbook

    return load_workbook(LATER_SAMPLE)


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="session")
def soffice() -> str:
    """The LibreOffice binary. In CI it must exist; elsewhere its absence skips the test."""
    path = soffice_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed, but CI must run these tests")
        pytest.skip("LibreOffice (soffice) is not installed: interoperability test skipped")
    return path


def convert_with_libreoffice(soffice: str, source: Path, fmt: str, outdir: Path) -> Path:
    """Convert `source` with LibreOffice headless; fail unless the output file exists
    (LibreOffice exits 0 even when it fails). One profile folder per call."""
    profile = Path("/tmp") / f"lo_profile_{uuid.uuid4().hex}"
    outdir.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                fmt,
                "--outdir",
                str(outdir),
                str(source),
            ],
            check=False,
            capture_output=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    target = outdir / (source.stem + "." + fmt.split(":")[0])
    if not target.exists():
        pytest.fail(f"LibreOffice did not convert {source.name} to {fmt}")
    return target
