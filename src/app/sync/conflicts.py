"""Conflicts: records of different streets that are, or look like, one real thing.

Two streets may both list one organization (one credit code) or one resident who moved (one
identity number): the district keeps each street's record (single writer per origin) and lists the
overlap here once per kind and key. A district clerk decides: link them as the same organization or
person (the district's views then say "在 2 个街道登记"), keep them apart, or ask the streets to
correct their record (the next bundle to each street concerned carries the request). Every decision
is journaled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import Workspace
from yichao.app.orgs import KIND_LABELS as ORG_KINDS
from yichao.app.orgs import STAGE_LABELS as ORG_STAGES
from yichao.app.people import GENDER_LABELS
from yichao.app.sync.identity import PERSON, stored_person_keys
from yichao.app.sync.labels import describe, kind_label
from yichao.app.sync.plan import NATURAL_KEYS, ConflictItem
from yichao.app.sync.records import table_codecs
from yichao.models.journal import record_event
from yichao.models.site import Site
from yichao.models.sync import SyncConflict

STATUSES = {"open": "待处理", "linked": "已认定为同一个", "apart": "已认定为不同的", "ask": "已请街道更正"}
ACTIONS = {"link": "linked", "apart": "apart", "ask": "ask", "reopen": "open"}
# columns shown side by side, per kind (the rest of a record is one click away in its street's list)
SIDE_BY_SIDE: dict[str, tuple[tuple[str, str], ...]] = {
    "organization": (("name", "名称"), ("credit_code", "统一社会信用代码"), ("kind", "类型"), ("stage", "阶段"),
                     ("leader", "负责人"), ("phone", "电话"), ("registered_on", "登记日期")),
    "person": (("name", "姓名"), ("id_masked", "身份证号码"), ("gender", "性别"), ("phone", "电话"),
               ("address", "住址"), ("is_volunteer", "志愿者")),
    "passbook": (("number", "存折号"), ("status", "状态"), ("balance", "积分余额"), ("site_code", "发放站点")),
    "certificate": (("serial", "证书编号"), ("kind", "类别"), ("recipient", "获证对象"), ("issued_on", "发证日期")),
}


# stored codes a clerk reads in words
VALUE_LABELS: dict[tuple[str, str], dict[Any, str]] = {
    ("organization", "kind"): ORG_KINDS, ("organization", "stage"): ORG_STAGES,
    ("person", "gender"): GENDER_LABELS,
}


def record_conflicts(session: Session, conflicts: tuple[ConflictItem, ...] | list[ConflictItem]) -> None:
    """List the new overlaps found by an import (each kind and key once, however often seen)."""
    for c in conflicts:
        if c.new:
            session.add(SyncConflict(entity=c.entity, key_name=c.key_name, match_key=c.match_key,
                                     shown_key=c.shown_key, status="open", note=""))
    session.flush()


@dataclass(frozen=True)
class Member:
    origin: str
    site_name: str
    uid: str
    name: str
    fields: tuple[tuple[str, str], ...]  # (label, value) side by side


@dataclass(frozen=True)
class ConflictRow:
    id: int
    entity: str
    kind: str
    key_name: str
    shown_key: str
    status: str
    status_label: str
    note: str
    members: tuple[Member, ...]

    @property
    def streets(self) -> int:
        return len({m.origin for m in self.members})

    @property
    def summary(self) -> str:
        return f"在 {self.streets} 个街道登记" if self.streets > 1 else "同一站点的两条记录"


def _members(session: Session, c: SyncConflict, names: dict[str, str]) -> tuple[Member, ...]:
    codec = table_codecs().get(c.entity)
    if codec is None:
        return ()
    t = codec.model.__table__  # type: ignore[attr-defined]
    if c.entity == PERSON:
        uids = [u for u, d in stored_person_keys(session, keys=[c.match_key]).items() if d == c.match_key]
        stmt = select(t).where(t.c.uid.in_(uids))
    else:
        stmt = select(t).where(t.c[NATURAL_KEYS[c.entity][0]] == c.match_key)
    out = []
    for row in session.execute(stmt.where(t.c.deleted.is_(False)).order_by(t.c.origin, t.c.uid)).mappings():
        fields = tuple((label, _shown(VALUE_LABELS.get((c.entity, col), {}).get(row[col], row[col])))
                       for col, label in SIDE_BY_SIDE.get(c.entity, ()) if col in row)
        out.append(Member(row["origin"], names.get(row["origin"], row["origin"]), row["uid"],
                          describe(c.entity, dict(row)), fields))
    return tuple(out)


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if value is True:
        return "是"
    if value is False:
        return "否"
    return str(value)


def site_names(session: Session) -> dict[str, str]:
    return {code: name for code, name in session.execute(
        select(Site.code, Site.name).where(Site.deleted.is_(False)))}


def street_names(ws: Workspace) -> dict[str, str]:
    """code -> name of the other sites whose records this site holds (a district's 街道 column)."""
    ws.require("viewer", "查看站点")
    with ws.read() as session:
        return {code: name for code, name in site_names(session).items() if code != ws.site.code}


def list_conflicts(ws: Workspace, status: str | None = None, origin: str | None = None) -> list[ConflictRow]:
    """Listed overlaps (all, or of one status / one street), newest first, with the records."""
    ws.require("viewer", "查看数据冲突")
    with ws.read() as session:
        names = site_names(session)
        stmt = select(SyncConflict).order_by(SyncConflict.id.desc())
        if status:
            stmt = stmt.where(SyncConflict.status == status)
        out = []
        for c in session.scalars(stmt):
            members = _members(session, c, names)
            if origin and all(m.origin != origin for m in members):
                continue
            out.append(ConflictRow(c.id, c.entity, kind_label(c.entity), c.key_name, c.shown_key, c.status,
                                   STATUSES.get(c.status, c.status), c.note, members))
        return out


def decide_conflict(ws: Workspace, conflict_id: int, action: str, note: str = "") -> ConflictRow:
    """Link as one, keep apart, ask the streets to correct, or reopen; journaled."""
    user = ws.require("staff", "处理数据冲突")
    if action not in ACTIONS:
        raise UserError("处理方式只能是：认定为同一个、认定为不同的、请街道更正。")
    note = note.strip()
    if action == "ask" and not note:
        raise UserError("请写明要街道更正什么（例如“统一社会信用代码录入有误，请核对营业执照”）。")
    if len(note) > 500:
        raise UserError("说明太长了，请不超过 500 个字。")
    with ws.unit() as session:
        c = session.get(SyncConflict, conflict_id)
        if c is None:
            raise NotFound("这条数据冲突不存在（可能已被别人处理）。")
        before = c.status
        c.status, c.note, c.decided_by = ACTIONS[action], note, user.username
        c.decided_at = datetime.now().astimezone()
        record_event(session, f"conflict_{action}", c.entity, str(c.id),
                     {"conflict": c.id, "kind": kind_label(c.entity), "key": c.shown_key,
                      "before": STATUSES.get(before, before), "after": STATUSES[c.status], "note": note})
    return next(r for r in list_conflicts(ws) if r.id == conflict_id)


def notices_for(session: Session, peer_code: str) -> list[dict[str, Any]]:
    """The correction requests the next bundle to ``peer_code`` carries (its records only)."""
    out = []
    names = site_names(session)
    for c in session.scalars(select(SyncConflict).where(SyncConflict.status == "ask").order_by(SyncConflict.id)):
        members = _members(session, c, names)
        mine = [m.uid for m in members if m.origin == peer_code]
        if not mine:
            continue
        others = "、".join(sorted({m.site_name for m in members if m.origin != peer_code})) or "本街道另一条记录"
        text = (f"{kind_label(c.entity)}“{next(m.name for m in members if m.origin == peer_code)}”的{c.key_name}"
                f"与{others}的记录相同：{c.note}")
        out.append({"key": f"conflict:{c.id}", "entity": c.entity, "uids": mine, "text": text})
    return out


def registered_in(ws: Workspace, entity: str) -> dict[str, int]:
    """uid -> in how many streets the linked record is registered (only for linked ones, > 1)."""
    ws.require("viewer", "查看数据冲突")
    out: dict[str, int] = {}
    for c in list_conflicts(ws, status="linked"):
        if c.entity == entity and c.streets > 1:
            for m in c.members:
                out[m.uid] = c.streets
    return out
