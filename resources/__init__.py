"""Files that ship with the app: the JSON Schema, sample workbooks, the charter template, the
application icon. Located next to this module, which is where a frozen build puts them too."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent
SCHEMA = ROOT / "pmowb.schema.json"
SAMPLES = ROOT / "samples"
TEMPLATES = ROOT / "templates"
ICONS = ROOT / "icons"


def sample_path(name: str = "northwind-fy2026.pmowb") -> Path:
    return SAMPLES / name
