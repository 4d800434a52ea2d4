"""Held (quarantined) records: kept aside with their reason, asked for again, applied when they fit.

A record that refers to something this site lacks does not stop the bundle it came in: it waits in
:class:`SyncHeld`, the next bundle to its sender asks for what is missing (``missing_requests``),
and every later import tries it again (``plan.retry_held``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from yichao.app.core.workspace import Workspace
from yichao.app.sync.labels import kind_label
from yichao.app.sync.plan import Plan
from yichao.models.base import table_of
from yichao.models.sync import SyncHeld

CHUNK = 500


def store_held(session: Session, plan: Plan) -> None:
    """Write what the plan holds and forget what it applied or found overtaken."""
    gone = sorted(plan.drop_held | set(plan.held_rows))
    for i in range(0, len(gone), CHUNK):
        session.execute(delete(SyncHeld).where(tuple_(SyncHeld.entity, SyncHeld.uid).in_(gone[i:i + CHUNK])))
    items = {(h.entity, h.uid): h for h in [*plan.held, *plan.still_held]}
    rows = []
    for key, stored in plan.held_rows.items():
        item = items.get(key)
        if item is None:
            continue
        rows.append({"entity": key[0], "uid": key[1], **stored, "reason": item.reason,
                     "missing_entity": item.missing_entity, "missing_uid": item.missing_uid})
    if rows:
        session.execute(table_of(SyncHeld).insert(), rows)


def missing_requests(session: Session, peer_code: str) -> dict[str, list[str]]:
    """What to ask ``peer_code`` to send again: the records our held ones from it refer to."""
    out: dict[str, set[str]] = defaultdict(set)
    for entity, uid in session.execute(select(SyncHeld.missing_entity, SyncHeld.missing_uid).where(
            SyncHeld.peer_code == peer_code, SyncHeld.missing_uid != "")):
        out[entity].add(uid)
    return {k: sorted(v) for k, v in sorted(out.items())}


@dataclass(frozen=True)
class HeldRow:
    peer_code: str
    entity: str
    kind: str
    uid: str
    origin: str
    reason: str
    at: datetime


def list_held(ws: Workspace) -> list[HeldRow]:
    """Every record held at this site, by sender and kind (the conflicts page lists them)."""
    ws.require("viewer", "查看暂存的记录")
    with ws.read() as session:
        return [HeldRow(h.peer_code, h.entity, kind_label(h.entity), h.uid, h.origin, h.reason, h.at)
                for h in session.scalars(select(SyncHeld).order_by(SyncHeld.peer_code, SyncHeld.entity, SyncHeld.at))]
