"""startup-frozen: the frozen build (dist/pmo-workbook/, made by packaging/build.py) from
process start to its main window shown with the later sample open, against a bare PySide6
QMainWindow shown by the same machine's Python, both offscreen, in the same run.

The frozen child is `pmo-workbook self-test --time-to-window WORKBOOK`, which starts the app
exactly as `pmo-workbook WORKBOOK` does and prints `shown` once the window is up. To tell
what dominates, the raw figures also give the frozen `--version` (the bootloader unpacking
nothing and starting the interpreter, with no Qt) and the same window from source.

Skipped, with a message, when dist/pmo-workbook/ has not been built.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_startup import APP, BARE, SAMPLE

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "pmo-workbook"
FROZEN = BUNDLE / ("pmo-workbook.exe" if sys.platform == "win32" else "pmo-workbook")

NAME = "startup-frozen"
TARGET = 2.5
REPEAT = 3


def skip_reason() -> str | None:
    if not FROZEN.is_file():
        return f"no frozen build at {FROZEN.relative_to(ROOT)}: run python packaging/build.py"
    return None


def _time_to_line(command: list[str], expected: str | None) -> float:
    """Seconds from just before the process starts to its first line of output (or to its
    exit when `expected` is None)."""
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
            command,
            cwd=home,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        line = child.stdout.readline() if child.stdout else ""
        elapsed = time.perf_counter() - start
        child.communicate(timeout=60)
    if expected is not None and line.strip() != expected:
        raise RuntimeError(f"{command[0]}: no {expected!r} line (exit code {child.returncode})")
    return elapsed


def measure() -> tuple[float, dict[str, object]]:
    bare: list[float] = []
    version: list[float] = []
    frozen: list[float] = []
    source: list[float] = []
    for _ in range(REPEAT):  # interleaved, so all see the same machine load
        bare.append(_time_to_line([sys.executable, "-c", BARE], "shown"))
        version.append(_time_to_line([str(FROZEN), "--version"], None))
        frozen.append(
            _time_to_line([str(FROZEN), "self-test", "--time-to-window", "{workbook}"], "shown")
        )
        source.append(_time_to_line([sys.executable, "-c", APP, "{workbook}"], "shown"))
    return min(frozen) / min(bare), {
        "bare_qmainwindow_s": min(bare),
        "frozen_version_s (bootloader + interpreter, no Qt)": min(version),
        "frozen_app_with_sample_s": min(frozen),
        "source_app_with_sample_s": min(source),
        "frozen_vs_source_ratio": round(min(frozen) / min(source), 2),
    }


if __name__ == "__main__":
    reason = skip_reason()
    if reason:
        print(f"{NAME}: skipped ({reason})")
    else:
        ratio, raw = measure()
        print(f"{NAME}: ratio {ratio:.2f} (target <= {TARGET})", raw)
