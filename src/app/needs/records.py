"""Residents' needs (居民需求清单): record, edit, find and list them in pages.

Status changes (publish, claim, serve, review, cancel) are in :mod:`yichao.app.needs.flow`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVarTuple

from sqlalchemy import Select, and_, func, or_, select, text

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.pinyin import initials
from yichao.app.core.staff import staff_label, staff_names_in
from yichao.app.core.workspace import Workspace
from yichao.app.needs.labels import STATUS_LABELS, URGENCY_LABELS
from yichao.app.people.residents import prefix
from yichao.models.base import utcnow
from yichao.models.need import CATEGORIES, OPEN_STATUSES, STATUSES, URGENCIES, Need, NeedStep
from yichao.models.person import Person
from yichao.models.site import Community

MAX_POINTS = 10_000


@dataclass
class NeedInput:
    title: str
    category: str = "其他"
    description: str = ""
    community_uid: str | None = None
    requester_uid: str | None = None
    urgency: str = "normal"
    due_date: date | None = None
    reward_points: int = 0


@dataclass(frozen=True)
class NeedRow:
    uid: str
    title: str
    category: str
    description: str
    community_uid: str | None
    requester_uid: str | None
    requester_name: str
    urgency: str
    due_date: date | None
    reward_points: int
    status: str
    status_at: datetime | None
    claimant_kind: str
    claimant_uid: str | None
    claimant_name: str
    satisfaction: int | None
    review_comment: str
    overdue: bool

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def urgency_label(self) -> str:
        return URGENCY_LABELS.get(self.urgency, self.urgency)


def is_overdue(status: str, due: date | None, today: date | None = None) -> bool:
    return due is not None and status in OPEN_STATUSES and due < (today or date.today())


def need_row(n: Need, requester_name: str = "", today: date | None = None) -> NeedRow:
    return NeedRow(n.uid, n.title, n.category, n.description, n.community_uid, n.requester_uid,
                   requester_name, n.urgency, n.due_date, n.reward_points, n.status, n.status_at,
                   n.claimant_kind, n.claimant_uid, n.claimant_name, n.satisfaction, n.review_comment,
                   is_overdue(n.status, n.due_date, today))


def clean_need(data: NeedInput) -> dict[str, Any]:
    """Validate one need; raise one sentence naming the wrong field."""
    title = data.title.strip()
    if not title:
        raise UserError("需求标题不能为空。")
    if len(title) > 200:
        raise UserError("需求标题太长（最多200个字）。")
    category = data.category.strip() or "其他"
    if category not in CATEGORIES:
        raise UserError(f"需求类别“{category}”不对，只能是：{'、'.join(CATEGORIES)}。")
    urgency = {v: k for k, v in URGENCY_LABELS.items()}.get(data.urgency.strip(), data.urgency.strip() or "normal")
    if urgency not in URGENCIES:
        raise UserError("紧急程度只能是 一般、较急 或 紧急。")
    try:
        points = int(data.reward_points or 0)
    except (TypeError, ValueError):
        raise UserError("奖励积分应为整数。") from None
    if not 0 <= points <= MAX_POINTS:
        raise UserError(f"奖励积分应在 0 到 {MAX_POINTS} 之间。")
    return {"title": title, "title_initials": initials(title), "category": category,
            "description": data.description.strip(), "community_uid": data.community_uid or None,
            "requester_uid": data.requester_uid or None, "urgency": urgency, "due_date": data.due_date,
            "reward_points": points}


def _check_links(session: Any, values: dict[str, Any]) -> None:
    """The requester and community must exist; the need takes the requester's community by default."""
    if values["requester_uid"]:
        person = session.get(Person, values["requester_uid"])
        if person is None or person.deleted:
            raise UserError("提出需求的居民不存在。")
        if not values["community_uid"]:
            values["community_uid"] = person.community_uid
    if values["community_uid"]:
        community = session.get(Community, values["community_uid"])
        if community is None or community.deleted:
            raise UserError("所选社区不存在。")


