"""Figures of residents' needs: how many came in, how many are open or overdue, how fast they close."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from yichao.app.stats.figures import figure, todo
from yichao.app.stats.period import Period, china_today
from yichao.app.stats.scope import Scope
from yichao.app.stats.sqlhelp import bucketed, count_of, days_between, median
from yichao.models.need import Need, NeedStep

OPEN = ("published", "claimed", "in_service")
CLOSED = "done"  # served; a later review does not move the closing date


def _steps(scope: Scope):
    return scope.where(select(NeedStep).where(NeedStep.deleted.is_(False)), NeedStep)


@figure("needs_new", "新登记需求", "件", "flow", page="residents", trend=True, group="需求", rollup=True)
def needs_new(session: Session, scope: Scope, periods: Sequence[Period]) -> list[int]:
    """Needs recorded in the period (their first step)."""
    base = _steps(scope).where(NeedStep.from_status == "")
    return [int(v) for v in bucketed(session, base, NeedStep.at, periods)]


@figure("needs_closed", "办结需求", "件", "flow", page="residents", trend=True, group="需求", rollup=True)
def needs_closed(session: Session, scope: Scope, periods: Sequence[Period]) -> list[int]:
    """Needs served (moved to done) in the period."""
    base = _steps(scope).where(NeedStep.to_status == CLOSED)
    return [int(v) for v in bucketed(session, base, NeedStep.at, periods)]


@figure("needs_median_days", "需求办结中位天数", "天", "flow", fmt="days", page="residents")
def needs_median_days(session: Session, scope: Scope, periods: Sequence[Period]) -> list[float | None]:
    """Median days from a need's recording to its closing, over the needs closed in the period."""
    opened = aliased(NeedStep)
    closed = aliased(NeedStep)
    days = days_between(session, closed.at, opened.at)
    out: list[float | None] = []
    for period in periods:
        base = (select(closed).join(opened, opened.need_uid == closed.need_uid)
                .where(closed.to_status == CLOSED, closed.deleted.is_(False), opened.from_status == "",
                       closed.at >= period.start_utc, closed.at < period.end_utc))
        base = scope.on(base, closed.origin)
        out.append(median(session, base, days))
    return out


def _open(scope: Scope):
    return scope.where(select(Need).where(Need.deleted.is_(False), Need.status.in_(OPEN)), Need)


@figure("needs_open", "未办结需求", "件", "stock", page="residents", filters=(("status", "open"),),
        rollup=True)
def needs_open(session: Session, scope: Scope) -> int:
    """Needs published, claimed or in service."""
    return count_of(session, _open(scope))


def overdue_count(session: Session, scope: Scope, today: date) -> int:
    return count_of(session, _open(scope).where(Need.due_date < today))


@figure("needs_overdue", "逾期需求", "件", "stock", page="residents", filters=(("status", "overdue"),))
def needs_overdue(session: Session, scope: Scope) -> int:
    """Open needs whose due date has passed (Beijing date)."""
    return overdue_count(session, scope, china_today())


@todo("needs_past_due", "%d 件居民需求已过期限", page="residents", filters=(("status", "overdue"),))
def needs_past_due(session: Session, scope: Scope, today: date) -> int:
    return overdue_count(session, scope, today)
