"""Where the exchange stands: peers, pending changes, history, and the district's totals."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from yichao.app.core.staff import staff_label, staff_names_in
from yichao.app.core.status import exchange_due, last_exchange, set_up_at
from yichao.app.core.workspace import Workspace
from yichao.app.sync.conflicts import list_conflicts
from yichao.app.sync.keys import own_key
from yichao.app.sync.labels import kind_label
from yichao.app.sync.records import table_codecs
from yichao.app.sync.relay import relayed_to, relayed_up, resend_from
from yichao.app.sync.sideways import LEDGER, siblings_of
from yichao.models.journal import CHANGE_OPS, JournalEntry
from yichao.models.site import Site
from yichao.models.sync import SyncBundle, SyncHash, SyncHeld, SyncPeer


@dataclass(frozen=True)
class PeerStatus:
    code: str
    name: str
    role: str
    fingerprint: str
    out_seq: int
    acked_seq: int
    in_seq: int
    last_sent_at: datetime | None
    last_received_at: datetime | None
    pending: int  # every change a bundle to the peer would carry now, relayed ones included
    relayed: int = 0  # of which records of other sites passed on (the district's, the offices')


@dataclass(frozen=True)
class SyncStatus:
    site_code: str
    site_name: str
    role: str
    fingerprint: str
    peers: list[PeerStatus]
    last_exchange: datetime | None
    days_since_exchange: int | None
    overdue: bool
    totals: list[tuple[str, str, dict[str, int]]]  # district: per street (code, name, kind -> n)
    shared_people: int = 0  # district: residents known to more than one street (same keyed hash)


@dataclass(frozen=True)
class HistoryRow:
    uid: str
    direction: str
    peer_code: str
    seq: int
    at: datetime
    user: str
    records: int
    size: int
    file_name: str
    summary: str


def sync_status(ws: Workspace) -> SyncStatus:
    ws.require("viewer", "查看同步状态")
    key = own_key(ws)
    me = ws.site.code
    peers = []
    with ws.read() as session:
        for p in session.scalars(select(SyncPeer).order_by(SyncPeer.code)):
            changes = select(func.count()).select_from(JournalEntry).where(
                JournalEntry.id > resend_from(session, ws.site, p), JournalEntry.op.in_(CHANGE_OPS),
                JournalEntry.entity.in_(list(table_codecs())))
            own = session.scalar(changes.where(JournalEntry.origin == me)) or 0
            passing = (*relayed_to(ws.site, p.code, p.role), *relayed_up(session, ws.site, p.code))
            relayed = session.scalar(changes.where(JournalEntry.origin.in_(passing))) or 0 if passing else 0
            side = siblings_of(session, ws.site, p.code, p.role)  # sideways: the other offices' ledgers
            if side:
                relayed += session.scalar(changes.where(JournalEntry.origin.in_(side),
                                                        JournalEntry.entity.in_(LEDGER))) or 0
            peers.append(PeerStatus(p.code, p.name, p.role, p.fingerprint, p.out_seq, p.acked_seq,
                                    p.in_seq, p.last_sent_at, p.last_received_at, own + relayed, relayed))
    last = last_exchange(ws)
    days = (datetime.now(UTC) - last).days if last else None
    district = ws.site.role == "district"
    return SyncStatus(me, ws.site.name, ws.site.role, key.fingerprint, peers, last, days,
                      exchange_due(last, set_up_at(ws)), district_totals(ws) if district else [],
                      shared_identities(ws) if district else 0)


def shared_identities(ws: Workspace) -> int:
    """How many identity-number hashes the district holds from more than one street."""
    with ws.read() as session:
        shared = (select(SyncHash.digest).group_by(SyncHash.digest)
                  .having(func.count(func.distinct(SyncHash.origin)) > 1).subquery())
        return session.scalar(select(func.count()).select_from(shared)) or 0


def district_totals(ws: Workspace) -> list[tuple[str, str, dict[str, int]]]:
    """Live records per street and kind: the district's cross-street overview."""
    ws.require("viewer", "查看各街道统计")
    me = ws.site.code
    per: dict[str, dict[str, int]] = {}
    with ws.read() as session:
        names = {s.code: s.name for s in session.scalars(select(Site).where(Site.deleted.is_(False)))}
        for name, codec in table_codecs().items():
            if name == "site":
                continue
            t = codec.model.__table__  # type: ignore[attr-defined]
            for origin, n in session.execute(select(t.c.origin, func.count()).where(
                    t.c.deleted.is_(False), t.c.origin != me).group_by(t.c.origin)):
                per.setdefault(origin, {})[name] = n
        for p in session.scalars(select(SyncPeer)):
            names.setdefault(p.code, p.name)
            per.setdefault(p.code, {}) if p.role == "street" else None
    return [(code, names.get(code, code), per[code]) for code in sorted(per)]