def create_need(ws: Workspace, data: NeedInput) -> NeedRow:
    """Record a need as a draft (publishing is a separate, dated step)."""
    user = ws.require("staff", "登记居民需求")
    values = clean_need(data)
    with ws.unit() as session:
        _check_links(session, values)
        now = utcnow()
        need = Need(**values, status="draft", status_at=now)
        session.add(need)
        session.flush()
        session.add(NeedStep(need_uid=need.uid, from_status="", to_status="draft", at=now,
                             by_user=user.username, note="登记"))
        return _row(session, need)


def update_need(ws: Workspace, uid: str, data: NeedInput) -> NeedRow:
    """Edit a need's details; only while it is a draft or published and not yet claimed."""
    ws.require("staff", "修改居民需求")
    values = clean_need(data)
    with ws.unit() as session:
        need = _get(session, uid)
        if need.status not in ("draft", "published"):
            raise UserError(f"需求已{STATUS_LABELS[need.status]}，不能再修改内容。")
        _check_links(session, values)
        for key, value in values.items():
            if getattr(need, key) != value:
                setattr(need, key, value)
        session.flush()
        return _row(session, need)


# a need someone claimed or served is a service record (全过程留痕): it is cancelled, never deleted
DELETABLE = ("draft", "published", "cancelled")


def deletable(status: str) -> bool:
    """Whether a need in ``status`` may be deleted (the page greys its Delete button otherwise)."""
    return status in DELETABLE


def delete_need(ws: Workspace, uid: str) -> None:
    """Tombstone a need nobody has claimed (a draft, a published or a cancelled one)."""
    ws.require("staff", "删除居民需求")
    with ws.unit() as session:
        need = _get(session, uid)
        if need.status in ("claimed", "in_service"):
            raise UserError(f"这条需求的状态是“{STATUS_LABELS[need.status]}”，不能删除：揭榜和服务的经过要留痕。"
                            "不再需要的需求请取消。")
        if need.status not in DELETABLE:
            raise UserError(f"这条需求的状态是“{STATUS_LABELS[need.status]}”，已是一条服务记录，不能删除。")
        need.deleted = True


def _get(session: Any, uid: str) -> Need:
    need = session.get(Need, uid)
    if need is None or need.deleted:
        raise NotFound("找不到这条需求。")
    return need


def _row(session: Any, need: Need) -> NeedRow:
    name = session.scalar(select(Person.name).where(Person.uid == need.requester_uid)) if need.requester_uid else ""
    return need_row(need, name or "")


def get_need(ws: Workspace, uid: str) -> NeedRow:
    with ws.read() as session:
        return _row(session, _get(session, uid))


@dataclass(frozen=True)
class StepRow:
    at: datetime
    from_status: str
    to_status: str
    by_user: str  # as staff know them: the display name (the command line as 命令行)
    note: str


def need_history(ws: Workspace, uid: str) -> list[StepRow]:
    """Every status change of a need, oldest first: its full history (全过程留痕), who moved it by the
    name staff know them by."""
    with ws.read() as session:
        _get(session, uid)
        staff = staff_names_in(session)
        stmt = select(NeedStep).where(NeedStep.need_uid == uid, NeedStep.deleted.is_(False)).order_by(NeedStep.at)
        return [StepRow(s.at, s.from_status, s.to_status, staff_label(staff, s.by_user), s.note)
                for s in session.scalars(stmt)]


# ------------------------------------------------------------------------------------- lists

@dataclass(frozen=True)
class NeedsFilter:
    text: str = ""
    status: str = ""  # "" = every status
    category: str = ""
    community_uid: str | None = None
    overdue_only: bool = False
    claimant_uid: str | None = None
    requester_uid: str | None = None
    uids: tuple[str, ...] | None = None  # only these (the needs behind a dashboard figure)


