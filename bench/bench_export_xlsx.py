"""export-xlsx: the Excel tracker of the generated 500-objective, 10-year workbook, against
openpyxl writing the same number of plain cells (to memory, in the same run)."""

from __future__ import annotations

import io
import random

import openpyxl
from generate import generate_workbook
from run import best_of

from exporters.tracker import tracker_bytes

NAME = "export-xlsx"
TARGET = 2.0
COLUMNS = 20
REPEAT = 5


def _count_cells(data: bytes) -> int:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        return sum(
            1
            for ws in book.worksheets
            for row in ws.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    finally:
        book.close()


def _plain_cells(count: int) -> bytes:
    """The baseline: `count` cells of short text and numbers, no styles, one sheet."""
    rng = random.Random(1)
    values = [
        f"text {rng.randint(0, 10**6)}" if i % 2 else float(rng.randint(0, 1000))
        for i in range(COLUMNS)
    ]
    book = openpyxl.Workbook()
    ws = book.active
    rows, rest = divmod(count, COLUMNS)
    for _ in range(rows):
        ws.append(values)
    if rest:
        ws.append(values[:rest])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def measure() -> tuple[float, dict[str, object]]:
    workbook = generate_workbook()
    data, _notes = tracker_bytes(workbook)
    cells = _count_cells(data)
    # Interleaved, so a busy moment of the machine weighs on both sides alike.
    baseline = ours = float("inf")
    for _ in range(REPEAT):
        baseline = min(baseline, best_of(lambda: _plain_cells(cells), repeat=1))
        ours = min(ours, best_of(lambda: tracker_bytes(workbook), repeat=1))
    return ours / baseline, {
        "cells": cells,
        "tracker_bytes": len(data),
        "plain_cells_s": baseline,
        "tracker_s": ours,
    }
