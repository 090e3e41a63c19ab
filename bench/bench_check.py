"""check: every finding of the generated 500-objective, 10-year workbook, against
json.loads of its file in the same run; held to the `open` benchmark's budget."""

from __future__ import annotations

import json

from bench_open import TARGET as OPEN_TARGET
from generate import generate_workbook
from run import best_of

from planning.fileformat import dumps
from planning.readiness import all_findings, readiness

NAME = "check"
TARGET = OPEN_TARGET


def measure() -> tuple[float, dict[str, object]]:
    workbook = generate_workbook()
    data = dumps(workbook)
    baseline = best_of(lambda: json.loads(data))
    ours = best_of(lambda: readiness(workbook, all_findings(workbook)))
    found = len(all_findings(workbook))
    return ours / baseline, {"json_loads_s": baseline, "check_s": ours, "findings": found}