SORTABLE = {"title": Need.title_sort, "category": Need.category, "status": Need.status,
            "due_date": Need.due_date, "urgency": Need.urgency, "reward_points": Need.reward_points,
            "community_uid": Need.community_uid, "status_at": Need.status_at,
            "claimant_name": Need.claimant_name}


_Ts = TypeVarTuple("_Ts")  # the columns of a statement a filter narrows and hands back


def _filtered(stmt: Select[*_Ts], flt: NeedsFilter, today: date | None = None) -> Select[*_Ts]:
    stmt = stmt.where(Need.deleted.is_(False))
    if flt.uids is not None:
        stmt = stmt.where(Need.uid.in_(flt.uids))
    text = flt.text.strip()
    if text:
        if text.isascii() and text.isalpha():
            stmt = stmt.where(prefix(Need.title_initials, text.lower()))
        else:
            stmt = stmt.where(or_(Need.title.like(f"%{text}%"), Need.claimant_name.like(f"{text}%")))
    if flt.status:
        if flt.status not in STATUSES:
            raise UserError(f"没有“{flt.status}”这个需求状态。")
        stmt = stmt.where(Need.status == flt.status)
    if flt.category:
        stmt = stmt.where(Need.category == flt.category)
    if flt.community_uid:
        stmt = stmt.where(Need.community_uid == flt.community_uid)
    if flt.overdue_only:
        stmt = stmt.where(and_(Need.status.in_(OPEN_STATUSES), Need.due_date < (today or date.today())))
    if flt.claimant_uid:
        stmt = stmt.where(Need.claimant_uid == flt.claimant_uid)
    if flt.requester_uid:
        stmt = stmt.where(Need.requester_uid == flt.requester_uid)
    return stmt


def count_needs(ws: Workspace, flt: NeedsFilter = NeedsFilter()) -> int:
    with ws.read() as session:
        return session.scalar(_filtered(select(func.count()).select_from(Need), flt)) or 0


def query_needs(ws: Workspace, flt: NeedsFilter = NeedsFilter(), offset: int = 0, limit: int = 200,
                sort: str = "due_date", descending: bool = False) -> list[NeedRow]:
    column = SORTABLE.get(sort, Need.due_date)
    order = (column.desc(), Need.uid.desc()) if descending else (column.asc(), Need.uid.asc())
    page = _filtered(select(Need.uid), flt).order_by(*order).offset(offset).limit(limit)
    stmt = (select(Need, Person.name).outerjoin(Person, Person.uid == Need.requester_uid)
            .where(Need.uid.in_(page.scalar_subquery())).order_by(*order))
    today = date.today()
    with ws.read() as session:
        return [need_row(n, name or "", today) for n, name in session.execute(stmt)]


def status_counts(ws: Workspace, flt: NeedsFilter = NeedsFilter()) -> dict[str, int]:
    """How many needs in each status (the board's column headers), for the filter without status."""
    base = NeedsFilter(flt.text, "", flt.category, flt.community_uid, flt.overdue_only)
    stmt = _filtered(select(Need.status, func.count(Need.uid)), base).group_by(Need.status)
    with ws.read() as session:
        found = dict(session.execute(stmt).all())
    return {s: int(found.get(s, 0)) for s in STATUSES}


def board(ws: Workspace, flt: NeedsFilter = NeedsFilter(), per_status: int = 50) -> dict[str, list[NeedRow]]:
    """The board view: the first needs of each status, most urgent and soonest due first."""
    out: dict[str, list[NeedRow]] = {}
    for status in STATUSES:
        f = NeedsFilter(flt.text, status, flt.category, flt.community_uid, flt.overdue_only)
        out[status] = query_needs(ws, f, 0, per_status, sort="due_date")
    return out


def refresh_statistics(session: Any) -> None:
    """ANALYZE the need tables after a bulk load, so the planner uses the list indexes."""
    session.execute(text("ANALYZE need"))
    session.execute(text("ANALYZE need_step"))
