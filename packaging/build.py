"""Builds the desktop app that runs without Python: `python packaging/build.py`.

    pip install -e ".[build]"
    python packaging/build.py            # dist/pmo-workbook/ and the platform's archive
    python packaging/build.py --no-archive

A one-folder PyInstaller build (one-file unpacks itself on every start and is flagged by
virus scanners more often) at dist/pmo-workbook/, whose executable is the same program as the
`pmo-workbook` command: the desktop app with no arguments, every subcommand headless. Then,
per platform:

- Linux: dist/pmo-workbook-VERSION-linux-ARCH.tar.gz with install.sh, the menu entry, the
  icons and the .pmowb file type (packaging/linux/).
- Windows: pmo-workbook.exe (no console window) beside pmo-workbook-cli.exe (console, for
  the subcommands), the icon and a version resource; dist/pmo-workbook-VERSION-windows-ARCH.zip.
- macOS: dist/PMO Workbook.app, which opens .pmowb files (CFBundleDocumentTypes), zipped.

The sizes are printed and checked against the limits below. What goes into the bundle is
decided here (`data_files`, `EXCLUDES`); packaging/pmo-workbook.spec turns it into
PyInstaller's Analysis, EXE, COLLECT and BUNDLE.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
ICON_WORK = ROOT / "build" / "icons"
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
SPEC = HERE / "pmo-workbook.spec"

NAME = "pmo-workbook"
DISPLAY_NAME = "PMO Workbook"
BUNDLE_ID = "org.pmoworkbook.PMOWorkbook"
MIME_TYPE = "application/x-pmo-workbook"
WORKBOOK_SUFFIX = "pmowb"
MAX_ARCHIVE_MB = 120
MAX_UNPACKED_MB = 300

# Modules the app never imports but that a hook or an optional import would pull in. The Qt
# ones are big (WebEngine alone is ~200 MB); the others come from the build machine's
# site-packages through optional imports (openpyxl tries numpy and pandas).
_UNUSED_QT = """
    Qt3DAnimation Qt3DCore Qt3DExtras Qt3DInput Qt3DLogic Qt3DRender QtBluetooth
    QtCanvasPainter QtDataVisualization QtDesigner QtGraphs QtGraphsWidgets QtHelp
    QtHttpServer QtLocation QtMultimedia QtMultimediaWidgets QtNetwork QtNetworkAuth QtNfc
    QtOpenGL QtOpenGLWidgets QtPdf QtPdfWidgets QtPositioning QtQml QtQuick QtQuick3D
    QtQuickControls2 QtQuickTest QtQuickWidgets QtRemoteObjects QtScxml QtSensors
    QtSerialBus QtSerialPort QtSpatialAudio QtSql QtStateMachine QtSvg QtSvgWidgets QtTest
    QtTextToSpeech QtUiTools QtWebChannel QtWebEngineCore QtWebEngineQuick
    QtWebEngineWidgets QtWebSockets QtWebView QtXml
