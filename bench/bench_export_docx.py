"""export-docx: the Word charter of the generated 500-objective workbook, against python-docx
writing the same table cells (every table of that charter, same shape, same text) into a
blank document in the same run."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from generate import generate_workbook
from lxml import etree
from run import best_of

from exporters.charter import build_charter

NAME = "export-docx"
TARGET = 1.5
REPEAT = 3


def charter_tables(data: bytes) -> list[list[list[str]]]:
    """Every table of the charter as rows of cell texts (read straight from the XML)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    tables = []
    for table in root.iter(qn("w:tbl")):
        tables.append(
            [
                [
                    "".join(t.text or "" for t in cell.iter(qn("w:t")))
                    for cell in row.iter(qn("w:tc"))
                ]
                for row in table.iter(qn("w:tr"))
            ]
        )
    return tables


def plain_python_docx(tables: list[list[list[str]]]) -> bytes:
    """The baseline: python-docx's own table API, one table per charter table."""
    document = Document()
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for row, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=False):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def measure() -> tuple[float, dict[str, object]]:
    workbook = generate_workbook()
    data, _ = build_charter(workbook)
    tables = charter_tables(data)
    cells = sum(len(row) for rows in tables for row in rows)
    baseline = best_of(lambda: plain_python_docx(tables), REPEAT)
    ours = best_of(lambda: build_charter(workbook), REPEAT)
    return ours / baseline, {
        "tables": len(tables),
        "cells": cells,
        "charter_bytes": len(data),
        "python_docx_tables_s": baseline,
        "charter_s": ours,
    }
