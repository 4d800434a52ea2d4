"""What the status bar shows: the site, the user, the last bundle exchange."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

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


def last_exchange(ws: Workspace) -> datetime | None:
    """The time of the newest bundle sent or received, from the journal."""
    with ws.read() as session:  # by operation (indexed), never max(at) over the whole journal
        return session.scalar(
            select(JournalEntry.at).where(JournalEntry.op.in_(EXCHANGE_OPS)).order_by(JournalEntry.id.desc()).limit(1)
        )


def status_info(ws: Workspace) -> StatusInfo:
    user = ws.user
    return StatusInfo(ws.site.name, ws.site.code, ws.site.role, user.username if user else "",
                      user.display_name if user else "", last_exchange(ws))
