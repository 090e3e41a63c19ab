"""Runs every benchmark of the project: `python bench/run.py [NAME ...]`.

Each benchmark is a module `bench/bench_*.py` with NAME, TARGET and `measure()`, which
returns (ratio, raw figures). A ratio compares our code with a bare baseline measured in
the same run, so the figures mean the same on a fast or a slow machine. One line per
benchmark: `NAME: ratio X.XX (target <= T)`, then the raw figures; a module's optional
`skip_reason()` returns why it cannot run here (`NAME: skipped (...)`).
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]


def best_of(function: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of `repeat` runs, in seconds: the least disturbed by the machine."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main(names: list[str]) -> int:
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    failed = 0
    for module_name in modules:
        module = importlib.import_module(module_name)
        if names and module.NAME not in names:
            continue
        # A benchmark that needs something not there (the frozen build) says so, not fails.
        reason = getattr(module, "skip_reason", lambda: None)()
        if reason:
            print(f"{module.NAME}: skipped ({reason})")
            continue
        ratio, raw = module.measure()
        mark = "" if ratio <= module.TARGET else "  ** over target **"
        print(f"{module.NAME}: ratio {ratio:.2f} (target <= {module.TARGET}){mark}")
        for key, value in raw.items():
            print(f"    {key}: {value:.4f}" if isinstance(value, float) else f"    {key}: {value}")
        failed += ratio > module.TARGET
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
