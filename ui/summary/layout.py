"""The one layout of strategy on a page, drawn with QPainter: the summary view paints it on
screen and the PDF export paints it on an A3 or A4 page, so what the room sees on the
projector and what goes on the wall cannot drift apart (docs/SUMMARY.md says why this lives
in `ui/`).

Every size is a multiple of the canvas unit, chosen from the target rectangle, so the same
layout fills 1366×768 or an A3 sheet. Lists longer than their box end with a line saying
how many more there are.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from planning.enums import ObjectiveStatus, Strength
from planning.summary import STATUS_ORDER, Summary, first_to_show
from ui.summary.painting import ACCENT, INK, MUTED, PANEL, PAPER, Canvas

REFERENCE = QRectF(0, 0, 1150, 720)
"""The layout is designed for this size and scales from it: a projector's 1366×720 page
area is wider than this, an A3 or A4 sheet (√2 : 1) exactly as wide."""

STATUS_COLOURS = {
    ObjectiveStatus.ON_TRACK: QColor("#2e7d32"),
    ObjectiveStatus.AT_RISK: QColor("#c77800"),
    ObjectiveStatus.OFF_TRACK: QColor("#c62828"),
    ObjectiveStatus.NOT_STARTED: QColor("#78838f"),
    ObjectiveStatus.ACHIEVED: QColor("#1565c0"),
    ObjectiveStatus.RETIRED: QColor("#78838f"),
}
STRENGTH_MARKS = {Strength.STRONG: "●", Strength.MEDIUM: "○", Strength.WEAK: "△"}
GAP = QColor("#c62828")
ATTENTION = QColor("#a15c00")
LAST_YEAR = QColor("#aab6c3")


def paint_summary(
    painter: QPainter, rect: QRectF, summary: Summary, *, large: bool = False
) -> list[str]:
    """Draws `summary` into `rect`; returns the texts drawn (as cut to fit). `large` is the
    workshop mode's larger type."""
    return paint_summary_canvas(painter, rect, summary, large=large).texts


def paint_summary_canvas(
    painter: QPainter, rect: QRectF, summary: Summary, *, large: bool = False
) -> Canvas:
    """`paint_summary`, returning the canvas: the texts drawn and their fonts."""
    unit = min(rect.width() / REFERENCE.width(), rect.height() / REFERENCE.height())
    canvas = Canvas(painter, unit * (1.12 if large else 1.0))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    canvas.fill(rect, PAPER)
    u = canvas.unit
    margin = 18 * unit
    page = rect.adjusted(margin, margin, -margin, -margin)
    top = _header(canvas, page, summary)
    body = QRectF(page.left(), top, page.width(), page.bottom() - top)
    gutter = 14 * u
    upper = QRectF(body.left(), body.top(), body.width(), body.height() * 0.60)
    lower = QRectF(
        body.left(), upper.bottom() + gutter, body.width(), body.bottom() - upper.bottom() - gutter
    )
    why, objectives, strategy = _columns(upper, (0.28, 0.47, 0.25), gutter)
    health, value, not_doing = _columns(lower, (0.40, 0.30, 0.30), gutter)
    _why(canvas, why, summary)
    _objectives(canvas, objectives, summary)
    _strategy(canvas, strategy, summary)
    _health(canvas, health, summary)
    _value(canvas, value, summary)
    _list_box(canvas, not_doing, "What we will not do", summary.not_doing, "Nothing listed yet")
    painter.restore()
    return canvas


def _columns(rect: QRectF, shares: tuple[float, ...], gutter: float) -> list[QRectF]:
    width = rect.width() - gutter * (len(shares) - 1)
    x = rect.left()
    out = []
    for share in shares:
        out.append(QRectF(x, rect.top(), width * share, rect.height()))
        x += width * share + gutter
    return out


