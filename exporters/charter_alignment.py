"""The charter's alignment with company strategy: the company strategic objectives with the
support the office gives each, the alignment matrix, and the gaps both ways.

Every figure comes from `planning.totals` and counts this year's active objectives only, as
the tracker's Alignment sheet does. A small plan gets the full matrix (eight company
objectives per table); a large one gets the links listed per company objective instead of
a grid of mostly empty cells, and the body says so.
"""

from __future__ import annotations

from exporters import charter_words as words
from exporters.charter_writer import Cell, CellLike, CharterWriter, Run
from planning.alignment import alignment_gaps
from planning.enums import Strength
from planning.model import Objective, Workbook
from planning.totals import objective_strength, strategic_support

MATRIX_COLUMNS = 8  # company objectives per matrix table: more do not fit a portrait page
MATRIX_ROWS = 60  # beyond this many office objectives the links are listed, not gridded
MARKS = {Strength.WEAK: "●", Strength.MEDIUM: "●●", Strength.STRONG: "●●●"}
_MARK_FILL = {Strength.WEAK: "DEEAF6", Strength.MEDIUM: "9DC3E6", Strength.STRONG: "2E75B6"}
GAP_FILL = "FFF2CC"


def objective_name(objective: Objective) -> str:
    return " ".join(x for x in (objective.code, objective.title) if x)


def alignment(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, "Alignment with company strategy")
    if not workbook.strategy:
        writer.paragraph(
            Run(
                "No company strategic objectives are recorded, so the alignment "
                "of the office's objectives cannot be shown.",
                italic=True,
            )
        )
        return
    writer.heading(2, "Company strategic objectives")
    writer.paragraph(
        "Support is the number of this year's office objectives linked to each company "
        "strategic objective, and the sum of their links' strength (weak 1, medium 2, "
        "strong 3)."
    )
    rows: list[list[CellLike]] = []
    for support in strategic_support(workbook):
        strategic = support.strategic
        runs: list[str | Run] = [Run(strategic.title, bold=True)]
        if strategic.description.strip():
            runs.append("\n" + strategic.description.strip())
        fill = None if support.objectives else GAP_FILL
        rows.append(
            [
                strategic.code,
                Cell(runs),
                strategic.owner,
                strategic.priority.label,
                strategic.horizon,
                Cell([str(support.objectives)], center=True, fill=fill),
                Cell([str(support.strength)], center=True, fill=fill),
            ]
        )
    writer.table(
        [
            ("Code", 1.4),
            ("Strategic objective", 4.7),
            ("Owner", 2.3),
            ("Priority", 2.0),
            ("Horizon", 2.0),
            ("Objectives", 2.5),
            ("Strength", 2.3),
        ],
        rows,
        small=len(workbook.strategy) > MATRIX_COLUMNS * 2,
    )
    if len(workbook.active_objectives()) > MATRIX_ROWS:
        _links(writer, workbook)
    else:
        _matrix(writer, workbook)
    _gaps(writer, workbook)


