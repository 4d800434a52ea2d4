"""Finding organizations: filter, sort and page in SQL, for the list page, exports and the CLI.

Search matches name, short name, leader and credit code as text, and pinyin initials stored with
the record as a subsequence (``xqt`` finds 夕阳情艺术团, initials ``xyqyst``), so a keystroke is one
indexed-table scan, never a pinyin computation per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from yichao.models.org_records import OrgRating
from yichao.models.organization import Organization
from yichao.models.site import Community

from .workspace import Workspace

PAGE = 2000


@dataclass(frozen=True)
class OrgFilter:
    """What the list shows; empty fields do not filter. ``rating``: "", "none", "expired", or
    "1".."5" for a valid grade of at least that many A."""

    text: str = ""
    kind: str = ""
    category_uid: str = ""
    domain_uid: str = ""
    stage: str = ""
    community_uid: str = ""
    rating: str = ""
    resident: bool | None = None


@dataclass(frozen=True)
class OrgRow:
    uid: str
    name: str
    short_name: str
    kind: str
    stage: str
    category_uid: str | None
    community: str
    leader: str
    phone: str
    credit_code: str
    filing_number: str
    members: int
    resident: bool
    workstation: str
    grade: int | None  # the latest grade level, or None
    grade_expired: bool
    domain_uids: str = ""

    @property
    def grade_label(self) -> str:
        if self.grade is None:
            return ""
        return f"{self.grade}A" + ("（已过期）" if self.grade_expired else "")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_clause(text: str) -> ColumnElement[bool]:
    t = _escape(text)
    parts = [Organization.name.like(f"%{t}%", escape="\\"),
             Organization.short_name.like(f"%{t}%", escape="\\"),
             Organization.leader.like(f"%{t}%", escape="\\"),
             Organization.credit_code.like(f"%{t.upper()}%", escape="\\"),
             Organization.filing_number.like(f"%{t}%", escape="\\")]
    if text.isascii() and text.isalpha():
        parts.append(Organization.name_initials.like("%" + "%".join(text.lower()) + "%"))
    return or_(*parts)


def _latest_grade() -> tuple[Any, Any]:
    """Correlated subqueries: the latest grade's level and expiry of the outer organization."""
    r = aliased(OrgRating)
    base = (select(r.level).where(r.org_uid == Organization.uid, r.rating_kind == "grade", r.deleted.is_(False))
            .order_by(r.awarded_on.desc()).limit(1))
    until = (select(r.valid_until).where(r.org_uid == Organization.uid, r.rating_kind == "grade",
                                         r.deleted.is_(False)).order_by(r.awarded_on.desc()).limit(1))
    return base.scalar_subquery(), until.scalar_subquery()


def filter_statement(stmt: Select[Any], flt: OrgFilter, today: date) -> Select[Any]:
    stmt = stmt.where(Organization.deleted.is_(False))
    text = " ".join(flt.text.split())
    if text:
        stmt = stmt.where(and_(*(_text_clause(word) for word in text.split(" "))))
    for column, value in ((Organization.kind, flt.kind), (Organization.stage, flt.stage),
                          (Organization.category_uid, flt.category_uid),
                          (Organization.community_uid, flt.community_uid)):
        if value:
            stmt = stmt.where(column == value)
    if flt.domain_uid:
        stmt = stmt.where(Organization.domain_uids.like(f"%|{_escape(flt.domain_uid)}|%", escape="\\"))
    if flt.resident is not None:
        stmt = stmt.where(Organization.resident.is_(flt.resident))
    if flt.rating:
        graded = OrgRating.org_uid == Organization.uid, OrgRating.rating_kind == "grade", OrgRating.deleted.is_(False)
        if flt.rating == "none":
            stmt = stmt.where(~exists().where(*graded))
        elif flt.rating == "expired":
            stmt = stmt.where(exists().where(*graded), ~exists().where(*graded, OrgRating.valid_until >= today))
        else:
            stmt = stmt.where(exists().where(*graded, OrgRating.valid_until >= today,
                                             OrgRating.level >= int(flt.rating)))
    return stmt


SORT_KEYS: dict[str, Any] = {
    "name": Organization.name_initials, "short_name": Organization.short_name, "kind": Organization.kind,
    "stage": Organization.stage, "community": Community.name, "leader": Organization.leader,
    "credit_code": Organization.credit_code, "members": Organization.members,
    "workstation": Organization.workstation, "updated_at": Organization.updated_at,
}


def count_orgs(ws: Workspace, flt: OrgFilter = OrgFilter(), today: date | None = None) -> int:
    with ws.read() as session:
        stmt = filter_statement(select(func.count()).select_from(Organization), flt, today or date.today())
        return session.scalar(stmt) or 0


def query_orgs(ws: Workspace, flt: OrgFilter = OrgFilter(), offset: int = 0, limit: int = 200,
               sort_key: str = "name", descending: bool = False, today: date | None = None) -> list[OrgRow]:
    """One page of the filtered list, sorted in SQL (ties broken by uid for stable paging)."""
    today = today or date.today()
    level, until = _latest_grade()
    stmt = select(Organization, Community.name, level, until).outerjoin(
        Community, Community.uid == Organization.community_uid)
    stmt = filter_statement(stmt, flt, today)
    column = SORT_KEYS.get(sort_key, Organization.name_initials)
    stmt = stmt.order_by(column.desc() if descending else column.asc(), Organization.uid)
    stmt = stmt.offset(offset).limit(limit)
    with ws.read() as session:
        return [
            OrgRow(o.uid, o.name, o.short_name, o.kind, o.stage, o.category_uid, cname or "", o.leader,
                   o.phone, o.credit_code or "", o.filing_number, o.members, o.resident, o.workstation,
                   lvl, bool(vu and vu < today), o.domain_uids)
            for o, cname, lvl, vu in session.execute(stmt)
        ]


def iter_orgs(ws: Workspace, flt: OrgFilter = OrgFilter(), sort_key: str = "name",
              descending: bool = False) -> Iterator[OrgRow]:
    """Every matching organization, page by page (exports, the CLI)."""
    offset = 0
    while True:
        page = query_orgs(ws, flt, offset, PAGE, sort_key, descending)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def org_rows(ws: Workspace) -> Iterator[dict[str, Any]]:
    """``yichao list orgs``: one JSON-ready dict per organization."""
    for o in iter_orgs(ws):
        yield {"uid": o.uid, "name": o.name, "short_name": o.short_name, "stage": o.stage, "kind": o.kind,
               "credit_code": o.credit_code, "filing_number": o.filing_number, "community": o.community,
               "leader": o.leader, "phone": o.phone, "resident": o.resident, "grade": o.grade_label}
