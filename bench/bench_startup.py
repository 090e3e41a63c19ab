"""startup: from process start to the main window shown with the later sample open, against a
bare PySide6 QMainWindow shown, both offscreen subprocesses in the same run.

Each child prints one line once its window is shown and the event loop has run; the time is
taken in the parent from just before the process starts to that line. Settings and recovery
folders point at a fresh temp folder, so no restore offer or remembered state interferes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "northwind-fy2027.pmowb"

NAME = "startup"
TARGET = 2.5
REPEAT = 5

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

# The bare window plus loading the sample with the domain (pydantic): the floor any UI on
# this domain starts from, reported to show how much of the budget is the UI's.
FLOOR = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from planning.fileformat import load_workbook
app = QApplication(sys.argv[:1])
workbook = load_workbook(sys.argv[1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

APP = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from ui.app import create_application, start_main_window
app = create_application([])
window = start_main_window(Path(sys.argv[1]))
assert window.document.path is not None and window.isVisible()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def time_to_line(command: list[str], expected: str | None = "shown") -> float:
    """Seconds from just before `command` starts to its first line of output (to its exit
    when `expected` is None). "{workbook}" in the command becomes a fresh copy of the sample;
    settings and recovery folders point into the same temp folder."""
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_STATE_HOME": f"{home}/state",
            "XDG_DATA_HOME": f"{home}/data",
            "XDG_CACHE_HOME": f"{home}/cache",
        }
        workbook = Path(home) / SAMPLE.name
        workbook.write_bytes(SAMPLE.read_bytes())
        command = [str(workbook) if part == "{workbook}" else part for part in command]
        start = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=home, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        line = child.stdout.readline() if child.stdout else ""
        elapsed = time.perf_counter() - start
        child.communicate(timeout=60)
    if expected is not None and line.strip() != expected:
        raise RuntimeError(f"{command[0]}: no {expected!r} line (exit code {child.returncode})")
    return elapsed


def time_to_shown(code: str, *args: str) -> float:
    """A Python child running `code`, given the sample copy once per extra argument."""
    return time_to_line([sys.executable, "-c", code, *("{workbook}" for _ in args)])


def measure() -> tuple[float, dict[str, object]]:
    bare: list[float] = []
    floor: list[float] = []
    ours: list[float] = []
    for _ in range(REPEAT):  # interleaved, so all see the same machine load
        bare.append(time_to_shown(BARE))
        floor.append(time_to_shown(FLOOR, "sample"))
        ours.append(time_to_shown(APP, "sample"))
    return min(ours) / min(bare), {
        "bare_qmainwindow_s": min(bare),
        "bare_window_plus_domain_load_s": min(floor),
        "floor_ratio": round(min(floor) / min(bare), 2),
        "app_with_sample_s": min(ours),
    }


if __name__ == "__main__":
    ratio, raw = measure()
    print(f"{NAME}: ratio {ratio:.2f} (target <= {TARGET})", raw)