"""
EXCLUDES = [
    *(f"PySide6.{module}" for module in _UNUSED_QT.split()),
    "tkinter",
    "numpy",
    "pandas",
    "matplotlib",
    "IPython",
    "pytest",
    "hypothesis",
    "setuptools",
    "pip",
    "mypy",
    "jsonschema",
    "calamine",
    "docx2python",
]


# Packages that read their own data files at run time (python-docx's part templates), which
# PyInstaller's hooks do not collect; one not installed is skipped.
PACKAGE_DATA = [name for name in ("docx", "pptx") if importlib.util.find_spec(name)]

# Qt plugins the Qt hooks collect but the app never loads, and the libraries that only they
# link (QML and Quick come in through the virtual keyboard, QtPdf through the PDF image
# plugin). The GTK 3 theme would load the desktop's GTK against the bundle's own GLib;
# Qt's own Fusion style and file dialogs are used instead. `check_links` makes sure
# nothing left in the bundle needs a library left out.
DROPPED = re.compile(
    r"PySide6/Qt/(?:"
    r"plugins/(?:platforminputcontexts/libqtvirtualkeyboardplugin|imageformats/libqpdf"
    r"|generic/libqtuiotouchplugin|platformthemes/libqgtk3"
    r"|networkinformation/|tls/|egldeviceintegrations/"
    r"|platforms/lib(?:qeglfs|qlinuxfb|qvnc|qvkkhrdisplay|qminimalegl))"
    r"|lib/libQt6(?:Qml|Quick|VirtualKeyboard|Pdf|EglFs|Network)"
    r"|qml/)"
)


def dropped(bundle_path: str) -> bool:
    return DROPPED.search(bundle_path.replace(os.sep, "/")) is not None


def version() -> str:
    """main.__version__, read without importing the app."""
    tree = ast.parse((ROOT / "main.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__version__" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            if isinstance(value, str):
                return value
    raise SystemExit("main.py has no __version__")


def data_files() -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every shipped resource: everything under
    resources/ that is not Python. It lands beside resources/__init__.py in the bundle, where
    the app looks for it (`Path(__file__).parent`), frozen or not."""
    pairs = []
    for path in sorted(RESOURCES.rglob("*")):
        if (
            path.is_file()
            and path.suffix not in (".py", ".pyc")
            and "__pycache__" not in path.parts
        ):
            pairs.append((str(path), str(path.parent.relative_to(ROOT))))
    return pairs


def machine() -> str:
    arch = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(arch, arch)


def target_os() -> str:
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")


# --- icons and the Windows version resource ---------------------------------------------


def make_icons() -> dict[str, Path]:
    """The .ico (Windows) and .icns (macOS) from the shipped PNGs, with Pillow."""
    from PIL import Image

    ICON_WORK.mkdir(parents=True, exist_ok=True)
    largest = Image.open(ICONS / f"{NAME}-512.png")
    ico = ICON_WORK / f"{NAME}.ico"
    largest.save(ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    icns = ICON_WORK / f"{NAME}.icns"
    largest.save(icns)
    return {"ico": ico, "icns": icns, "png": ICONS / f"{NAME}-256.png"}


def windows_version_file(ver: str) -> Path:
    """The version resource Explorer shows in a file's properties (PyInstaller's text form;
    written by hand because PyInstaller's own classes need pefile, a Windows-only module)."""
    parts = [int(p) if p.isdigit() else 0 for p in ver.split(".")[:4]]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    strings = {
        "CompanyName": DISPLAY_NAME,
        "FileDescription": DISPLAY_NAME,
        "FileVersion": ver,
        "InternalName": NAME,
        "OriginalFilename": f"{NAME}.exe",
        "ProductName": DISPLAY_NAME,
        "ProductVersion": ver,
        "LegalCopyright": "MIT License",
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    path = ICON_WORK / "version_info.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def mac_info_plist(ver: str) -> dict[str, object]:
    """What Finder needs to open .pmowb files with the app (and show the document type)."""
    return {
        "CFBundleName": DISPLAY_NAME,
        "CFBundleDisplayName": DISPLAY_NAME,
        "CFBundleShortVersionString": ver,
        "CFBundleVersion": ver,
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": "12.0",
        "NSHumanReadableCopyright": "MIT License",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "PMO Workbook",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [f"{BUNDLE_ID}.workbook"],
                "CFBundleTypeExtensions": [WORKBOOK_SUFFIX],
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": f"{BUNDLE_ID}.workbook",
                "UTTypeDescription": "PMO Workbook",
                "UTTypeConformsTo": ["public.json", "public.data"],
                "UTTypeTagSpecification": {
                    "public.filename-extension": [WORKBOOK_SUFFIX],
                    "public.mime-type": [MIME_TYPE],
                },
            }
        ],
    }


# --- the build ---------------------------------------------------------------------------


