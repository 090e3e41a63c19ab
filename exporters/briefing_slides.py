"""The slides of the briefing deck, one function each, from strategy on a page's data
(`planning.summary`). Each returns its speaker notes: what the slide shows, in sentences a
presenter can read, with the figures on it.

Long lists are summarised, never overflowing: a table shows the first rows and a last row
says how many more there are and where to find them.
"""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.slide import Slide
from pptx.util import Inches, Pt

from exporters.briefing_shapes import (
    ACCENT,
    ATTENTION,
    GAP_FILL,
    INK,
    LAST_YEAR,
    MUTED,
    STATUS_FILLS,
    STRENGTH_FILLS,
    Area,
    fit,
    one_line,
    table,
    text_box,
)
from planning.model import Workbook
from planning.summary import Summary, first_to_show

TABLE_ROWS = 10
HEAT_MAP_OBJECTIVES = 12
HEAT_MAP_STRATEGIC = 8
LIST_ITEMS = 12
STATEMENT_CHARACTERS = 600


def who_we_are(slide: Slide, area: Area, summary: Summary) -> str:
    name = summary.office_name
    if summary.kind_change:
        name = f"{name}, {summary.kind_change}"
    intro = " — ".join(x for x in (name, summary.focus_question) if x)
    # Two lines of room: a long office name with its change of kind wraps.
    text_box(slide, area.top_part(Inches(0.8)), [(one_line(intro, 200), 16, False, MUTED)])
    notes = [f"This slide says which office we are: the {summary.office_name}."]
    if summary.office_kind:
        notes.append(f"We are a {summary.office_kind}.")
    if summary.kind_change:
        notes.append(
            f"This is new: {summary.kind_change}. The change of kind asks whether we have the "
            "people and skills, the processes and the tools for it."
        )
    short = all(len(s.text) <= 320 for s in summary.statements)
    for column, statement in zip(
        area.below(Inches(0.95)).columns(3), summary.statements, strict=True
    ):
        paragraphs = [(statement.label, 20, True, ACCENT)]
        if statement.status:
            # The charter's sentence: one statement status, said one way everywhere.
            colour = MUTED if statement.decided else ATTENTION
            paragraphs.append((fit(statement.status, 200), 12, True, colour))
        paragraphs.append(
            (
                fit(statement.text, STATEMENT_CHARACTERS) or "Not written yet",
                18 if short else 14,
                False,
                INK,
            )
        )
        text_box(slide, column, paragraphs)
        status = f" ({fit(statement.status, 200).rstrip('.')})" if statement.status else ""
        notes.append(f"{statement.label}{status}: {fit(statement.text, 300) or 'not written yet'}")
    return "\n".join(notes)


def objectives(slide: Slide, area: Area, summary: Summary) -> str:
    text_box(slide, area.top_part(Inches(0.45)), [(summary.counts_text, 16, True, INK)])
    lines = summary.objectives
    if not lines:
        text_box(slide, area.below(Inches(0.6)), [("No objectives yet.", 16, False, MUTED)])
        return "No objectives are recorded yet: the workshop sets them in step 8."
    shown = first_to_show(lines, TABLE_ROWS if len(lines) <= TABLE_ROWS else TABLE_ROWS - 1)
    rows = [
        [
            one_line(o.code, 16) or "–",
            one_line(o.title, 70) or "(untitled)",
            one_line(" ".join(x for x in (o.measure, o.target_text) if x), 70) or "–",
            one_line(o.owner, 30) or "no owner",
            o.status.label,
            "–" if o.progress is None else f"{round(100 * o.progress)}%",
        ]
        for o in shown
    ]
    fills = {(r, 4): STATUS_FILLS[o.status.value] for r, o in enumerate(shown)}
    if len(shown) < len(lines):
        rows.append(
            [
                "",
                f"… and {len(lines) - len(shown):,} more objectives (see the tracker); "
                "off track and at risk first",
                "",
                "",
                "",
                "",
            ]
        )
    table(
        slide,
        area.below(Inches(0.6)),
        ["Code", "Objective", "Measure: baseline → target", "Owner", "Status", "Progress"],
        rows,
        [0.8, 3.2, 3.2, 1.5, 1.2, 0.9],
        size=12 if len(rows) <= 8 else 11,
        fills=fills,
        centre_from=4,
    )
    return (
        f"This slide lists the objectives and their status. {summary.counts_text}. "
        "Progress is the share of the way from baseline to target at the latest quarterly "
        "actual."
        + (
            " Only the objectives needing attention most are listed (off track, at risk, not "
            "started first); the tracker has them all."
            if len(shown) < len(lines)
            else ""
        )
    )


