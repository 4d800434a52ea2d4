"""Build the report of a period: every table and chart, from the figure functions only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from yichao.app.core.progress import CancelToken, ProgressFn, no_progress
from yichao.app.core.workspace import Workspace
from yichao.app.stats import figures as registry
from yichao.app.stats.charts import trend_charts
from yichao.app.stats.compute import breakdown, flow, scopes_for, stock
from yichao.app.stats.figures import Figure
from yichao.app.stats.model import Chart, Column, Report, Series, Table, display_width
from yichao.app.stats.period import Period
from yichao.app.stats.scope import Scope
from yichao.app.stats.sites import SiteRow, rollup_table, site_rows

TOTAL = "合计"
COMMUNITY = "社区"  # a breakdown by community: a district's table names each community's street
STREET = "街道"
ADDITIVE = ("int", "points", "money", "hours")


def build_report(ws: Workspace, period: Period, progress: ProgressFn = no_progress,
                 cancel: CancelToken | None = None, origin: str = "") -> Report:
    """The statistics report of ``period`` for this street, or per street and in total (district;
    ``origin``: one street's records only, counted in SQL)."""
    ws.require("viewer", "生成统计报表")
    figs = registry.available()
    steps = len(figs) + 1
    done = 0

    def step() -> None:
        nonlocal done
        if cancel is not None:
            cancel.check()
        done += 1
        progress(done, steps)

    with ws.read() as session:
        scopes = scopes_for(ws, session)
        district = ws.site.role == "district"
        if district and origin:
            scopes = [next((s for s in scopes if s.origin == origin), Scope(origin, origin))]
        flows = [f for f in figs if f.kind == "flow"]
        stocks = [f for f in figs if f.kind == "stock"]
        parts = [_flow_table(session, flows, period, scopes, district, step),
                 _stock_table(session, stocks, scopes, district, step),
                 rollup_table(session, _one_street(site_rows(session, ws.site), origin), period,
                              f"各站点数字（{period.label}）")]
        trend, charts = _trend(session, [f for f in flows if f.trend], period, step)
        parts.append(trend)
        for fig in (f for f in figs if f.kind == "breakdown"):
            table = (_community_table(session, fig, scopes) if district and fig.by == COMMUNITY
                     else _breakdown_table(session, fig, scopes, district))
            parts.append(table)
            if fig.chart:
                bars = [r for r in table.rows if r[0] != TOTAL]  # the 合计 row is no bar
                charts.append(Chart(fig.key, fig.label, "bar", tuple(r[0] for r in bars),
                                    (Series(fig.label, tuple(float(r[-1] or 0) for r in bars)),),
                                    fig.unit))
            step()
    progress(steps, steps)
    tables = tuple(t for t in parts if t is not None)
    notes: tuple[str, ...] = ("“现状”表为生成报表时的数字；其余各表按所选统计期计算。",)
    if district:
        notes += ("各街道按记录的来源站点统计，“合计”为全部记录。",)
    name = f"{period.year}年度" if period.kind == "year" else period.label
    if district and origin:
        name = scopes[0].label + name
        notes += (f"只统计{scopes[0].label}的记录。",)
    preparer = (ws.user.display_name or ws.user.username) if ws.user else ""
    return Report(f"{ws.site.name}{name}统计报表", ws.site.name,
                  ws.site.code, period, datetime.now(UTC), tables, tuple(charts), notes, preparer)


def _one_street(rows: list[SiteRow], origin: str) -> list[SiteRow]:
    """A district's roll-up for one street: that street, its own records and its offices."""
    if not origin:
        return rows
    return [r for r in rows if r.level != "total" and r.scope.origin == origin
            or r.level == "office" and (r.scope.origin or "").startswith(origin)]


def _number_columns(scopes: Sequence[Scope], fmt: str) -> tuple[Column, ...]:
    return tuple(Column(s.label, fmt, max(12, len(s.label) * 2 + 2)) for s in scopes)


def _flow_table(session: Session, flows: list[Figure], period: Period, scopes: list[Scope],
                district: bool, step: Any) -> Table | None:
    if not flows:
        return None
    rows = []
    if district:
        for fig in flows:
            rows.append((fig.label, fig.unit, *(flow(session, fig, [period], s)[0] for s in scopes)))
            step()
        columns = (Column("指标", width=28), Column("单位", width=8), *_number_columns(scopes, "row"))
    else:
        previous = period.previous()
        for fig in flows:
            before, now = flow(session, fig, [previous, period])
            # both values come from one figure, so they are of one number type (never float and Decimal)
            change = None if now is None or before is None else now - before  # type: ignore[operator]
            rows.append((fig.label, fig.unit, now, before, change))
            step()
        columns = (Column("指标", width=28), Column("单位", width=8), Column("本期", "row"),
                   Column("上期", "row"), Column("增减", "row"))
    return Table("period", f"本期数字（{period.label}）", columns, tuple(rows),
                 "上期为紧挨着的前一个同类统计期。" if not district else "",
                 tuple(f.fmt for f in flows))


def _stock_table(session: Session, stocks: list[Figure], scopes: list[Scope], district: bool,
                 step: Any) -> Table | None:
    if not stocks:
        return None
    rows = []
    for fig in stocks:
        rows.append((fig.label, fig.unit, *(stock(session, fig, s) for s in scopes)))
        step()
    values = _number_columns(scopes, "row") if district else (Column("数量", "row"),)
    return Table("stock", "现状", (Column("指标", width=28), Column("单位", width=8), *values),
                 tuple(rows), row_formats=tuple(f.fmt for f in stocks))


def _trend(session: Session, flows: list[Figure], period: Period, step: Any) -> tuple[Table | None, list[Chart]]:
    if not flows:
        return None, []
    months = period.months() if period.kind == "year" else period.trailing_months(12)
    columns_values = [flow(session, fig, months) for fig in flows]
    step()
    labels = tuple(m.short_label for m in months)
    rows = tuple((label, *(col[i] for col in columns_values)) for i, label in enumerate(labels))
    rows += (_total_row([f.fmt for f in flows], rows),)
    columns = (Column("月份", width=10), *(Column(f"{f.label}（{f.unit}）", f.fmt, display_width(f.label) + 6)
                                          for f in flows))
    charts = trend_charts(flows, {f.key: v for f, v in zip(flows, columns_values)}, months)
    return Table("trend", "月度趋势", columns, rows), charts


def _breakdown_table(session: Session, fig: Figure, scopes: list[Scope], district: bool) -> Table:
    per_scope = [dict(breakdown(session, fig, s)) for s in scopes]
    labels: list[str] = []
    for counts in per_scope:
        labels += [label for label in counts if label not in labels]
    rows = tuple((label, *(counts.get(label, 0) for counts in per_scope)) for label in labels)
    rows += (_total_row([fig.fmt] * len(per_scope), rows),)
    values = _number_columns(scopes, fig.fmt) if district else (Column(f"数量（{fig.unit}）", fig.fmt),)
    return Table(fig.key, fig.label, (Column(fig.by, width=24), *values), rows)


def _community_table(session: Session, fig: Figure, scopes: list[Scope]) -> Table:
    """A district's breakdown by community: every street's communities, each with its street (two
    streets may both have a 第一社区), street by street; one SQL query per street."""
    rows: list[tuple[Any, ...]] = []
    for scope in (s for s in scopes if s.origin is not None):
        rows += [(label, scope.label, value) for label, value in breakdown(session, fig, scope)]
    values = [r[2] for r in rows if r[2] is not None]
    rows.append((TOTAL, "", sum(values) if fig.fmt in ADDITIVE else None))
    return Table(fig.key, fig.label, (Column(fig.by, width=24), Column(STREET, width=16),
                                      Column(f"数量（{fig.unit}）", fig.fmt)), tuple(rows))


def _total_row(formats: list[str], rows: tuple[tuple[Any, ...], ...]) -> tuple[Any, ...]:
    """合计 of each column that adds up (counts, points, money); a median or a rate has none."""
    sums = []
    for i, fmt in enumerate(formats, start=1):
        values = [r[i] for r in rows if r[i] is not None]
        sums.append(sum(values) if fmt in ADDITIVE and values else (0 if fmt in ADDITIVE else None))
    return (TOTAL, *sums)

