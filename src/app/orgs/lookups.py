"""The lists a center edits: organization categories (类别) and service domains (服务领域).

Seeded with the usual entries the first time they are needed; entries are renamed or retired
(tombstoned), never hard-deleted, so old organizations keep pointing at them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import Workspace
from yichao.app.orgs.labels import LOOKUP_KIND_LABELS
from yichao.models.journal import bulk_insert
from yichao.models.org_records import DEFAULT_CATEGORIES, DEFAULT_DOMAINS, LOOKUP_KINDS, OrgLookup


@dataclass(frozen=True)
class LookupEntry:
    uid: str
    list_kind: str
    name: str
    position: int


def seed_lookups(session: Session) -> None:
    """Insert the default lists if this site has none yet (inside the caller's transaction)."""
    have = session.scalar(select(func.count()).select_from(OrgLookup)) or 0
    if have:
        return
    rows = [{"list_kind": "category", "name": n, "position": i} for i, n in enumerate(DEFAULT_CATEGORIES)]
    rows += [{"list_kind": "domain", "name": n, "position": i} for i, n in enumerate(DEFAULT_DOMAINS)]
    bulk_insert(session, OrgLookup, rows)


def ensure_lookups(ws: Workspace) -> None:
    """Seed the default lists once; harmless to call again."""
    with ws.read() as session:
        if session.scalar(select(func.count()).select_from(OrgLookup)):
            return
    with ws.unit() as session:
        seed_lookups(session)


def list_lookups(ws: Workspace, list_kind: str) -> list[LookupEntry]:
    """The live entries of one list, in the center's order."""
    if list_kind not in LOOKUP_KINDS:
        raise UserError(f"未知的列表：{list_kind}。")
    ensure_lookups(ws)
    with ws.read() as session:
        stmt = (select(OrgLookup).where(OrgLookup.list_kind == list_kind, OrgLookup.deleted.is_(False))
                .order_by(OrgLookup.position, OrgLookup.name))
        return [LookupEntry(e.uid, e.list_kind, e.name, e.position) for e in session.scalars(stmt)]


def lookup_names(ws: Workspace) -> dict[str, str]:
    """uid -> name of every entry, retired ones too (old records still name them)."""
    ensure_lookups(ws)
    with ws.read() as session:
        return dict(session.execute(select(OrgLookup.uid, OrgLookup.name)).all())


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UserError("名称不能为空。")
    if len(name) > 40:
        raise UserError("名称不能超过40个字。")
    return name


def _refuse_duplicate(session: Session, list_kind: str, name: str, except_uid: str = "") -> None:
    stmt = select(OrgLookup.uid).where(OrgLookup.list_kind == list_kind, OrgLookup.name == name,
                                       OrgLookup.deleted.is_(False), OrgLookup.uid != except_uid)
    if session.scalars(stmt).first():
        raise UserError(f"{LOOKUP_KIND_LABELS[list_kind]}“{name}”已经存在。")


def add_lookup(ws: Workspace, list_kind: str, name: str) -> LookupEntry:
    ws.require("admin", "编辑组织类别和服务领域", work="orgs")
    if list_kind not in LOOKUP_KINDS:
        raise UserError(f"未知的列表：{list_kind}。")
    name = _clean_name(name)
    ensure_lookups(ws)
    with ws.unit() as session:
        _refuse_duplicate(session, list_kind, name)
        last = session.scalar(select(func.max(OrgLookup.position)).where(OrgLookup.list_kind == list_kind))
        entry = OrgLookup(list_kind=list_kind, name=name, position=(last or 0) + 1)
        session.add(entry)
        session.flush()
        return LookupEntry(entry.uid, list_kind, name, entry.position)


def rename_lookup(ws: Workspace, uid: str, name: str) -> LookupEntry:
    ws.require("admin", "编辑组织类别和服务领域", work="orgs")
    name = _clean_name(name)
    with ws.unit() as session:
        entry = session.get(OrgLookup, uid)
        if entry is None or entry.deleted:
            raise NotFound("找不到这个列表项。")
        _refuse_duplicate(session, entry.list_kind, name, uid)
        entry.name = name
        return LookupEntry(entry.uid, entry.list_kind, name, entry.position)


def retire_lookup(ws: Workspace, uid: str) -> None:
    """Take an entry off the list; organizations that use it keep showing its name."""
    ws.require("admin", "编辑组织类别和服务领域", work="orgs")
    with ws.unit() as session:
        entry = session.get(OrgLookup, uid)
        if entry is None or entry.deleted:
            raise NotFound("找不到这个列表项。")
        entry.deleted = True
