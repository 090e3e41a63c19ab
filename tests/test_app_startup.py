"""Start-up: `pmo-workbook PATH` opens the workbook in the main window, and the heavy
export libraries (openpyxl, python-docx) are not imported until an export runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import LATER_SAMPLE, ROOT

CHILD = """
import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

import main

def report():
    from PySide6.QtWidgets import QApplication
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
    print(json.dumps({
        "title": window.windowTitle(),
        "visible": window.isVisible(),
        "readiness": window.readiness_label.text(),
        "heavy": sorted(m for m in ("openpyxl", "docx", "exporters.tracker",
                                    "exporters.charter") if m in sys.modules),
    }), flush=True)
    QApplication.instance().quit()

QTimer.singleShot(0, report)
sys.exit(main.main([sys.argv[1]]))
"""


def test_app_starts_with_the_workbook_and_without_export_libraries(tmp_path):
    workbook = tmp_path / "northwind-fy2027.pmowb"
    workbook.write_bytes(LATER_SAMPLE.read_bytes())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(workbook)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["title"] == "northwind-fy2027.pmowb[*] — FY2027 — PMO Workbook"
    assert seen["visible"]
    assert seen["readiness"].startswith("Readiness ")
    assert seen["heavy"] == []
