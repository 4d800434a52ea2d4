"""A QtCharts view of a report chart (``yichao.app.stats.model.Chart``): bars or lines by month.

The dashboard and the 统计报表 page draw the same chart objects the PDF draws, so a bar on screen
and a bar on paper come from one list of numbers.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from yichao.app.stats import Chart

PALETTE = ("#c62828", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f")


def build_chart(data: Chart) -> QChart:
    chart = QChart()
    title = f"{data.title}（{data.unit}）" if data.unit else data.title
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(len(data.series) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    axis_x = QBarCategoryAxis()
    axis_x.append(list(data.categories))
    small = QFont(chart.font())
    small.setPointSizeF(8.0)
    axis_x.setLabelsFont(small)
    axis_x.setTruncateLabels(False)
    if data.axis_title:
        axis_x.setTitleText(data.axis_title)
        axis_x.setTitleFont(small)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    top = max((v for s in data.series for v in s.values), default=0.0)
    axis_y.setRange(0, max(top, 4.0))
    axis_y.setTickCount(5)
    axis_y.applyNiceNumbers()
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    if data.kind == "bar":
        bars = QBarSeries()
        for i, series in enumerate(data.series):
            bar_set = QBarSet(series.name)
            bar_set.append(list(series.values))
            bar_set.setColor(QColor(PALETTE[i % len(PALETTE)]))
            bars.append(bar_set)
        chart.addSeries(bars)
        bars.attachAxis(axis_x)
        bars.attachAxis(axis_y)
    else:
        for i, series in enumerate(data.series):
            line = QLineSeries()
            line.setName(series.name)
            for x, value in enumerate(series.values):
                line.append(x, value)
            line.setColor(QColor(PALETTE[i % len(PALETTE)]))
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
    return chart


class ChartView(QChartView):
    """A chart that keeps its data (tests and the page read it back)."""

    def __init__(self, data: Chart, parent: QWidget | None = None) -> None:
        super().__init__(build_chart(data), parent)
        self.data = data
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(280)
        self.setMaximumHeight(340)
