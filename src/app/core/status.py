"""What the status bar shows: the site, the user, the last bundle exchange."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.workspace import Workspace
from yichao.models.journal import JournalEntry

EXCHANGE_OPS = ("bundle_export", "bundle_import")
OVERDUE_DAYS = 30


@dataclass(frozen=True)
class StatusInfo:
    site_name: str
    site_code: str
    role: str
    username: str
    display_name: str
    last_exchange: datetime | None
    exchange_due: bool = False  # no exchange for OVERDUE_DAYS (a site set up since is not due yet)


def newest_exchange(session: Session) -> datetime | None:
    """The time of the newest bundle sent or received, from the journal.

    max(id) over the few exchange rows of the operation index, then one row by its key. Neither
    ORDER BY id DESC LIMIT 1 nor max(at) will do: with the statistics PRAGMA optimize leaves
    (a handful of operations over a big journal) SQLite walks the whole journal instead (0.3 s on
    the status bar's first paint, 60 ms on the dashboard, on a 100,000-resident site)."""
    newest = select(func.max(JournalEntry.id)).where(JournalEntry.op.in_(EXCHANGE_OPS)).scalar_subquery()
    return session.scalar(select(JournalEntry.at).where(JournalEntry.id == newest))


def set_up(session: Session) -> datetime | None:
    """When this site's journal began (its set-up): the first row, by the primary key."""
    return session.scalar(select(JournalEntry.at).order_by(JournalEntry.id).limit(1))


def last_exchange(ws: Workspace) -> datetime | None:
    """The time of the newest bundle sent or received."""
    with ws.read() as session:
        return newest_exchange(session)


def set_up_at(ws: Workspace) -> datetime | None:
    """When this site was set up."""
    with ws.read() as session:
        return set_up(session)


def exchange_due(last: datetime | None, since: datetime | None, now: datetime | None = None) -> bool:
    """Overdue when the last exchange, or the set-up of a site that never exchanged, is more than
    OVERDUE_DAYS ago: a street on its first day is not scolded for a month it has not had."""
    started = last or since
    if started is None:
        return False
    return (now or datetime.now(UTC)) - started > timedelta(days=OVERDUE_DAYS)


def status_info(ws: Workspace) -> StatusInfo:
    user = ws.user
    last = last_exchange(ws)
    return StatusInfo(ws.site.name, ws.site.code, ws.site.role, user.username if user else "",
                      user.display_name if user else "", last, exchange_due(last, set_up_at(ws)))
