"""The charter's objectives: what the office commits to this year, the value they claim,
and, for a plan too large for the body, the annex that lists every objective.

Sentences describe the data they sit on: "each has an owner" is printed only when each has
one, otherwise the objectives lacking something are named. Counts come from
`planning.totals`, the same figures the executive summary and the tracker show.
"""

from __future__ import annotations

from exporters import charter_words as words
from exporters.charter_alignment import MARKS
from exporters.charter_writer import Cell, CellLike, CharterWriter, Run
from planning.enums import CarryDecision, ObjectiveStatus
from planning.model import Objective, Workbook
from planning.totals import (
    MISSING_FIELDS,
    carry_over_counts,
    key_objectives,
    missing_fields,
    retired_new_objectives,
    status_counts,
    value_by_category,
    value_unit,
)

BODY_OBJECTIVES = 30  # more active objectives than this: the body shows the key ones
KEY_OBJECTIVES = 15
LACKING_PER_OBJECTIVE = 8  # up to this many incomplete objectives are named one per line
ANNEX_TITLE = "Annex: objectives in detail"
_FIELD_PHRASE = {
    "measure": "a measure",
    "baseline": "a baseline",
    "target": "a target",
    "due date": "a due date",
    "owner": "an owner",
    "constituent": "a constituent it serves",
}


def is_large(workbook: Workbook) -> bool:
    return len(workbook.active_objectives()) > BODY_OBJECTIVES


def status_sentence(workbook: Workbook) -> str:
    counts = status_counts(workbook)
    parts = [f"{n} {s.label.lower()}" for s, n in counts.items() if n]
    return words.listing(parts)


def value_sentence(workbook: Workbook) -> str:
    """The value the active objectives claim, by category, with its unit; empty if none."""
    totals = value_by_category(workbook)
    if not totals.objectives:
        return ""
    unit = value_unit(workbook)
    parts = [
        f"{category.label.lower() if category else 'uncategorised'} {words.amount(amount, unit)}"
        for category, amount in totals.by_category.items()
    ]
    currency = f"in {unit}" if unit else "with no currency set in the workbook"
    sentence = (
        f"{words.plural(totals.objectives, 'objective')} state the value they bring, "
        f"{currency}: {words.listing(parts)}"
    )
    if len(totals.by_category) > 1:
        sentence += (
            f"; {words.amount(totals.total, unit)} in all, adding different kinds of "
            "value as their owners priced them"
        )
    return sentence + "."


def _value_cell(objective: Objective, unit: str) -> str:
    value = objective.value_category.label if objective.value_category else ""
    if objective.value_amount is not None:
        value += (": " if value else "") + words.amount(objective.value_amount, unit)
    return value


def _objective_cell(objective: Objective, *, description: bool = True) -> Cell:
    runs: list[str | Run] = [Run(objective.title, bold=True)]
    if description and objective.description.strip():
        runs.append("\n" + objective.description.strip())
    return Cell(runs)


def objectives(writer: CharterWriter, workbook: Workbook) -> None:
    writer.heading(1, "Objectives")
    active = workbook.active_objectives()
    year = words.fiscal_year(workbook)
    if not active:
        writer.paragraph(Run("No measurable objectives are set yet.", italic=True))
        _closed_note(writer, workbook)
        return
    writer.paragraph(
        f"The office commits to {words.plural(len(active), 'measurable objective')}"
        + (" for " if year else "."),
        *([year, "."] if year else []),
        f" Status today: {status_sentence(workbook)}.",
    )
    _completeness(writer, active)
    unit = value_unit(workbook)
    if is_large(workbook):
        writer.paragraph(
            f"All {len(active)} objectives are listed one per row in the {ANNEX_TITLE} at "
            f"the end of this charter. The {KEY_OBJECTIVES} below matter most to the "
            "company: they have the strongest links to its highest-priority objectives."
        )
        shown = key_objectives(workbook, KEY_OBJECTIVES)
    else:
        shown = active
    rows: list[list[CellLike]] = [
        [
            objective.code,
            _objective_cell(objective),
            objective.measure,
            words.baseline_to_target(objective),
            words.short_day(objective.due),
            objective.owner,
            words.constituent_names(workbook, objective),
            _value_cell(objective, unit),
        ]
        for objective in shown
    ]
    writer.table(
        [
            ("Code", 1.4),
            ("Objective", 3.0),
            ("Measure", 2.6),
            ("Baseline → target", 2.0),
            ("Due", 1.7),
            ("Owner", 1.6),
            ("Serves", 2.3),
            ("Value", 2.1),
        ],
        rows,
    )
    value = value_sentence(workbook)
    if value:
        writer.paragraph(value[0].upper() + value[1:])
    _closed_note(writer, workbook)


