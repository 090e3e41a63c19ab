"""The layout of the Excel tracker that export and import share: sheet, table and defined
names, the width of the Objectives columns (their keys, headers and editability are the
contract in planning.tracker_columns), and where the tracker records which workbook and
fiscal year it was made from.

Sheet names obey Excel's rules (at most 31 characters, none of `[ ] : * ? / \\`, unique,
never the reserved name "History": earlier years go on "Earlier years" and
"Earlier results"). docs/TRACKER.md describes the layout for owners.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from planning.tracker_columns import OBJECTIVE_COLUMNS as CONTRACT

TRACKER_FORMAT = "pmo-workbook-tracker"
TRACKER_VERSION = 1

OVERVIEW = "Overview"
OBJECTIVES = "Objectives"
ALIGNMENT = "Alignment"
XMATRIX = "X-matrix"
STRATEGY = "Company strategy"
CONSTITUENTS = "Constituents"
OFFICE_STRATEGY = "Office strategy"
NOT_DOING = "Not doing"
COMMUNICATION = "Communication plan"
HEALTH = "Health check"
EARLIER_YEARS = "Earlier years"
EARLIER_RESULTS = "Earlier results"
LISTS = "Lists"

SHEET_ORDER = (
    OVERVIEW,
    OBJECTIVES,
    ALIGNMENT,
    XMATRIX,
    STRATEGY,
    CONSTITUENTS,
    OFFICE_STRATEGY,
    NOT_DOING,
    COMMUNICATION,
    HEALTH,
    EARLIER_YEARS,
    EARLIER_RESULTS,
    LISTS,
)

# Defined names behind the drop-downs (values live on the hidden Lists sheet).
STATUS_LIST = "StatusList"
VALUE_CATEGORY_LIST = "ValueCategoryList"

# The identity block on the Lists sheet: labels in column D, values in column E. The same
# values are also written as custom document properties.
IDENTITY_ROWS = {
    "format": (1, "Tracker format"),
    "version": (2, "Tracker version"),
    "workbook_id": (3, "Workbook id"),
    "fiscal_year": (4, "Fiscal year"),
    "organisation": (5, "Organisation"),
    "exported": (6, "Exported on"),
}
IDENTITY_LABEL_COLUMN = 4
IDENTITY_VALUE_COLUMN = 5
PROPERTY_WORKBOOK_ID = "PMO Workbook id"
PROPERTY_FISCAL_YEAR = "PMO Workbook fiscal year"
PROPERTY_FORMAT = "PMO Workbook tracker format"


@dataclass(frozen=True)
class Column:
    """One Objectives column as the export lays it out: the contract's key, header and
    editability (planning.tracker_columns) with a width and wrapping."""

    key: str
    header: str
    width: float
    editable: bool = False
    wrap: bool = False


# Presentation only: width and wrapping of each contract column, by key.
_LOOK: dict[str, tuple[float, bool]] = {
    "code": (10, False),
    "title": (30, True),
    "measure": (26, True),
    "unit": (8, False),
    "baseline": (10, False),
    "target": (9, False),
    "due": (12, False),
    "owner": (14, True),
    "constituents": (18, True),
    "supports": (11, True),
    "status": (12, False),
    "q1": (9, False),
    "q2": (9, False),
    "q3": (9, False),
    "q4": (9, False),
    "latest": (9, False),
    "progress": (11, False),
    "value_category": (16, True),
    "value_amount": (11, False),
    "comments": (32, True),
    "row_id": (38, False),
}

OBJECTIVE_COLUMNS: tuple[Column, ...] = tuple(
    Column(c.key, c.header, _LOOK[c.key][0], c.editable, _LOOK[c.key][1]) for c in CONTRACT
)
EDITABLE_KEYS = tuple(c.key for c in OBJECTIVE_COLUMNS if c.editable)


def objective_column(key: str) -> int:
    """1-based column number of an Objectives column."""
    for index, column in enumerate(OBJECTIVE_COLUMNS, start=1):
        if column.key == key:
            return index
    raise KeyError(key)


def objective_letter(key: str) -> str:
    letter: str = get_column_letter(objective_column(key))
    return letter


def quoted(sheet: str) -> str:
    """A sheet name as formulas and defined names need it."""
    return "'" + sheet.replace("'", "''") + "'"