def alignment(slide: Slide, area: Area, summary: Summary, workbook: Workbook) -> str:
    text_box(slide, area.top_part(Inches(0.45)), [(summary.coverage_text, 16, True, INK)])
    body = area.below(Inches(0.6))
    if not summary.strategy or not summary.objectives:
        text_box(slide, body, [("Nothing to align yet.", 16, False, MUTED)])
        return "Alignment needs company strategic objectives and office objectives."
    if (
        len(summary.objectives) <= HEAT_MAP_OBJECTIVES
        and len(summary.strategy) <= HEAT_MAP_STRATEGIC
    ):
        _heat_map(slide, body, summary, workbook)
        kind = "a heat map of office objectives against company strategic objectives"
    else:
        _coverage_table(slide, body, summary)
        kind = "how strongly each company strategic objective is supported"
    unsupported = [s.code or s.title for s in summary.strategy if not s.supporters]
    gaps = (
        f" Not supported: {', '.join(one_line(u, 30) for u in unsupported[:8])}."
        if unsupported
        else " Every company strategic objective is supported."
    )
    orphans = (
        f" {summary.orphan_objectives} office objective(s) support no company objective."
        if summary.orphan_objectives
        else ""
    )
    return (
        f"This slide shows {kind}: darker cells are stronger support. "
        f"{summary.coverage_text}.{gaps}{orphans}"
    )


def _heat_map(slide: Slide, area: Area, summary: Summary, workbook: Workbook) -> None:
    strength = {
        (link.objective_id, link.strategic_id): link.strength.value for link in workbook.alignment
    }
    strategic = workbook.strategy
    header = ["Office objective"] + [one_line(s.code or s.title, 14) or "–" for s in strategic]
    rows: list[list[str]] = []
    fills = {}
    for r, objective in enumerate(summary.objectives):
        label = one_line(f"{objective.code} {objective.title}".strip(), 60) or "(untitled)"
        row = [label]
        for c, s in enumerate(strategic, start=1):
            value = strength.get((objective.objective_id, s.id))
            row.append({"strong": "●", "medium": "○", "weak": "△"}.get(value or "", ""))
            if value:
                fills[(r, c)] = STRENGTH_FILLS[value]
        if all(not cell for cell in row[1:]):
            fills[(r, 0)] = GAP_FILL
        rows.append(row)
    # The charter's Objectives count per company objective (active objectives only).
    last = len(rows)
    rows.append(["Supporting objectives"] + [str(c.supporters) for c in summary.strategy])
    for c, coverage in enumerate(summary.strategy, start=1):
        if not coverage.supporters:
            fills[(last, c)] = GAP_FILL
    legend = "● strong   ○ medium   △ weak support; red: supports nothing"
    text_box(slide, area.top_part(Inches(0.4)), [(legend, 12, False, MUTED)])
    table(
        slide,
        area.below(Inches(0.45)),
        header,
        rows,
        [4.0] + [1.0] * len(strategic),
        size=12,
        fills=fills,
        centre_from=1,
    )


def _coverage_table(slide: Slide, area: Area, summary: Summary) -> None:
    shown = (
        summary.strategy
        if len(summary.strategy) <= TABLE_ROWS
        else summary.strategy[: TABLE_ROWS - 1]
    )
    rows = [
        [
            one_line(f"{s.code} {s.title}".strip(), 70) or "(untitled)",
            str(s.supporters),
            str(s.strength),
            s.strongest.label if s.strongest else "not supported",
        ]
        for s in shown
    ]
    fills = {(r, 3): GAP_FILL for r, s in enumerate(shown) if not s.supporters}
    if len(shown) < len(summary.strategy):
        more = len(summary.strategy) - len(shown)
        rows.append([f"… and {more} more (see the tracker)", "", "", ""])
    table(
        slide,
        area,
        [
            "Company strategic objective",
            "Supporting office objectives",
            "Strength (weak 1, medium 2, strong 3)",
            "Strongest support",
        ],
        rows,
        [4.6, 1.8, 1.8, 1.6],
        size=12,
        fills=fills,
        centre_from=1,
    )


