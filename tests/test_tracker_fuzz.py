"""Issue 16, the tracker half of the property-based test: a tracker with a flipped byte or
cut short is refused with exit 2 or imported validly; never exit 1, never a hang, never a
change to the tracker file."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from planning.fileformat import load_workbook

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRACKER = (FIXTURES / "tracker-v1.xlsx").read_bytes()
WORKBOOK = FIXTURES / "tracker-v1-workbook.pmowb"

flip = st.tuples(
    st.integers(min_value=0, max_value=len(TRACKER) - 1), st.integers(min_value=1, max_value=255)
).map(lambda f: TRACKER[: f[0]] + bytes([TRACKER[f[0]] ^ f[1]]) + TRACKER[f[0] + 1 :])
cut = st.integers(min_value=0, max_value=len(TRACKER) - 1).map(lambda n: TRACKER[:n])


@settings(
    max_examples=60,
    deadline=10_000,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.one_of(flip, cut))
def test_damaged_trackers_are_refused_or_imported_validly(data, capsys):
    with tempfile.TemporaryDirectory() as folder:
        workbook_path = Path(folder) / "wb.pmowb"
        shutil.copyfile(WORKBOOK, workbook_path)
        tracker_path = Path(folder) / "tracker.xlsx"
        tracker_path.write_bytes(data)
        code = main.main(["import-tracker", str(workbook_path), str(tracker_path)])
        captured = capsys.readouterr()
        assert code in (0, 2), captured
        if code == 2:
            assert len(captured.err.strip().splitlines()) == 1
        load_workbook(workbook_path)  # imported or not, a valid workbook
        assert tracker_path.read_bytes() == data
