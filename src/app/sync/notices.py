"""What the parent site asks of us about our records ("请核对并更正"), received in its bundles.

The district decides on a conflict ("ask the street to correct"); its next bundle to each street
concerned carries a notice; the street lists it until the district stops sending it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.workspace import Workspace
from yichao.models.journal import record_event
from yichao.models.sync import SyncNotice


@dataclass(frozen=True)
class Notice:
    peer_code: str
    entity: str
    uids: list[str]
    text: str
    at: datetime


def take_notices(session: Session, peer_code: str, notices: list[dict[str, Any]]) -> None:
    """Store the peer's current notices; those it no longer sends are done."""
    have = {n.key: n for n in session.scalars(select(SyncNotice).where(SyncNotice.peer_code == peer_code))}
    sent = {n["key"] for n in notices}
    for n in notices:
        row = have.get(n["key"])
        if row is None:
            session.add(SyncNotice(peer_code=peer_code, key=n["key"], entity=n["entity"],
                                   uids=json.dumps(n["uids"]), text=n["text"], done=False))
            record_event(session, "sync_notice", n["entity"], n["uids"][0] if n["uids"] else "",
                         {"from": peer_code, "text": n["text"]})
        else:
            row.text, row.uids, row.done = n["text"], json.dumps(n["uids"]), False
    for key, row in have.items():
        if key not in sent:
            row.done = True


def open_notices(ws: Workspace) -> list[Notice]:
    """Requests from the parent site still open (the sync page and ``bundle status`` show them)."""
    ws.require("viewer", "查看上级的更正请求")
    with ws.read() as session:
        return [Notice(n.peer_code, n.entity, json.loads(n.uids or "[]"), n.text, n.at)
                for n in session.scalars(select(SyncNotice).where(SyncNotice.done.is_(False)).order_by(SyncNotice.id))]
