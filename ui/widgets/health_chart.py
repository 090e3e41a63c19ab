"""The health check as a bar chart (QtCharts): each complaint's rating this year beside
last year's, 1 (entirely true of the office) to 5 (does not apply)."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from planning.enums import Complaint
from planning.history import HealthComparison

SHORT_NAMES = {
    Complaint.PURPOSE_NOT_UNDERSTOOD: "Purpose unclear",
    Complaint.NO_QUANTIFIABLE_VALUE: "No value shown",
    Complaint.LACK_OF_FOCUS: "No focus",
    Complaint.DISSATISFIED_WITH_RESULTS: "Results",
    Complaint.SEEN_AS_BURDEN: "Burden",
    Complaint.BUSINESS_DOESNT_UNDERSTAND_OFFICE: "Business → office",
    Complaint.OFFICE_DOESNT_UNDERSTAND_BUSINESS: "Office → business",
}
# Tall enough for all seven complaint names (QtCharts drops labels that would touch),
# with the title, the axis and the legend: the page scrolls rather than lose a name.
CHART_LINES = 16
LAST_YEAR_COLOUR = QColor("#9aa5b1")
THIS_YEAR_COLOUR = QColor("#2b6cb0")


class HealthChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        super().__init__(chart, parent)
        self.setObjectName("healthChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.series = QHorizontalBarSeries()
        chart.addSeries(self.series)
        self.categories = QBarCategoryAxis()
        # Horizontal bars are drawn bottom-up: reversed, the first complaint is on top.
        self.categories.append([SHORT_NAMES[c] for c in reversed(Complaint)])
        # Horizontal bars keep the complaint names readable on a projector.
        chart.addAxis(self.categories, Qt.AlignmentFlag.AlignLeft)
        # Never "…": the short names are short so that they always fit.
        self.categories.setTruncateLabels(False)
        self.values = QValueAxis()
        self.values.setRange(0, 5)
        self.values.setTickCount(6)
        self.values.setLabelFormat("%d")
        chart.addAxis(self.values, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.categories)
        self.series.attachAxis(self.values)
        self.shown: dict[str, list[float]] = {}
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * CHART_LINES)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # The chart draws with its own fonts: they follow the widget's (workshop type).
            for axis in (self.categories, self.values):
                axis.setLabelsFont(self.font())
            self.chart().legend().setFont(self.font())
            self.setMinimumHeight(self.fontMetrics().lineSpacing() * CHART_LINES)

    def show_comparison(self, comparison: list[HealthComparison], has_last_year: bool) -> None:
        this_year = [float(c.this_year or 0) for c in reversed(comparison)]
        last_year = [float(c.last_year or 0) for c in reversed(comparison)]
        shown = {"This year": this_year}
        if has_last_year:
            shown = {"Last year": last_year, "This year": this_year}
        if shown == self.shown:
            return
        self.shown = shown
        self.series.clear()
        for name, values in shown.items():
            bars = QBarSet(name)
            bars.setColor(LAST_YEAR_COLOUR if name == "Last year" else THIS_YEAR_COLOUR)
            bars.append(values)
            self.series.append(bars)
        title = (
            "Health check: this year against last year"
            if has_last_year
            else "Health check (no earlier year to compare with)"
        )
        self.chart().setTitle(title)