def _completeness(writer: CharterWriter, active: list[Objective]) -> None:
    """ "Each has ..." only for what each has; the objectives lacking something are named,
    one line per objective (or per missing part, when many objectives lack something)."""
    lacking = {o.code.strip() or o.title.strip() or "?": missing_fields(o) for o in active}
    lacking = {code: fields for code, fields in lacking.items() if fields}
    if not lacking:
        writer.paragraph(
            "Each has a measure, a baseline and a target, a due date and an owner, and "
            "says whom it serves."
        )
        return
    missing = {name for fields in lacking.values() for name in fields}
    complete = [_FIELD_PHRASE[name] for name in MISSING_FIELDS if name not in missing]
    lead = f"Each has {words.listing(complete)}. " if complete else ""
    # The list keeps with the objectives table that follows it.
    writer.paragraph(lead + "Still to be set:")
    writer.keep_with_next()
    if len(lacking) <= LACKING_PER_OBJECTIVE:
        for code, fields in lacking.items():
            writer.bullet(f"{code}: {words.listing(_FIELD_PHRASE[f] for f in fields)}.")
            writer.keep_with_next()
        return
    for name in MISSING_FIELDS:
        codes = [code for code, fields in lacking.items() if name in fields]
        if codes:
            phrase = _FIELD_PHRASE[name]
            writer.bullet(
                f"{phrase[0].upper()}{phrase[1:]} for "
                f"{words.plural(len(codes), 'objective')}: {', '.join(codes)}."
            )


def _closed_note(writer: CharterWriter, workbook: Workbook) -> None:
    counts = carry_over_counts(workbook)
    if counts.closed:
        retired = counts.decided.get(CarryDecision.RETIRE, 0)
        achieved = counts.decided.get(CarryDecision.ACHIEVED, 0)
        parts = [f"{retired} retired" if retired else "", f"{achieved} closed as achieved"]
        done = words.listing(p for p in parts if p and not p.startswith("0 "))
        writer.note(
            f"Of the {words.plural(counts.carried, 'objective')} carried over from last "
            f"year, {done}: not part of this year's plan, they are listed in the appendix "
            "with their reasons."
        )
    retired_new = retired_new_objectives(workbook)
    if retired_new:
        codes = ", ".join(o.code.strip() or o.title.strip() for o in retired_new)
        writer.note(
            f"{words.plural(len(retired_new), 'objective')} "
            f"{'has' if len(retired_new) == 1 else 'have'} the status "
            f"{ObjectiveStatus.RETIRED.label} and {'is' if len(retired_new) == 1 else 'are'} "
            f"not part of this year's plan: {codes}."
        )


def objectives_annex(writer: CharterWriter, workbook: Workbook) -> None:
    """Every active objective on one row, for a plan too large for the body."""
    if not is_large(workbook):
        return
    writer.page_break()
    writer.heading(1, ANNEX_TITLE)
    active = workbook.active_objectives()
    writer.paragraph(
        f"The {len(active)} objectives of this year's plan, one per row. Their "
        "descriptions are kept in the workbook and left out here so the plan stays "
        "readable; Supports lists the company strategic objectives each one serves "
        "(● weak, ●● medium, ●●● strong)."
    )
    unit = value_unit(workbook)
    codes = {s.id: s.code.strip() or s.title.strip() for s in workbook.strategy}
    rows: list[list[CellLike]] = []
    for objective in active:
        supports = [
            f"{codes[link.strategic_id]}\u00a0{MARKS[link.strength]}"
            for link in workbook.links_of_objective(objective.id)
            if link.strategic_id in codes
        ]
        due = words.short_day(objective.due)
        rows.append(
            [
                Cell([Run(objective.code, bold=True), " " + objective.title]),
                objective.measure,
                words.baseline_to_target(objective) + (f" by {due}" if due else ""),
                f"{objective.owner} · {objective.status.label}",
                words.constituent_names(workbook, objective),
                "\n".join(supports),
                _value_cell(objective, unit),
            ]
        )
    writer.table(
        [
            ("Objective", 3.6),
            ("Measure", 3.0),
            ("Baseline → target, due", 2.2),
            ("Owner · status", 1.8),
            ("Serves", 1.6),
            ("Supports", 2.0),
            ("Value", 2.0),
        ],
        rows,
        small=True,
    )
