"""Every released schema version opens; migrations run step by step, in order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planning import migrations
from planning.errors import DamagedWorkbookError
from planning.fileformat import dumps, loads
from planning.model import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_fixture_exists_for_every_released_version() -> None:
    versions = {
        json.loads(p.read_text(encoding="utf-8"))["schema_version"]
        for p in FIXTURES.glob("schema-v*.pmowb")
    }
    assert versions == set(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-v*.pmowb")), ids=str)
def test_every_fixture_opens_and_saves_in_the_current_version(fixture: Path) -> None:
    workbook = loads(fixture.read_bytes())
    assert workbook.setup.organisation == "Northwind Freight"
    assert workbook.objectives
    saved = json.loads(dumps(workbook))
    assert saved["schema_version"] == SCHEMA_VERSION


def test_migrations_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def step(n: int):
        def run(document: dict) -> dict:
            calls.append(n)
            document.setdefault("trail", []).append(n)
            return document

        return run

    monkeypatch.setattr(migrations, "MIGRATIONS", {1: step(1), 2: step(2), 3: step(3)})
    document = migrations.migrate({"schema_version": 1}, 1, 4)
    assert calls == [1, 2, 3]
    assert document == {"schema_version": 4, "trail": [1, 2, 3]}


def test_a_missing_migration_step_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: lambda d: d})
    with pytest.raises(DamagedWorkbookError, match="schema version 2"):
        migrations.migrate({"schema_version": 1}, 1, 3)


def test_version_1_gains_an_empty_agenda() -> None:
    document = json.loads((FIXTURES / "schema-v1.pmowb").read_text(encoding="utf-8"))
    assert "agenda" not in document
    workbook = loads(json.dumps(document).encode())
    assert workbook.agenda == []
    assert json.loads(dumps(workbook))["agenda"] == []


def test_version_2_gains_direction_settings_and_governance() -> None:
    document = json.loads((FIXTURES / "schema-v2.pmowb").read_text(encoding="utf-8"))
    assert "settings" not in document and "governance" not in document
    workbook = loads(json.dumps(document).encode())
    directions = {o.code: o.direction.value for o in workbook.objectives}
    # PO-2 came over with its result (21) as baseline and target 20: version 2's progress
    # read that as "lower is better", so it migrates as "down"; the others go up.
    assert directions == {
        "PO-1": "up",
        "PO-2": "down",
        "PO-3": "up",
        "PO-4": "up",
        "PF-1": "up",
        "PF-2": "up",
        "PF-3": "up",
    }
    assert all(o.target_max is None for o in workbook.objectives)
    assert workbook.settings.currency == "" and workbook.settings.focus_limit == 7
    assert workbook.governance.is_empty()
    assert workbook.history[0].governance is None
    assert [r.direction.value for r in workbook.history[0].objectives] == ["up"] * 4
    saved = json.loads(dumps(workbook))
    assert saved["settings"] == {"currency": "", "focus_limit": 7}
    assert saved["objectives"][1]["direction"] == "down"


def test_version_3_keeps_governance_and_its_history() -> None:
    workbook = loads((FIXTURES / "schema-v3.pmowb").read_bytes())
    assert workbook.settings.currency == "EUR"
    assert "prioritisation" in workbook.governance.decides[0]
    last = workbook.history[0].governance
    assert last is not None and "delivery standards" in last.decides[0]