def street_flags(ws: Workspace) -> dict[str, str]:
    """What a district clerk must notice about each street, beside its figures: a refused bundle,
    open conflicts, held records, or no bundle yet (so a row of zeros is never taken for data)."""
    ws.require("viewer", "查看各街道统计")
    from_conflicts: dict[str, int] = {}
    for row in list_conflicts(ws, status="open"):
        for origin in {m.origin for m in row.members}:
            from_conflicts[origin] = from_conflicts.get(origin, 0) + 1
    out: dict[str, str] = {}
    with ws.read() as session:
        held = dict(session.execute(select(SyncHeld.peer_code, func.count()).group_by(SyncHeld.peer_code)).all())
        for p in session.scalars(select(SyncPeer).order_by(SyncPeer.code)):
            parts = []
            if p.last_refusal:
                parts.append(f"最近的数据包被拒绝：{p.last_refusal}")
            if p.in_seq == 0 and not p.last_refusal:
                parts.append("尚未收到数据包")
            if from_conflicts.get(p.code):
                parts.append(f"{from_conflicts[p.code]} 处数据冲突待处理")
            if held.get(p.code):
                parts.append(f"{held[p.code]} 条记录暂存")
            if parts:
                out[p.code] = "；".join(parts)
    return out


def _summary(direction: str, counts: str) -> str:
    try:
        data = json.loads(counts or "{}")
    except ValueError:
        return ""
    parts = []
    for kind, v in data.items():
        if isinstance(v, dict):
            n = v.get("new", 0) + v.get("changed", 0) + v.get("deleted", 0)
        else:
            n = v
        if n:
            parts.append(f"{kind_label(kind)} {n}")
    return "，".join(parts) or "无新变更"


def count_history(ws: Workspace) -> int:
    with ws.read() as session:
        return session.scalar(select(func.count()).select_from(SyncBundle)) or 0


HISTORY_SORT = {"at": SyncBundle.id, "peer": SyncBundle.peer_code, "seq": SyncBundle.seq,
                "records": SyncBundle.records, "direction": SyncBundle.direction}


def history(ws: Workspace, offset: int = 0, limit: int = 200, sort_key: str = "at",
            descending: bool = True) -> list[HistoryRow]:
    """Bundles sent and received, newest first by default (paged in SQL)."""
    ws.require("viewer", "查看数据包记录")
    col = HISTORY_SORT.get(sort_key, SyncBundle.id)
    with ws.read() as session:
        staff = staff_names_in(session)  # who, as staff know them (the command line as 命令行)
        rows = session.scalars(select(SyncBundle).order_by(col.desc() if descending else col.asc(),
                                                           SyncBundle.id.desc()).offset(offset).limit(limit))
        return [HistoryRow(str(b.id), b.direction, b.peer_code, b.seq, b.at, staff_label(staff, b.user), b.records,
                           b.size, b.file_name, _summary(b.direction, b.counts)) for b in rows]