def _header(canvas: Canvas, page: QRectF, summary: Summary) -> float:
    u = canvas.unit
    small = canvas.font(12, bold=True)
    kicker = " · ".join(x for x in (summary.organisation, summary.fiscal_year) if x)
    kicker = f"{kicker} · Strategy on a page" if kicker else "Strategy on a page"
    y = page.top()
    h = canvas.line_height(small)
    canvas.line(QRectF(page.left(), y, page.width() * 0.75, h), kicker.upper(), small, ACCENT)
    canvas.line(
        QRectF(page.left() + page.width() * 0.75, y, page.width() * 0.25, h),
        f"Review readiness {summary.readiness_percent}%",
        canvas.font(12),
        MUTED,
        Qt.AlignmentFlag.AlignRight,
    )
    y += h
    title = canvas.font(28, bold=True)
    th = canvas.line_height(title)
    canvas.line(QRectF(page.left(), y, page.width(), th), summary.office_name, title, INK)
    y += th
    subtitle = canvas.font(14, italic=True)
    sh = canvas.line_height(subtitle)
    kind = (
        f"{summary.office_kind} ({summary.kind_change})"
        if summary.kind_change
        else summary.office_kind
    )
    line = " — ".join(x for x in (kind, summary.focus_question) if x)
    if line:
        canvas.line(QRectF(page.left(), y, page.width(), sh), line, subtitle, MUTED)
        y += sh
    y += 6 * u
    canvas.rule(page.left(), y, page.right(), ACCENT)
    return y + 10 * u


def _heading(canvas: Canvas, rect: QRectF, text: str, aside: str = "") -> float:
    """A box heading, with an aside in the room the heading leaves; returns the y below."""
    font = canvas.font(15, bold=True)
    h = canvas.line_height(font)
    used = canvas.line(QRectF(rect.left(), rect.top(), rect.width(), h), text, font, ACCENT)
    if aside:
        left = rect.left() + used + 10 * canvas.unit
        canvas.line(
            QRectF(left, rect.top(), rect.right() - left, h),
            aside,
            canvas.font(12),
            MUTED,
            Qt.AlignmentFlag.AlignRight,
        )
    y = rect.top() + h + 2 * canvas.unit
    canvas.rule(rect.left(), y, rect.right())
    return y + 6 * canvas.unit


def _more(canvas: Canvas, rect: QRectF, y: float, hidden: int, noun: str, where: str) -> None:
    """The line that says a list goes on: "… and 403 more objectives (see the tracker)",
    shortened to "… and 403 more" where the box is narrow; never cut."""
    font = canvas.font(12, italic=True)
    h = canvas.line_height(font)
    text = f"… and {hidden:,} more {noun} ({where})"
    if canvas.metrics(font).horizontalAdvance(text) > rect.width():
        text = f"… and {hidden:,} more"
    canvas.line(QRectF(rect.left(), y, rect.width(), h), text, font, MUTED)


