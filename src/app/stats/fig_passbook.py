"""Figures of the love passbook (爱心存折): active volunteers, points in and out, pending lines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from yichao.app.stats.figures import figure, todo
from yichao.app.stats.period import Period
from yichao.app.stats.scope import Scope
from yichao.app.stats.sqlhelp import bucketed, count_of
from yichao.models.passbook import LedgerEntry, Passbook


def _entries(scope: Scope, kind: str):
    return scope.where(select(LedgerEntry).where(LedgerEntry.kind == kind, LedgerEntry.deleted.is_(False)),
                       LedgerEntry)


@figure("volunteers_active", "活跃志愿者", "人", "flow", page="passbook")
def volunteers_active(session: Session, scope: Scope, periods: Sequence[Period]) -> list[int]:
    """Passbook holders who deposited points (served) in the period, each counted once."""
    if not periods:
        return []
    low, high = min(p.start for p in periods), max(p.end for p in periods)
    columns = [func.count(func.distinct(case((and_(LedgerEntry.on >= p.start, LedgerEntry.on < p.end),
                                               Passbook.holder_uid))))
               for p in periods]
    stmt = (_entries(scope, "deposit").join(Passbook, Passbook.uid == LedgerEntry.passbook_uid)
            .with_only_columns(*columns).where(LedgerEntry.on >= low, LedgerEntry.on < high))
    return [int(v) for v in session.execute(stmt).one()]


@figure("points_deposited", "存入积分", "分", "flow", fmt="points", page="passbook", trend=True, group="积分",
        rollup=True)
def points_deposited(session: Session, scope: Scope, periods: Sequence[Period]) -> list[int]:
    return [int(v) for v in bucketed(session, _entries(scope, "deposit"), LedgerEntry.on, periods,
                                     value=LedgerEntry.points, utc=False)]


@figure("points_redeemed", "支取积分", "分", "flow", fmt="points", page="passbook", trend=True, group="积分",
        rollup=True)
def points_redeemed(session: Session, scope: Scope, periods: Sequence[Period]) -> list[int]:
    """Points redeemed for services or goods (stored negative; reported as a positive amount)."""
    return [-int(v) for v in bucketed(session, _entries(scope, "redeem"), LedgerEntry.on, periods,
                                      value=LedgerEntry.points, utc=False)]


@figure("service_hours", "志愿服务时长", "小时", "flow", fmt="hours", page="passbook", dashboard=False,
        rollup=True)
def service_hours(session: Session, scope: Scope, periods: Sequence[Period]) -> list[Decimal]:
    """Hours of service recorded with the ledger's entries in the period, by the counter that
    wrote them (a reversal takes its hours back; a book carried forward brings none). Exact
    minutes, shown to a tenth of an hour."""
    # one sum per kind: with ``kind =`` each reads the covering (kind, on, origin, minutes) index
    minutes = [sum(pair) for pair in zip(*(bucketed(session, _entries(scope, kind), LedgerEntry.on, periods,
                                                    value=LedgerEntry.minutes, utc=False)
                                           for kind in ("deposit", "reversal")))]
    return [Decimal(int(m)) / 60 for m in minutes]


def _active(scope: Scope):
    return scope.where(select(Passbook).where(Passbook.deleted.is_(False), Passbook.status == "active"),
                       Passbook)


@figure("passbooks_active", "在用爱心存折", "本", "stock", page="passbook", dashboard=False, rollup=True)
def passbooks_active(session: Session, scope: Scope) -> int:
    return count_of(session, _active(scope))


@figure("points_outstanding", "积分结余", "分", "stock", fmt="points", page="passbook", dashboard=False)
def points_outstanding(session: Session, scope: Scope) -> int:
    """Points standing on active passbooks (the running balances, no ledger walk)."""
    return int(session.scalar(_active(scope).with_only_columns(func.coalesce(func.sum(Passbook.balance), 0))) or 0)


@todo("passbooks_pending", "%d 本爱心存折有待补登的记录", page="passbook", filters=(("pending", "1"),))
def passbooks_pending(session: Session, scope: Scope, today: date) -> int:
    """Active passbooks whose ledger has entries not yet printed."""
    return count_of(session, _active(scope).where(Passbook.entry_count > Passbook.printed_seq))
