"""`yichao check` for this module: need statuses agree with their histories, claims and reviews are
where the status says, and no full identity number ever reached the journal."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select

from yichao.app.core.check import register
from yichao.app.core.workspace import Workspace
from yichao.models.journal import JournalEntry
from yichao.models.need import STATUSES, Need, NeedStep

CLAIMED = ("claimed", "in_service", "done", "reviewed")


@register("居民需求")
def check_needs(ws: Workspace) -> list[str]:
    problems: list[str] = []
    live = Need.deleted.is_(False)
    with ws.read() as session:
        count = lambda *where: session.scalar(select(func.count()).select_from(Need).where(live, *where)) or 0  # noqa: E731
        if n := count(Need.status.not_in(STATUSES)):
            problems.append(f"有 {n} 条需求的状态不在规定的流程内。")
        last = (select(NeedStep.to_status).where(NeedStep.need_uid == Need.uid, NeedStep.deleted.is_(False))
                .order_by(NeedStep.at.desc()).limit(1).scalar_subquery())
        if n := count(or_(last.is_(None), last != Need.status)):
            problems.append(f"有 {n} 条需求的当前状态与其全过程记录的最后一步不一致。")
        if n := count(Need.status.in_(CLAIMED), or_(Need.claimant_uid.is_(None), Need.claimant_kind == "")):
            problems.append(f"有 {n} 条已揭榜的需求没有记录揭榜方。")
        if n := count(Need.status.in_(("draft", "published")), Need.claimant_uid.is_not(None)):
            problems.append(f"有 {n} 条未揭榜的需求却记录了揭榜方。")
        if n := count(or_(and_(Need.status == "reviewed", Need.satisfaction.is_(None)),
                          and_(Need.status != "reviewed", Need.satisfaction.is_not(None)))):
            problems.append(f"有 {n} 条需求的满意度与“已评价”状态不符。")
        leaked = session.scalar(select(func.count()).select_from(JournalEntry).where(
            JournalEntry.entity == "person",
            or_(JournalEntry.data.like('%"id_number"%'), JournalEntry.before.like('%"id_number"%'))))
        if leaked:
            problems.append(f"操作日志中有 {leaked} 条居民记录含完整身份证号码。")
    return problems