def run_pyinstaller() -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        "--log-level",
        os.environ.get("PYINSTALLER_LOG_LEVEL", "WARN"),
    ]
    print("$", " ".join(command), flush=True)
    # The build must not see a developer's PYTHONPATH or Qt platform: it analyses this
    # checkout (the spec puts it first on the path) and nothing else.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_QPA_PLATFORM")}
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def check_links(bundle: Path) -> list[str]:
    """Linux: the bundle's libraries that need a library `DROPPED` left out (objdump reads
    each ELF file's NEEDED entries; without objdump nothing is checked)."""
    objdump = shutil.which("objdump")
    if not sys.platform.startswith("linux") or objdump is None:
        return []
    broken = []
    for path in sorted(bundle.rglob("*.so*")):
        if not path.is_file() or path.is_symlink():
            continue
        dump = subprocess.run([objdump, "-p", str(path)], capture_output=True, text=True)
        for line in dump.stdout.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == "NEEDED" and dropped(f"PySide6/Qt/lib/{parts[1]}"):
                broken.append(f"{path.relative_to(bundle)} needs {parts[1]}")
    return broken


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def stage_linux_archive(bundle: Path, ver: str, out: Path) -> Path:
    """dist/pmo-workbook-VERSION-linux-ARCH.tar.gz: the bundle, install.sh and the desktop
    files, in one top folder."""
    top = f"{NAME}-{ver}-linux-{machine()}"
    staging = out / top
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    shutil.copytree(bundle, staging / NAME, symlinks=True)
    install = staging / "install.sh"
    install.write_text(
        (HERE / "linux" / "install.sh").read_text(encoding="utf-8").replace("@VERSION@", ver),
        encoding="utf-8",
    )
    install.chmod(0o755)
    share = staging / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(HERE / "linux" / f"{NAME}.desktop", share / "applications" / f"{NAME}.desktop")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy2(HERE / "linux" / f"{NAME}-mime.xml", share / "mime" / "packages" / f"{NAME}.xml")
    for png in sorted(ICONS.glob(f"{NAME}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        apps = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        apps.mkdir(parents=True)
        shutil.copy2(png, apps / f"{NAME}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ICONS / f"{NAME}.svg", scalable / f"{NAME}.svg")
    archive = out / f"{top}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(staging, arcname=top)
    shutil.rmtree(staging)
    return archive


def stage_zip_archive(source: Path, ver: str, out: Path) -> Path:
    """Windows and macOS: a zip of the bundle (on macOS `ditto` keeps the .app's symlinks)."""
    base = out / f"{NAME}-{ver}-{target_os()}-{machine()}"
    if sys.platform == "darwin":
        archive = base.with_suffix(".zip")
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(source), str(archive)], check=True)
        return archive
    return Path(shutil.make_archive(str(base), "zip", source.parent, source.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="build the folder only")
    args = parser.parse_args(argv)
    ver = version()
    started = time.monotonic()
    print(f"Building {DISPLAY_NAME} {ver} for {target_os()}-{machine()}", flush=True)
    make_icons()
    windows_version_file(ver)
    run_pyinstaller()
    bundle = DIST / NAME
    executable = bundle / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
    if not executable.is_file():
        raise SystemExit(f"build.py: PyInstaller made no {executable}")
    broken = check_links(bundle)
    if broken:
        raise SystemExit("build.py: a library left out is needed:\n  " + "\n  ".join(broken))
    unpacked = folder_size(bundle)
    print(f"bundle:   {bundle.relative_to(ROOT)}  {unpacked / 1e6:.1f} MB unpacked")
    failed = unpacked > MAX_UNPACKED_MB * 1e6
    if not args.no_archive:
        if sys.platform.startswith("linux"):
            archive = stage_linux_archive(bundle, ver, DIST)
        else:
            app = DIST / f"{DISPLAY_NAME}.app"
            archive = stage_zip_archive(app if app.is_dir() else bundle, ver, DIST)
        size = archive.stat().st_size
        print(f"archive:  {archive.relative_to(ROOT)}  {size / 1e6:.1f} MB")
        failed |= size > MAX_ARCHIVE_MB * 1e6
    print(f"limits:   archive <= {MAX_ARCHIVE_MB} MB, unpacked <= {MAX_UNPACKED_MB} MB")
    print(f"built in {time.monotonic() - started:.0f} s")
    if failed:
        print("build.py: the build is over its size limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
