"""What the 工作台 shows: key-figure cards, monthly trend charts and the to-do list.

Built from the same figure functions as the reports, for this month (Beijing time), with flows
computed for the trailing twelve months in one query each (the card is the last bucket).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from yichao.app.core.levels import offers
from yichao.app.core.workspace import Workspace
from yichao.app.stats import figures as registry
from yichao.app.stats.charts import trend_charts
from yichao.app.stats.compute import breakdown, flow, stock
from yichao.app.stats.figures import Number
from yichao.app.stats.model import Chart, Series, Table
from yichao.app.stats.period import Period, china_today, current
from yichao.app.stats.scope import own_scope
from yichao.app.stats.sites import rollup_table, site_rows
from yichao.models.registry import configure_imported


@dataclass(frozen=True)
class Card:
    key: str
    label: str
    value: Number
    unit: str
    fmt: str
    page: str
    filters: tuple[tuple[str, str], ...]
    detail: str = ""  # e.g. "本月" for flows, "当前" for stocks


@dataclass(frozen=True)
class TodoItem:
    key: str
    text: str
    count: int
    page: str
    filters: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Dashboard:
    month: Period
    cards: tuple[Card, ...]
    charts: tuple[Chart, ...]
    todos: tuple[TodoItem, ...]
    seconds: float  # how long the figures took (shown in the tooltip; the benchmark reads it)
    sites: Table | None = None  # this month by site: a street's offices, a district's streets


def prepare() -> None:
    """Import every figure's module and models, and map them, ahead of the first count.

    No database work: safe on any thread (mapping takes SQLAlchemy's own lock).
    """
    registry.load()
    configure_imported()


def dashboard_data(ws: Workspace, now: datetime | None = None) -> Dashboard:
    """Every figure of the 工作台, in one read session."""
    ws.require("viewer", "查看工作台")
    started = time.perf_counter()
    month = current("month", now)
    months = month.trailing_months(12)
    today = china_today(now)
    cards: list[Card] = []
    charts: list[Chart] = []
    todos: list[TodoItem] = []
    year = current("year", now)
    trends: dict[str, list[Number]] = {}
    trend_figs = []
    scope = own_scope(ws.site)  # an office counts its own records, not those it holds for others
    with ws.read() as session:
        for fig in registry.available():
            if not fig.dashboard or (fig.work and not offers(ws.site.role, fig.work)):
                continue  # an office's 工作台 shows no organization or project figures
            if fig.kind == "stock":
                cards.append(_card(fig, stock(session, fig, scope), "本年" if fig.span == "year" else "当前"))
            elif fig.kind == "flow":
                if fig.trend:
                    trends[fig.key] = flow(session, fig, months, scope)
                    trend_figs.append(fig)
                if fig.span == "year":
                    cards.append(_card(fig, flow(session, fig, [year], scope)[0], "本年"))
                else:
                    value = trends[fig.key][-1] if fig.trend else flow(session, fig, [month], scope)[0]
                    cards.append(_card(fig, value, "本月"))
            elif fig.chart:
                rows = breakdown(session, fig, scope)
                charts.append(Chart(fig.key, fig.label, "bar", tuple(r[0] for r in rows),
                                    (Series(fig.label, tuple(float(r[1] or 0) for r in rows)),), fig.unit))
        charts = trend_charts(trend_figs, trends, months) + charts
        # the total row of the roll-up is what the cards of this month and the trends' last month say
        counted = {c.key: c.value for c in cards if c.detail in ("当前", "本月")}
        counted |= {key: values[-1] for key, values in trends.items()}
        sites = rollup_table(session, site_rows(session, ws.site), month, f"各站点本月数字（{month.label}）",
                             counted)
        for item in registry.todos():
            count = int(item.fn(session, scope, today) or 0)
            if count > 0:
                todos.append(TodoItem(item.key, item.label.replace("%d", str(count)), count, item.page,
                                      item.filters))
    return Dashboard(month, tuple(cards), tuple(charts), tuple(todos), time.perf_counter() - started, sites)


def _card(fig: Any, value: Number, detail: str) -> Card:
    return Card(fig.key, fig.label, value, fig.unit, fig.fmt, fig.page, fig.filters, detail)

