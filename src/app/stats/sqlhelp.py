"""SQL building blocks for figures: bucketed counts and sums, medians, day differences.

All portable between SQLite and PostgreSQL, and all one aggregate query over an indexed range.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, text
from sqlalchemy.orm import Session

from yichao.app.stats.period import Period


def _bounds(period: Period, utc: bool) -> tuple[date | datetime, date | datetime]:
    return (period.start_utc, period.end_utc) if utc else (period.start, period.end)


def month_key(session: Session, column: Any, utc: bool) -> Any:
    """An SQL expression for the Beijing calendar month (``YYYY-MM``) of a date or UTC time column."""
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m", column, "+8 hours") if utc else func.substr(column, 1, 7)
    shifted = column + text("interval '8 hours'") if utc else column
    return func.to_char(shifted, "YYYY-MM")


def bucketed(
    session: Session,
    base: Select[Any],
    column: Any,
    periods: Sequence[Period],
    value: Any = None,
    utc: bool = True,
) -> list[Any]:
    """Per period, the count (or sum of ``value``) of ``base``'s rows whose ``column`` falls in it.

    ``base`` is ``select(...).where(...)`` over the right table; its columns are replaced. ``utc``
    says whether ``column`` holds UTC times (else calendar dates). One query over the indexed
    range of all periods, grouped in SQL; each period then adds up its months (only group totals
    come back, never the records themselves).
    """
    if not periods:
        return []
    bounds = [_bounds(p, utc) for p in periods]
    low = min(b[0] for b in bounds)
    high = max(b[1] for b in bounds)
    # date columns group by the day itself (walks the index in order, no sort; at most a few
    # hundred days come back); time columns group by their Beijing month in SQL
    key = month_key(session, column, utc).label("month") if utc else column
    amount = func.count() if value is None else func.coalesce(func.sum(value), 0)
    stmt = (base.with_only_columns(key, amount, maintain_column_froms=True)
            .where(column >= low, column < high).group_by(key))
    by_month: dict[str, Any] = {}
    for k, v in session.execute(stmt).all():
        month = k if utc else f"{k.year}-{k.month:02d}"
        by_month[month] = by_month.get(month, 0) + v
    return [sum((by_month.get(m.code, 0) for m in p.months()), 0) for p in periods]


def days_between(session: Session, later: Any, earlier: Any) -> Any:
    """An SQL expression for the number of days from ``earlier`` to ``later`` (dates or times)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    return func.extract("epoch", later - earlier) / 86400.0


def median(session: Session, base: Select[Any], expr: Any) -> float | None:
    """The median of ``expr`` over ``base``'s rows, by sorting in SQL (no rows come to Python).

    ``base`` carries the FROM and WHERE; ``expr`` is a numeric expression over it.
    """
    count = session.scalar(base.with_only_columns(func.count(), maintain_column_froms=True).where(expr.is_not(None)))
    if not count:
        return None
    ordered = (
        base.with_only_columns(expr.label("v"), maintain_column_froms=True).where(expr.is_not(None)).order_by(expr)
    )
    if count % 2:
        middle = session.scalars(ordered.offset(count // 2).limit(1)).all()
    else:
        middle = session.scalars(ordered.offset(count // 2 - 1).limit(2)).all()
    return round(float(sum(middle)) / len(middle), 1)


def count_of(session: Session, stmt: Select[Any]) -> int:
    return int(session.scalar(stmt.with_only_columns(func.count(), maintain_column_froms=True)) or 0)

