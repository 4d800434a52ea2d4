"""The figure registry: every number the dashboard, the PDF and the XLSX show comes from here.

A figure is one function over one read session. Three kinds:

- ``stock``: a count as it stands now, ``fn(session, scope) -> number``;
- ``flow``: what happened in each of several periods, ``fn(session, scope, periods) -> [number]``
  (one SQL aggregate with a bucket per period, so a 12-month trend is one query, not twelve);
- ``breakdown``: a count per category, ``fn(session, scope) -> [(label, number)]``.

Each domain's figures live in its own module (``fig_*.py``); :func:`load` imports them on first use,
so the dashboard's start-up does not map every model.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

log = logging.getLogger(__name__)

Number = int | float | Decimal | None

# Domain modules, in the order their figures appear in reports and on the dashboard.
FIGURE_MODULES: tuple[str, ...] = (
    "yichao.app.stats.fig_first_steps",  # first: a new site's first steps lead its to-do list
    "yichao.app.stats.fig_people",
    "yichao.app.stats.fig_orgs",
    "yichao.app.stats.fig_org_records",
    "yichao.app.stats.fig_needs",
    "yichao.app.stats.fig_passbook",
    "yichao.app.stats.fig_projects",
    "yichao.app.stats.fig_sync",
)

KINDS = ("stock", "flow", "breakdown")
FORMATS = ("int", "money", "days", "points", "hours")


@dataclass(frozen=True)
class Figure:
    """One reported number. ``page``/``filters`` name the list behind it (dashboard click)."""

    key: str
    label: str
    unit: str
    kind: str
    fn: Callable[..., Any]
    fmt: str = "int"
    page: str = ""
    filters: tuple[tuple[str, str], ...] = ()
    dashboard: bool = True
    trend: bool = False  # a flow drawn as a monthly trend chart
    chart: bool = False  # a breakdown drawn as a bar chart
    group: str = ""  # trend flows of one group share one chart (e.g. deposited and redeemed)
    span: str = "month"  # the dashboard shows a flow for this month, or for this year ("year")
    by: str = "类别"  # what a breakdown breaks down (its first column's header: 社区, 阶段, ...)
    rollup: bool = False  # a column of the roll-up by site (each office, its street, the total)
    domain: str = ""
    work: str = ""  # the level-bound work it counts (core.levels): not shown where that work is not done


# figures of these modules count work a community savings office does not do (core.levels)
WORK_OF_DOMAIN = {"orgs": "orgs", "org_records": "orgs", "projects": "projects"}
_REGISTRY: dict[str, Figure] = {}
_loaded = False


def figure(
    key: str, label: str, unit: str, kind: str, **options: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as a figure."""
    if kind not in KINDS:
        raise ValueError(kind)

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        domain = fn.__module__.rsplit(".", 1)[-1].removeprefix("fig_")
        work = options.pop("work", WORK_OF_DOMAIN.get(domain, ""))
        _REGISTRY[key] = Figure(key, label, unit, kind, fn, domain=domain, work=work, **options)
        return fn

    return register


def load() -> dict[str, Figure]:
    """Import every domain's figures (once); returns the figures in registry order."""
    global _loaded
    if not _loaded:
        for name in FIGURE_MODULES:  # by name, on first use: they import this module for @figure
            importlib.import_module(name)
        _loaded = True
    return dict(_REGISTRY)


def get(key: str) -> Figure | None:
    return load().get(key)


def available(kind: str | None = None, domain: str | None = None) -> list[Figure]:
    return [f for f in load().values() if (kind is None or f.kind == kind)
            and (domain is None or f.domain == domain)]


@dataclass(frozen=True)
class Todo:
    """A to-do of the 工作台: ``fn(session, scope, today) -> count`` of things waiting."""

    key: str
    label: str  # "%d" is replaced by the count
    fn: Callable[..., Any]
    page: str = ""
    filters: tuple[tuple[str, str], ...] = ()


_TODOS: dict[str, Todo] = {}


def todo(key: str, label: str, **options: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as a to-do of the dashboard."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        _TODOS[key] = Todo(key, label, fn, **options)
        return fn

    return register


def todos() -> list[Todo]:
    load()
    return list(_TODOS.values())


@dataclass(frozen=True)
class Value:
    """A computed figure: its definition and its number (or, for a breakdown, its rows)."""

    figure: Figure
    number: Number = None
    rows: tuple[tuple[str, Number], ...] = field(default=())
