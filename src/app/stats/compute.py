"""Evaluate figures: for one session (the report builder, the dashboard) or as a service."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy.orm import Session

from yichao.app.core.workspace import Workspace
from yichao.app.stats import figures as registry
from yichao.app.stats.figures import Figure, Number, Value
from yichao.app.stats.period import Period
from yichao.app.stats.scope import ALL, Scope, own_scope, street_scopes


def stock(session: Session, fig: Figure, scope: Scope = ALL) -> Number:
    return fig.fn(session, scope)


def flow(session: Session, fig: Figure, periods: Sequence[Period], scope: Scope = ALL) -> list[Number]:
    values = list(fig.fn(session, scope, list(periods)))
    if len(values) != len(periods):  # a figure that loses a bucket is a bug, not a blank
        raise AssertionError(f"figure {fig.key} returned {len(values)} values for {len(periods)} periods")
    return values


def breakdown(session: Session, fig: Figure, scope: Scope = ALL) -> list[tuple[str, Number]]:
    return [(str(label), value) for label, value in fig.fn(session, scope)]


def evaluate(session: Session, fig: Figure, period: Period, scope: Scope = ALL) -> Value:
    """One figure for one period and scope (stocks and breakdowns ignore the period: they are now)."""
    if fig.kind == "stock":
        return Value(fig, stock(session, fig, scope))
    if fig.kind == "flow":
        return Value(fig, flow(session, fig, [period], scope)[0])
    return Value(fig, rows=tuple(breakdown(session, fig, scope)))


def figure_values(ws: Workspace, period: Period, scope: Scope = ALL,
                  keys: Iterable[str] | None = None) -> dict[str, Value]:
    """The service: the named figures (default all available) for a period, in registry order."""
    ws.require("viewer", "查看统计数字")
    wanted = None if keys is None else set(keys)
    figs = [f for f in registry.available() if wanted is None or f.key in wanted]
    with ws.read() as session:
        return {f.key: evaluate(session, f, period, scope) for f in figs}


def scopes_for(ws: Workspace, session: Session) -> list[Scope]:
    """The columns of a report: the street itself, or each street of a district and the total."""
    if ws.site.role != "district":
        return [own_scope(ws.site)]
    return [*street_scopes(session, ws.site.code), ALL]
