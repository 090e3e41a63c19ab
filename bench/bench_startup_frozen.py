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

import sys
from pathlib import Path

from bench_startup import APP, BARE, time_to_line

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


def measure() -> tuple[float, dict[str, object]]:
    bare: list[float] = []
    version: list[float] = []
    frozen: list[float] = []
    source: list[float] = []
    for _ in range(REPEAT):  # interleaved, so all see the same machine load
        bare.append(time_to_line([sys.executable, "-c", BARE], "shown"))
        version.append(time_to_line([str(FROZEN), "--version"], None))
        frozen.append(
            time_to_line([str(FROZEN), "self-test", "--time-to-window", "{workbook}"], "shown")
        )
        source.append(time_to_line([sys.executable, "-c", APP, "{workbook}"], "shown"))
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
