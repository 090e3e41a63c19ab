"""The domain and the exporters work with no Qt at all (PySide6 made unimportable)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

PROBE = """
import importlib, pkgutil, sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'ui'):
            raise ImportError('Qt is not allowed here: ' + name)
        return None
sys.meta_path.insert(0, NoQt())
import planning, exporters
for package in (planning, exporters):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):
        importlib.import_module(info.name)
from planning.fileformat import load_workbook
from planning.readiness import all_findings
wb = load_workbook(sys.argv[1])
print(len(all_findings(wb)))
print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))
"""


def test_planning_and_exporters_import_without_qt() -> None:
    sample = ROOT / "resources" / "samples" / "northwind-fy2027.pmowb"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(sample)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    count, modules = result.stdout.splitlines()
    assert int(count) > 0
    assert modules == "[]"
