"""Files that ship with the app: the JSON Schema, sample workbooks, the charter template."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent
SCHEMA = ROOT / "pmowb.schema.json"
SAMPLES = ROOT / "samples"
TEMPLATES = ROOT / "templates"


def sample_path(name: str = "northwind-fy2026.pmowb") -> Path:
    return SAMPLES / name
