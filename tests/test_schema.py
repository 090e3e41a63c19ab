"""The shipped JSON Schema, the model and docs/FILE_FORMAT.md agree."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from planning.fileformat import dumps
from planning.schema import SCHEMA_FILE, json_schema, schema_text

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "FILE_FORMAT.md").read_text(encoding="utf-8")


def test_shipped_schema_is_the_generated_one() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "resources/pmowb.schema.json is stale: run python -m planning.schema"
    )


def test_samples_validate_against_the_shipped_schema(first_sample, later_sample) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for workbook in (first_sample, later_sample):
        jsonschema.validate(json.loads(dumps(workbook)), schema)


def test_schema_rejects_what_the_loader_rejects() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": "pmo-workbook", "schema_version": 1, "x": 1}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": "other", "schema_version": 1}, schema)


def test_file_format_doc_names_every_field_and_entity() -> None:
    schema = json_schema()
    documented = set(re.findall(r"`([a-z_]+)`", DOC))
    missing = [name for name in schema["properties"] if name not in documented]
    for definition, body in schema["$defs"].items():
        if "properties" in body:
            assert f"**{definition}**" in DOC, f"{definition} is not described"
            missing += [f"{definition}.{p}" for p in body["properties"] if p not in documented]
        else:
            assert f"*{definition}*" in DOC, f"{definition} (an enum) is not named"
            missing += [f"{definition}.{v}" for v in body.get("enum", []) if v not in documented]
    assert missing == []
