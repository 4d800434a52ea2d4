"""To-dos of the exchange with the district, from the journal (present in every build)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.status import EXCHANGE_OPS, OVERDUE_DAYS
from yichao.app.stats.figures import todo
from yichao.app.stats.period import china_midnight_utc
from yichao.app.stats.scope import Scope
from yichao.models.journal import JournalEntry


@todo("bundle_overdue", f"超过 {OVERDUE_DAYS} 天没有交换数据包", page="sync")
def bundle_overdue(session: Session, scope: Scope, today: date) -> int:
    """1 when the last bundle sent or received is older than the overdue limit; a site that never
    exchanged counts from its set-up (a new street is not warned on its first day)."""
    # not max(at): SQLite would walk the time index backwards past every later journal row (a
    # million after a big import); the op index finds the few exchange events directly
    last = max(session.scalars(select(JournalEntry.at).where(JournalEntry.op.in_(EXCHANGE_OPS))), default=None)
    if last is None:  # the first journal row (by the primary key) is the site's set-up
        last = session.scalar(select(JournalEntry.at).order_by(JournalEntry.id).limit(1))
    limit = china_midnight_utc(today - timedelta(days=OVERDUE_DAYS))
    return int(last is not None and last < limit)