def _rows_that_fit(total: int, space: float, row: float, footer: float) -> int:
    """How many rows to draw: all when they fit, else leave room for the "more" line."""
    if total * row <= space:
        return total
    return max(0, int((space - footer) // row))


def _why(canvas: Canvas, rect: QRectF, summary: Summary) -> None:
    u = canvas.unit
    y = _heading(canvas, rect, "Why we exist")
    label_font, text_font = canvas.font(12, bold=True), canvas.font(13)
    status_font = canvas.font(10.5, italic=True)
    blocks = [s for s in summary.statements]
    each = (rect.bottom() - y) / len(blocks)
    for statement in blocks:
        lh = canvas.line_height(label_font)
        canvas.line(
            QRectF(rect.left(), y, rect.width(), lh),
            statement.label.upper(),
            label_font,
            ACCENT,
        )
        top = y + lh + 1 * u
        if statement.status:
            # The charter's own sentence, so the wall and the charter say it one way; a
            # statement still waiting for the review's decision stands out.
            colour = MUTED if statement.decided else ATTENTION
            sh = canvas.line_height(status_font)
            # A long sentence breaks at its clause ("…in FY2026; not yet adopted…"), not
            # wherever the width falls, so the screen and both paper sizes break it alike.
            fits = canvas.metrics(status_font).horizontalAdvance(statement.status) <= rect.width()
            parts = [statement.status] if fits else statement.status.split("; ")
            for index, part in enumerate(parts):
                text = part if index == len(parts) - 1 else part + ";"
                canvas.line(QRectF(rect.left(), top, rect.width(), sh), text, status_font, colour)
                top += sh
        text = statement.text or "Not written yet"
        colour = INK if statement.text else MUTED
        canvas.paragraph(
            QRectF(rect.left(), top + 2 * u, rect.width(), y + each - top - 8 * u),
            text,
            text_font,
            colour,
        )
        y += each


def _objectives(canvas: Canvas, rect: QRectF, summary: Summary) -> None:
    u = canvas.unit
    y = _heading(canvas, rect, "What we will achieve")
    total = len(summary.objectives)
    counts_font = canvas.font(12)
    # The counts are the page's figures at 500 objectives: wrapped, never cut.
    y += canvas.paragraph(
        QRectF(rect.left(), y, rect.width(), 2 * canvas.line_height(counts_font)),
        summary.counts_text,
        counts_font,
    )
    y += 3 * u
    # One stacked bar of the statuses, so the room sees the year at a glance.
    strip = QRectF(rect.left(), y, rect.width(), 8 * u)
    x = strip.left()
    for status in STATUS_ORDER:
        count = summary.status_counts.get(status, 0)
        if total and count:
            width = strip.width() * count / total
            canvas.fill(QRectF(x, strip.top(), width, strip.height()), STATUS_COLOURS[status])
            x += width
    if not total:
        canvas.fill(strip, PANEL)
    y = strip.bottom() + 8 * u
    if not total:
        font = canvas.font(13, italic=True)
        canvas.line(
            QRectF(rect.left(), y, rect.width(), canvas.line_height(font)),
            "No objectives yet",
            font,
            MUTED,
        )
        return
    title_font, detail_font, chip_font = (
        canvas.font(13, bold=True),
        canvas.font(11),
        canvas.font(10, bold=True),
    )
    row = canvas.line_height(title_font) + canvas.line_height(detail_font) + 8 * u
    more = canvas.line_height(canvas.font(12))
    shown = _rows_that_fit(total, rect.bottom() - y, row, more)
    right_width, chip_width, bar_width = 116 * u, 86 * u, 66 * u
    for objective in first_to_show(summary.objectives, shown):
        colour = STATUS_COLOURS[objective.status]
        th = canvas.line_height(title_font)
        canvas.dot(QPointF(rect.left() + 5 * u, y + th / 2), 4.5, colour)
        text_left = rect.left() + 14 * u
        text_width = rect.width() - 14 * u - right_width - 8 * u
        code_width = canvas.line(
            QRectF(text_left, y, text_width * 0.3, th), objective.code or "–", title_font, INK
        )
        canvas.line(
            QRectF(text_left + code_width + 6 * u, y, text_width - code_width - 6 * u, th),
            objective.title or "(untitled)",
            canvas.font(13),
            INK,
        )
        detail = " · ".join(
            x for x in (objective.measure, objective.target_text, objective.owner) if x
        )
        dh = canvas.line_height(detail_font)
        canvas.line(
            QRectF(text_left, y + th, text_width, dh),
            detail or "No measure yet",
            detail_font,
            MUTED,
        )
        chip = QRectF(rect.right() - chip_width, y, chip_width, th)
        canvas.fill(chip, colour, radius=4)
        canvas.line(chip, objective.status.label, chip_font, PAPER, Qt.AlignmentFlag.AlignHCenter)
        bar = QRectF(rect.right() - bar_width, y + th + dh * 0.3, bar_width, dh * 0.45)
        canvas.bar(bar, objective.progress, colour)
        if objective.progress is not None:
            canvas.line(
                QRectF(rect.right() - right_width, y + th, right_width - bar_width - 5 * u, dh),
                f"{round(100 * objective.progress)}%",
                detail_font,
                MUTED,
                Qt.AlignmentFlag.AlignRight,
            )
        y += row
    if shown < total:
        _more(canvas, rect, y, total - shown, "objectives", "see the tracker; off track first")


def _strategy(canvas: Canvas, rect: QRectF, summary: Summary) -> None:
    u = canvas.unit
    aside = f"{round(100 * summary.coverage)}% covered" if summary.coverage is not None else ""
    y = _heading(canvas, rect, "Company strategy", aside)
    font, mark_font = canvas.font(12), canvas.font(13, bold=True)
    lh = canvas.line_height(font) + 4 * u
    if not summary.strategy:
        canvas.paragraph(
            QRectF(rect.left(), y, rect.width(), 3 * lh),
            summary.coverage_text,
            canvas.font(12, italic=True),
            MUTED,
        )
        return
    legend = ["● strong  ○ medium  △ weak  ✕ none", "strongest link, and how many objectives"]
    if summary.orphan_objectives:
        orphans = summary.orphan_objectives
        verb = "supports" if orphans == 1 else "support"
        legend.append(f"{orphans} office objective{'s' if orphans != 1 else ''} {verb} nothing")
    small = canvas.font(10)
    sh = canvas.line_height(small)
    bottom = rect.bottom() - sh * len(legend)
    # Two lines per company objective when they all fit that way, else one.
    lines = 2 if len(summary.strategy) * (2 * lh - 4 * u) <= bottom - y else 1
    row = lines * (lh - 4 * u) + 4 * u
    shown = _rows_that_fit(len(summary.strategy), bottom - y, row, lh)
    mark_width = 40 * u
    for strategic in summary.strategy[:shown]:
        mark_rect = QRectF(rect.right() - mark_width, y, mark_width, lh - 4 * u)
        if strategic.strongest is None:
            canvas.line(mark_rect, "✕", mark_font, GAP, Qt.AlignmentFlag.AlignRight)
        else:
            marks = f"{STRENGTH_MARKS[strategic.strongest]} {strategic.supporters}"
            canvas.line(mark_rect, marks, mark_font, ACCENT, Qt.AlignmentFlag.AlignRight)
        label = f"{strategic.code} {strategic.title}".strip() or "(untitled)"
        colour = INK if strategic.strongest is not None else GAP
        text_rect = QRectF(rect.left(), y, rect.width() - mark_width - 4 * u, row - 4 * u)
        canvas.paragraph(text_rect, label, font, colour)
        y += row
    if shown < len(summary.strategy):
        hidden = len(summary.strategy) - shown
        _more(canvas, rect, y, hidden, "strategic objectives", "see the charter")
    for index, text in enumerate(legend):
        top = rect.bottom() - sh * (len(legend) - index)
        canvas.line(QRectF(rect.left(), top, rect.width(), sh), text, small, MUTED)


def _health(canvas: Canvas, rect: QRectF, summary: Summary) -> None:
    u = canvas.unit
    aside = (
        "this year against last year" if summary.has_last_year else "this year (1–5, 5 is healthy)"
    )
    y = _heading(canvas, rect, "Health check", aside)
    rows = max(1, len(summary.health))
    row = (rect.bottom() - y) / rows
    font = canvas.font(11)
    label_width = rect.width() * 0.62
    for line in summary.health:
        lh = min(row, canvas.line_height(font) * 1.2)
        canvas.line(
            QRectF(rect.left(), y, label_width - 6 * u, lh), line.complaint.label, font, INK
        )
        bars = QRectF(rect.left() + label_width, y, rect.width() - label_width - 48 * u, lh)
        half = min(bars.height() * 0.42, 7 * u)
        if summary.has_last_year:
            last = None if line.last_year is None else line.last_year / 5
            canvas.bar(
                QRectF(bars.left(), bars.center().y() - half - 1 * u, bars.width(), half),
                last,
                LAST_YEAR,
            )
        now = None if line.this_year is None else line.this_year / 5
        canvas.bar(QRectF(bars.left(), bars.center().y() + 1 * u, bars.width(), half), now, ACCENT)
        before = "–" if line.last_year is None else str(line.last_year)
        after = "–" if line.this_year is None else str(line.this_year)
        figure = f"{before} → {after}" if summary.has_last_year else after
        canvas.line(
            QRectF(bars.right(), y, 48 * u, lh),
            figure,
            canvas.font(11, bold=True),
            INK,
            Qt.AlignmentFlag.AlignRight,
        )
        y += row


def _value(canvas: Canvas, rect: QRectF, summary: Summary) -> None:
    u = canvas.unit
    # Every amount says its currency; the heading says it once more for the whole box.
    aside = summary.currency_text if summary.values else ""
    y = _heading(canvas, rect, "Value we bring", aside)
    font, small = canvas.font(12), canvas.font(11)
    lh, sh = canvas.line_height(font), canvas.line_height(small)
    footer: list[str] = []
    if summary.value_total_text:
        footer.append(summary.value_total_text)
    if summary.unpriced:
        named = ", ".join(
            f"{c.label.lower()} ({n} objective{'s' if n != 1 else ''})"
            for c, n in summary.unpriced.items()
        )
        footer.append(f"No amount stated, not counted: {named}")
    if not summary.values:
        canvas.line(
            QRectF(rect.left(), y, rect.width(), lh),
            "No amount stated yet",
            canvas.font(12, italic=True),
            MUTED,
        )
        y += lh + 4 * u
    else:
        # Room for the footer lines (two lines each at most) below the bars.
        bottom = rect.bottom() - 2 * len(footer) * sh
        biggest = max(v.amount for v in summary.values) or 1.0
        row = min((bottom - y) / len(summary.values), lh * 2.4)
        for value in summary.values:
            objectives = f"{value.objectives} objective{'s' if value.objectives != 1 else ''}"
            canvas.line(QRectF(rect.left(), y, rect.width() * 0.42, lh), value.label, font, INK)
            canvas.line(
                QRectF(rect.left() + rect.width() * 0.42, y, rect.width() * 0.58, lh),
                f"{summary.amount(value.amount)} · {objectives}",
                small,
                MUTED,
                Qt.AlignmentFlag.AlignRight,
            )
            canvas.bar(
                QRectF(rect.left(), y + lh + 1 * u, rect.width(), min(8 * u, row - lh - 2 * u)),
                value.amount / biggest,
                ACCENT,
            )
            y += row
    for text in footer:
        y += canvas.paragraph(
            QRectF(rect.left(), y, rect.width(), min(2 * sh, rect.bottom() - y)), text, small, MUTED
        )


def _list_box(canvas: Canvas, rect: QRectF, heading: str, items: list[str], empty: str) -> None:
    u = canvas.unit
    y = _heading(canvas, rect, heading)
    font = canvas.font(12)
    lh = canvas.line_height(font) + 3 * u
    if not items:
        canvas.line(
            QRectF(rect.left(), y, rect.width(), lh), empty, canvas.font(12, italic=True), MUTED
        )
        return
    shown = _rows_that_fit(len(items), rect.bottom() - y, lh, lh)
    for item in items[:shown]:
        canvas.line(QRectF(rect.left(), y, 12 * u, lh), "✕", canvas.font(11, bold=True), GAP)
        canvas.line(QRectF(rect.left() + 14 * u, y, rect.width() - 14 * u, lh), item, font, INK)
        y += lh
    if shown < len(items):
        _more(canvas, rect, y, len(items) - shown, "items", "see the charter")
