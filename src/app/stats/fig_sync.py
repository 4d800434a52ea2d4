"""To-dos of the exchange with the district, from the journal (present in every build)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from yichao.app.core.status import OVERDUE_DAYS, newest_exchange, set_up
from yichao.app.stats.figures import todo
from yichao.app.stats.period import china_midnight_utc
from yichao.app.stats.scope import Scope


@todo("bundle_overdue", f"超过 {OVERDUE_DAYS} 天没有交换数据包", page="sync")
def bundle_overdue(session: Session, scope: Scope, today: date) -> int:
    """1 when the last bundle sent or received is older than the overdue limit; a site that never
    exchanged counts from its set-up (a new street is not warned on its first day)."""
    last = newest_exchange(session) or set_up(session)
    limit = china_midnight_utc(today - timedelta(days=OVERDUE_DAYS))
    return int(last is not None and last < limit)
