"""The layout of the Excel tracker that export and import share: sheet, table and defined
names, the Objectives columns (and which of them owners may edit), and where the tracker
records which workbook and fiscal year it was made from.

Sheet names obey Excel's rules (at most 31 characters, none of `[ ] : * ? / \\`, unique,
never the reserved name "History": earlier years go on "Earlier years" and
"Earlier results"). docs/TRACKER.md describes the layout for owners.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

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
    key: str
    header: str
    width: float
    editable: bool = False
    wrap: bool = False


OBJECTIVE_COLUMNS: tuple[Column, ...] = (
    Column("code", "Code", 10),
    Column("title", "Objective", 30, wrap=True),
    Column("measure", "Measure", 26, wrap=True),
    Column("unit", "Unit", 8),
    Column("baseline", "Baseline", 10),
    Column("target", "Target", 9),
    Column("due", "Due date", 12),
    Column("owner", "Owner", 14, wrap=True),
    Column("constituents", "Constituents", 18, wrap=True),
    Column("supports", "Supports", 11, wrap=True),
    Column("status", "Status", 12, editable=True),
    Column("q1", "Q1 actual", 9, editable=True),
    Column("q2", "Q2 actual", 9, editable=True),
    Column("q3", "Q3 actual", 9, editable=True),
    Column("q4", "Q4 actual", 9, editable=True),
    Column("latest", "Latest actual", 9),
    Column("progress", "Progress", 11),
    Column("value_category", "Value category", 16, wrap=True),
    Column("value_amount", "Value amount", 11),
    Column("comments", "Comments", 32, editable=True, wrap=True),
    Column("row_id", "Row id", 38),
)

QUARTER_KEYS = ("q1", "q2", "q3", "q4")
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
