"""open: loading the generated 500-objective, 10-year workbook, against json.loads of the
same bytes in the same run."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from generate import generate_workbook
from run import best_of

from planning.fileformat import load_workbook, save_workbook

NAME = "open"
TARGET = 5.0


def measure() -> tuple[float, dict[str, object]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.pmowb"
        save_workbook(generate_workbook(), path)
        data = path.read_bytes()
        baseline = best_of(lambda: json.loads(data))
        ours = best_of(lambda: load_workbook(path))
    return ours / baseline, {"file_bytes": len(data), "json_loads_s": baseline, "open_s": ours}
