"""packaging/: what goes into the frozen build, and the Linux archive's install.sh, which puts
the app, its menu entry, its icons and the .pmowb file type into the user's own folders and
takes them out again. A stand-in executable replaces the PyInstaller bundle (built in CI)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from conftest import ROOT

SPEC = importlib.util.spec_from_file_location("pmo_build", ROOT / "packaging" / "build.py")
assert SPEC is not None and SPEC.loader is not None
build = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(build)

SIZES = ("16", "24", "32", "48", "64", "128", "256", "512")


def test_every_resource_travels_with_the_bundle_beside_its_module() -> None:
    data = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in build.data_files()}
    for expected in (
        ("resources/pmowb.schema.json", "resources"),
        ("resources/samples/northwind-fy2027.pmowb", "resources/samples"),
        ("resources/templates/charter.docx", "resources/templates"),
        ("resources/icons/pmo-workbook.svg", "resources/icons"),
        *((f"resources/icons/pmo-workbook-{s}.png", "resources/icons") for s in SIZES),
    ):
        assert expected in data
    assert not any(src.endswith(".py") for src, _ in data)


@pytest.mark.slow
def test_no_module_the_app_imports_is_excluded() -> None:
    """In a fresh interpreter (the test session has imported QtTest and more): every Qt
    module the app, its pages and its exporters import stays in the bundle."""
    code = (
        "import sys, ui.self_test, ui.main_window\n"
        "from exporters.formats import EXPORT_FORMATS, writer_of\n"
        "[writer_of(fmt.key) for fmt in EXPORT_FORMATS]\n"
        "from planning.steps import Step\n"
        "from ui.pages import page_class\n"
        "[page_class(step) for step in Step]\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('PySide6.'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    imported = set(result.stdout.split())
    assert {"PySide6.QtCharts", "PySide6.QtWidgets"} <= imported
    assert imported.isdisjoint(build.EXCLUDES)
    assert not any(build.dropped(f"PySide6/Qt/lib/libQt6{m[8:]}.so.6") for m in imported)


def test_version_comes_from_main() -> None:
    import main

    assert build.version() == main.__version__


def _fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "bundle" / "pmo-workbook"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "pmo-workbook"
    exe.write_text('#!/bin/sh\necho "stand-in $*"\n')
    exe.chmod(0o755)
    return bundle


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    archive = build.stage_linux_archive(_fake_bundle(tmp_path), "9.8.7", tmp_path / "dist")
    assert archive.name == f"pmo-workbook-9.8.7-linux-{build.machine()}.tar.gz"
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    (top,) = (tmp_path / "unpacked").iterdir()
    return top


def _run(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/sh", str(script), *args],
        env={"PATH": "/usr/bin:/bin", "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def test_install_puts_everything_in_the_users_folders_and_uninstall_takes_it_out(
    unpacked: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    settings = home / ".config" / "pmo-workbook" / "settings.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[files]\n")

    result = _run(unpacked / "install.sh", home)
    lib = home / ".local" / "lib" / "pmo-workbook"
    share = home / ".local" / "share"
    assert "PMO Workbook 9.8.7 is installed" in result.stdout
    assert f"To remove it: {lib}/install.sh --uninstall" in result.stdout
    command = home / ".local" / "bin" / "pmo-workbook"
    assert command.resolve() == (lib / "pmo-workbook").resolve()
    ran = subprocess.run([str(command), "--version"], capture_output=True, text=True, check=True)
    assert ran.stdout == "stand-in --version\n"
    desktop = (share / "applications" / "pmo-workbook.desktop").read_text()
    assert f'\nExec="{lib}/pmo-workbook" %f\n' in desktop
    assert "\nMimeType=application/x-pmo-workbook;\n" in desktop
    assert "\nIcon=pmo-workbook\n" in desktop
    assert "*.pmowb" in (share / "mime" / "packages" / "pmo-workbook.xml").read_text()
    for size in SIZES:
        assert (share / f"icons/hicolor/{size}x{size}/apps/pmo-workbook.png").is_file()
        assert share / f"icons/hicolor/{size}x{size}/mimetypes/application-x-pmo-workbook.png"
    assert (share / "icons/hicolor/scalable/apps/pmo-workbook.svg").is_file()
    if shutil.which("update-mime-database"):
        assert "*.pmowb" in (share / "mime" / "globs2").read_text()
    if shutil.which("desktop-file-validate"):
        validated = subprocess.run(
            ["desktop-file-validate", str(share / "applications/pmo-workbook.desktop")],
            capture_output=True,
            text=True,
        )
        assert (validated.returncode, validated.stdout) == (0, "")

    # Again, as an update: the same places, no leftovers.
    _run(unpacked / "install.sh", home)
    assert not (lib.parent / "pmo-workbook.new").exists()

    result = _run(lib / "install.sh", home, "--uninstall")
    assert "PMO Workbook is removed." in result.stdout
    assert str(home / ".config" / "pmo-workbook") in result.stdout
    assert not lib.exists() and not command.exists() and not command.is_symlink()
    assert not (share / "applications" / "pmo-workbook.desktop").exists()
    assert not (share / "mime" / "packages" / "pmo-workbook.xml").exists()
    assert not list(share.glob("icons/hicolor/*/*/pmo-workbook.*"))
    assert not list(share.glob("icons/hicolor/*/*/application-x-pmo-workbook.*"))
    assert settings.read_text() == "[files]\n"  # the user's settings stay


def test_uninstall_leaves_a_pmo_workbook_command_of_another_install_alone(
    unpacked: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    other = home / ".local" / "bin" / "pmo-workbook"
    other.parent.mkdir(parents=True)
    other.write_text("#!/bin/sh\n")
    _run(unpacked / "install.sh", home)  # replaces it with our link
    other.unlink()
    other.write_text("#!/bin/sh\n")  # pip installs its own afterwards
    _run(home / ".local" / "lib" / "pmo-workbook" / "install.sh", home, "--uninstall")
    assert other.read_text() == "#!/bin/sh\n"
