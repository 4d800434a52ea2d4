"""Finding organizations: filter, sort and page in SQL, for the list page, exports and the CLI.

Search matches name, short name, leader, credit code and filing number as text, and the pinyin
initials stored with the record either in order from the first character (``xqt`` finds 夕阳情艺术团,
initials ``xyqyst``) or together anywhere (``yst``), so a keystroke is one table scan, never a pinyin
computation per row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from yichao.app.core.workspace import Workspace
from yichao.models.org_records import OrgRating
from yichao.models.organization import Organization
from yichao.models.site import Community

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
    todo: bool = False  # only records marked 待补 (what their roster lacked)
    uids: tuple[str, ...] | None = None  # only these (the records behind a dashboard figure)
    origin: str = ""  # a district: only the records of this street


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
    todo: str = ""  # |filing_number|...: 待补 marks (yichao.app.orgs.profile.TODO_LABELS)
    origin: str = ""  # the site that keeps the record (a district lists every street's)

    @property
    def grade_label(self) -> str:
        if self.grade is None:
            return ""
        return f"{self.grade}A" + ("（已过期）" if self.grade_expired else "")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_clause(text: str) -> ColumnElement[bool]:
    t = _escape(text)
    parts = [Organization.search_text.like(f"%{t}%", escape="\\"),
             Organization.name.like(f"%{t}%", escape="\\")]  # rows other modules made directly
    if text.isascii() and text.isalpha():
        letters = text.lower()
        parts.append(Organization.name_initials.like("%".join(letters) + "%"))  # x..q..t from the start
        parts.append(Organization.name_initials.like(f"%{letters}%"))  # or together anywhere
    return or_(*parts)


def _latest_grade() -> tuple[Any, Any]:
    """Correlated subqueries: the latest grade's level and expiry of the outer organization.

    Child tables test ``deleted IS NOT 1``: with ``deleted = 0`` SQLite picks the low-selectivity
    ``ix_*_deleted`` index over the organization's own and scans every rating per row.
    """
    r = aliased(OrgRating)
    base = (select(r.level).where(r.org_uid == Organization.uid, r.rating_kind == "grade", r.deleted.is_not(True))
            .order_by(r.awarded_on.desc()).limit(1))
    until = (select(r.valid_until).where(r.org_uid == Organization.uid, r.rating_kind == "grade",
                                         r.deleted.is_not(True)).order_by(r.awarded_on.desc()).limit(1))
    return base.scalar_subquery(), until.scalar_subquery()


_Ts = TypeVarTuple("_Ts")  # the columns of a statement a filter narrows and hands back


def filter_statement(stmt: Select[*_Ts], flt: OrgFilter, today: date) -> Select[*_Ts]:
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
    if flt.todo:
        stmt = stmt.where(Organization.todo != "")
    if flt.origin:
        stmt = stmt.where(Organization.origin == flt.origin)
    if flt.uids is not None:
        stmt = stmt.where(Organization.uid.in_(flt.uids))
    if flt.rating:
        graded = OrgRating.org_uid == Organization.uid, OrgRating.rating_kind == "grade", OrgRating.deleted.is_not(True)
        if flt.rating == "none":
            stmt = stmt.where(~exists().where(*graded))
        elif flt.rating == "expired":
            stmt = stmt.where(exists().where(*graded), ~exists().where(*graded, OrgRating.valid_until >= today))
        else:
            stmt = stmt.where(exists().where(*graded, OrgRating.valid_until >= today,
                                             OrgRating.level >= int(flt.rating)))
    return stmt


SORT_KEYS: dict[str, Any] = {
    "name": Organization.name_sort, "short_name": Organization.short_name, "kind": Organization.kind,
    "stage": Organization.stage, "community": Community.name, "leader": Organization.leader,
    "credit_code": Organization.credit_code, "members": Organization.members,
    "workstation": Organization.workstation, "origin": Organization.origin, "updated_at": Organization.updated_at,
}


def count_orgs(ws: Workspace, flt: OrgFilter = OrgFilter(), today: date | None = None) -> int:
    with ws.read() as session:
        stmt = filter_statement(select(func.count()).select_from(Organization), flt, today or date.today())
        return session.scalar(stmt) or 0


def org_uids(ws: Workspace, flt: OrgFilter = OrgFilter(), sort_key: str = "name", descending: bool = False,
             offset: int = 0, limit: int | None = None, today: date | None = None) -> list[str]:
    """The uids of the filtered list in display order: one scan of the organization table.

    The list page keeps these (20,000 short strings) and asks :func:`orgs_by_uid` for the rows of
    the page on screen, so a keystroke costs one query, not a count plus a sorted page.
    """
    column = SORT_KEYS.get(sort_key, Organization.name_sort)
    ids = select(Organization.uid)
    if sort_key == "community":
        ids = ids.outerjoin(Community, Community.uid == Organization.community_uid)
    ids = filter_statement(ids, flt, today or date.today())
    ids = ids.order_by(column.desc() if descending else column.asc(), Organization.uid).offset(offset)
    if limit is not None:
        ids = ids.limit(limit)
    with ws.read() as session:
        if ws.is_sqlite:
            return _raw_column(session, ids)
        return list(session.scalars(ids))


def _raw_column(session: Any, stmt: Select[Any]) -> list[Any]:
    """The first column of every row straight from the sqlite3 cursor: 20,000 uids cost half as
    much without SQLAlchemy's per-row result processing (the statement is still built by it)."""
    # an IN list (the uids behind a dashboard figure) is expanded into the SQL text here
    compiled = stmt.compile(dialect=session.get_bind().dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    values = [params[name] for name in (compiled.positiontup or ())]
    values = [v.isoformat() if isinstance(v, date) else v for v in values]
    raw = session.connection().connection.driver_connection
    return [row[0] for row in raw.execute(str(compiled), values)]


def orgs_by_uid(ws: Workspace, uids: list[str], today: date | None = None) -> list[OrgRow]:
    """The rows of these organizations, in the order given, with community and latest grade."""
    if not uids:
        return []
    today = today or date.today()
    level, until = _latest_grade()
    o = Organization
    stmt = (select(o.uid, o.name, o.short_name, o.kind, o.stage, o.category_uid, Community.name, o.leader, o.phone,
                   o.credit_code, o.filing_number, o.members, o.resident, o.workstation, level, until, o.domain_uids,
                   o.todo, o.origin)
            .outerjoin(Community, Community.uid == o.community_uid).where(o.uid.in_(uids)))
    with ws.read() as session:
        found = {
            r[0]: OrgRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", r[7], r[8], r[9] or "", r[10], r[11],
                         bool(r[12]), r[13], r[14], bool(r[15] and r[15] < today), r[16], r[17], r[18])
            for r in session.execute(stmt)
        }
    return [found[u] for u in uids if u in found]


def query_orgs(ws: Workspace, flt: OrgFilter = OrgFilter(), offset: int = 0, limit: int = 200,
               sort_key: str = "name", descending: bool = False, today: date | None = None) -> list[OrgRow]:
    """One page of the filtered list, sorted in SQL (ties broken by uid for stable paging); the
    per-row grade subqueries run for the page only."""
    return orgs_by_uid(ws, org_uids(ws, flt, sort_key, descending, offset, limit, today), today)


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
               "leader": o.leader, "phone": o.phone, "resident": o.resident, "grade": o.grade_label,
               "todo": [k for k in o.todo.split("|") if k]}
