"""The JSON Schema of `.pmowb` files, generated from the model.

`python -m planning.schema` rewrites resources/pmowb.schema.json; a test fails when the
shipped schema and the model disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from planning.model import FORMAT_NAME, SCHEMA_VERSION, Workbook

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "resources" / "pmowb.schema.json"


def json_schema() -> dict[str, Any]:
    schema = Workbook.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"urn:pmo-workbook:schema:{SCHEMA_VERSION}"
    schema["title"] = "PMO Workbook file (.pmowb)"
    schema["description"] = (
        f"One fiscal year's review of a management office. format is always {FORMAT_NAME!r}; "
        f"schema_version {SCHEMA_VERSION}."
    )
    properties = schema["properties"]
    properties["format"] = {"const": FORMAT_NAME, "type": "string"}
    properties["schema_version"] = {"const": SCHEMA_VERSION, "type": "integer"}
    schema["required"] = sorted({*schema.get("required", []), "format", "schema_version"})
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