def _matrix(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(2, "Alignment matrix")
    active = workbook.active_objectives()
    if not active:
        writer.paragraph(Run("No objectives to align yet.", italic=True))
        return
    writer.paragraph(
        "How strongly each office objective supports each company strategic "
        "objective: ● weak, ●● medium, ●●● strong."
    )
    links = {(link.objective_id, link.strategic_id): link.strength for link in workbook.alignment}
    per_objective = objective_strength(workbook)
    support = {s.strategic.id: s.strength for s in strategic_support(workbook)}
    strategy = workbook.strategy
    split = len(strategy) > MATRIX_COLUMNS
    if split:
        writer.paragraph(
            f"The {len(strategy)} company strategic objectives are shown "
            f"{MATRIX_COLUMNS} at a time; each table lists the office objectives "
            "that support at least one of its company objectives. The Total column "
            "counts an objective's links to every company objective. Office objectives "
            "that support none are listed under Gaps."
        )
    for start in range(0, len(strategy), MATRIX_COLUMNS):
        chunk = strategy[start : start + MATRIX_COLUMNS]
        columns = [("Office objective", 3.2)] + [(s.code or s.title[:12], 1.0) for s in chunk]
        columns.append(("Total", 0.9))
        rows: list[list[CellLike]] = []
        for objective in active:
            if split and not any((objective.id, s.id) in links for s in chunk):
                continue
            row: list[CellLike] = [objective_name(objective)]
            for strategic in chunk:
                strength = links.get((objective.id, strategic.id))
                row.append("" if strength is None else _mark_cell(strength))
            total = per_objective.get(objective.id, 0)
            row.append(
                Cell(
                    [str(total)] if total else [Run("none", italic=True)],
                    center=True,
                    fill=None if total else GAP_FILL,
                )
            )
            rows.append(row)
        rows.append(
            [Cell([Run("Support", bold=True)])]
            + [
                Cell(
                    [Run(str(support.get(s.id, 0)), bold=True)],
                    center=True,
                    fill=None if support.get(s.id, 0) else GAP_FILL,
                )
                for s in chunk
            ]
            + [""]
        )
        writer.table(columns, rows)


def _mark_cell(strength: Strength) -> Cell:
    return Cell(
        [Run(MARKS[strength], color="FFFFFF" if strength is Strength.STRONG else None)],
        fill=_MARK_FILL[strength],
        center=True,
    )


def _links(writer: CharterWriter, workbook: Workbook) -> None:
    """A large plan's matrix as lists: per company objective, the office objectives that
    support it with the strength of each link. Nothing is left out; only empty cells are."""
    writer.heading(2, "Alignment links")
    active = workbook.active_objectives()
    writer.paragraph(
        f"With {len(active)} office objectives and {len(workbook.strategy)} company "
        "strategic objectives, a matrix would be mostly empty cells, so the links are "
        "listed instead: for each company strategic objective, the office objectives "
        "that support it (● weak, ●● medium, ●●● strong). The Objectives annex gives "
        "each office objective's links the other way round."
    )
    codes = {o.id: o.code.strip() or o.title.strip() or "(no code)" for o in active}
    by_strategic: dict[str, list[str]] = {s.id: [] for s in workbook.strategy}
    for link in workbook.alignment:
        if link.objective_id in codes and link.strategic_id in by_strategic:
            by_strategic[link.strategic_id].append(
                f"{codes[link.objective_id]} {MARKS[link.strength]}"
            )
    rows: list[list[CellLike]] = []
    for strategic in workbook.strategy:
        linked = by_strategic[strategic.id]
        rows.append(
            [
                strategic.code or strategic.title,
                ", ".join(linked) if linked else Cell([Run("none", italic=True)], fill=GAP_FILL),
            ]
        )
    writer.table([("Company objective", 1.3), ("Supported by", 7.0)], rows, small=True)


def _gaps(writer: CharterWriter, workbook: Workbook) -> None:
    gaps = alignment_gaps(workbook)
    writer.heading(2, "Gaps")
    supported = len(workbook.strategy) - len(gaps.unsupported_strategic)
    if gaps.coverage is not None:
        writer.paragraph(
            f"The office's objectives support {supported} of "
            f"{len(workbook.strategy)} company strategic objectives "
            f"({round(gaps.coverage * 100)}%)."
        )
    if not gaps.unsupported_strategic and not gaps.orphan_objectives:
        writer.paragraph(
            "Every active office objective supports at least one company strategic "
            "objective, and every company strategic objective is supported by the "
            "office."
        )
        return
    if gaps.unsupported_strategic:
        count = len(gaps.unsupported_strategic)
        writer.paragraph(
            f"{words.plural(count, 'company strategic objective')} "
            f"{'is' if count == 1 else 'are'} supported by no office objective; "
            "the office should ask whether it can help with "
            f"{'it' if count == 1 else 'them'}:"
        )
        writer.table(
            [("Code", 0.8), ("Company strategic objective", 4.0), ("Owner", 1.7)],
            [[s.code, s.title, s.owner] for s in gaps.unsupported_strategic],
        )
    if gaps.orphan_objectives:
        count = len(gaps.orphan_objectives)
        writer.paragraph(
            f"{words.plural(count, 'office objective')} "
            f"support{'s' if count == 1 else ''} no company strategic objective; "
            f"align {'it' if count == 1 else 'them'} or say why the office "
            "pursues " + ("it:" if count == 1 else "them:")
        )
        writer.table(
            [("Code", 0.8), ("Office objective", 4.0), ("Owner", 1.7)],
            [[o.code, o.title, o.owner] for o in gaps.orphan_objectives],
        )
