"""Trend charts from monthly figure values: one chart per figure, or per group of figures
(needs in and out, points in and out) sharing a unit. Used by the dashboard and the report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from yichao.app.stats.figures import Figure, Number
from yichao.app.stats.model import Chart, Series
from yichao.app.stats.period import Period, month_axis


def trend_charts(figs: Sequence[Figure], values: Mapping[str, Sequence[Number]], months: list[Period]) -> list[Chart]:
    categories, axis_title = month_axis(months)
    groups: dict[str, list[Figure]] = {}
    for fig in figs:
        groups.setdefault(fig.group or fig.key, []).append(fig)
    charts = []
    for name, members in groups.items():
        title = members[0].label if len(members) == 1 else name
        series = tuple(Series(f.label, tuple(float(v or 0) for v in values[f.key])) for f in members)
        charts.append(Chart(f"trend_{name}" if len(members) > 1 else f"trend_{members[0].key}", title,
                            "bar", categories, series, members[0].unit, axis_title))
    return charts