def health(slide: Slide, area: Area, summary: Summary) -> str:
    data = CategoryChartData()
    data.categories = [h.complaint.label for h in summary.health]
    if summary.has_last_year:
        data.add_series("Last year", [h.last_year for h in summary.health])
    data.add_series("This year", [h.this_year for h in summary.health])
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED, area.left, area.top, area.width, area.height, data
    )
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.value_axis.minimum_scale = 0
    chart.value_axis.maximum_scale = 5
    chart.value_axis.major_unit = 1
    chart.category_axis.reverse_order = True
    chart.category_axis.tick_labels.font.size = Pt(12)
    chart.value_axis.tick_labels.font.size = Pt(11)
    chart.font.size = Pt(12)
    colours = ([LAST_YEAR] if summary.has_last_year else []) + [ACCENT]
    for series, colour in zip(chart.plots[0].series, colours, strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = colour
    rated = [h for h in summary.health if h.this_year is not None]
    better = [h for h in rated if h.last_year is not None and h.this_year > h.last_year]  # type: ignore[operator]
    worse = [h for h in rated if h.last_year is not None and h.this_year < h.last_year]  # type: ignore[operator]
    notes = (
        "This slide shows the health check: each common complaint about management offices "
        "rated 1 to 5, where 5 means it does not apply to us."
    )
    if summary.has_last_year:
        notes += f" Against last year, {len(better)} improved and {len(worse)} got worse."
    lowest = sorted(rated, key=lambda h: h.this_year or 0)[:2]
    if lowest:
        notes += (
            " Lowest this year: "
            + "; ".join(f"{h.complaint.label} ({h.this_year})" for h in lowest)
            + "."
        )
    return notes


def value(slide: Slide, area: Area, summary: Summary) -> str:
    unit = summary.value_unit or "no currency set"
    currency = summary.currency_text
    if summary.value_total_text:
        headline = f"Value claimed, {currency}: {summary.value_total_text}"
    elif summary.values:
        only = summary.values[0]
        headline = f"Value claimed: {summary.amount(only.amount)} ({only.label.lower()})"
    else:
        headline = "No amount of value stated yet"
    text_box(slide, area.top_part(Inches(0.45)), [(headline, 16, True, INK)])
    body = area.below(Inches(0.6))
    unpriced = "; ".join(
        f"{c.label} ({n} objective{'s' if n != 1 else ''})" for c, n in summary.unpriced.items()
    )
    if not summary.values:
        text_box(
            slide,
            body,
            [
                ("No objective states an amount of value yet.", 16, False, MUTED),
                *([(f"No amount stated for: {unpriced}.", 14, False, MUTED)] if unpriced else []),
            ],
        )
        return "No objective states an amount of value yet: amounts are set on the objectives."
    chart_area, table_area = body.columns(2)
    data = CategoryChartData()
    data.categories = [v.label for v in summary.values]
    data.add_series(f"Value claimed ({unit})", [v.amount for v in summary.values])
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED,
        chart_area.left,
        chart_area.top,
        chart_area.width,
        chart_area.height,
        data,
    )
    chart = frame.chart
    chart.has_legend = False
    chart.category_axis.reverse_order = True
    chart.font.size = Pt(12)
    chart.value_axis.tick_labels.number_format = "#,##0"
    chart.value_axis.tick_labels.number_format_is_linked = False
    chart.plots[0].series[0].format.fill.solid()
    chart.plots[0].series[0].format.fill.fore_color.rgb = ACCENT
    rows = [[v.label, str(v.objectives), summary.amount(v.amount)] for v in summary.values]
    if summary.value_total_text:
        rows.append(["All categories added", "", summary.amount(summary.value_total)])
    # The height `table` gives a 12-point table, so the note goes right below it.
    table_box = table_area.top_part(Pt(12 * 2.1) * (len(rows) + 1))
    table(
        slide,
        table_box,
        ["Category", "Objectives", f"Amount ({unit})"],
        rows,
        [2.2, 1.0, 1.6],
        size=12,
        centre_from=1,
    )
    if unpriced:
        text_box(
            slide,
            table_area.below(table_box.height + Inches(0.2)),
            [(f"No amount stated, not counted: {unpriced}.", 12, False, MUTED)],
        )
    parts = "; ".join(
        f"{v.label}: {summary.amount(v.amount)} from {v.objectives} objective(s)"
        for v in summary.values
    )
    notes = (
        "This slide shows the value the office's objectives claim, by category"
        f"{', ' if summary.value_unit else '; '}{currency}. {parts}."
    )
    if summary.value_total_text:
        notes += f" {summary.value_total_text}, as their owners priced them."
    if unpriced:
        notes += f" No amount stated, so not counted: {unpriced}."
    return notes


def bullet_list(
    slide: Slide, area: Area, items: list[str], empty: str, more_where: str
) -> list[str]:
    """Up to LIST_ITEMS bullets; returns the texts shown."""
    if not items:
        text_box(slide, area, [(empty, 16, False, MUTED)])
        return []
    shown = [one_line(i, 160) for i in items[:LIST_ITEMS]]
    paragraphs = [(f"• {text}", 16, False, INK) for text in shown]
    if len(items) > LIST_ITEMS:
        paragraphs.append(
            (f"… and {len(items) - LIST_ITEMS} more ({more_where})", 14, False, MUTED)
        )
    text_box(slide, area, paragraphs)
    return shown


def not_doing(slide: Slide, area: Area, summary: Summary) -> str:
    shown = bullet_list(slide, area, summary.not_doing, "Nothing listed yet.", "see the charter")
    if not shown:
        return (
            "The office has not yet listed what it will not do; a not-doing list keeps it focused."
        )
    return (
        "This slide lists what the office has decided not to do, to keep its focus: "
        + "; ".join(shown)
        + "."
    )


def decisions(slide: Slide, area: Area, summary: Summary) -> str:
    left, right = area.columns(2)
    text_box(slide, left.top_part(Inches(0.5)), [("Decisions", 20, True, ACCENT)])
    text_box(slide, right.top_part(Inches(0.5)), [("Next steps", 20, True, ACCENT)])
    made = bullet_list(
        slide, left.below(Inches(0.6)), summary.decisions, "No decisions logged.", "see the charter"
    )
    steps = bullet_list(
        slide, right.below(Inches(0.6)), summary.next_steps, "None.", "see the charter"
    )
    return (
        f"This slide lists the {len(summary.decisions)} decision(s) of the workshop's decision "
        f"log and the next steps. Decisions: {'; '.join(made) or 'none'}. "
        f"Next steps: {'; '.join(steps)}."
    )
