"""The status flow of a need: draft -> published -> claimed -> in_service -> done -> reviewed.

Any open need can be cancelled; a claim can be released (撤榜) back to published. Each move is
allowed only from the statuses in :data:`ACTIONS`, is dated and signed by a :class:`NeedStep`, and is
refused with one sentence otherwise. Reviewing a need a volunteer served deposits its reward points
in the volunteer's love passbook, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import Workspace
from yichao.app.needs.labels import CLAIMANT_KIND_LABELS, STATUS_LABELS
from yichao.app.needs.records import NeedRow, _get, _row
from yichao.app.needs.rewards import deposit_need_reward
from yichao.models.base import utcnow
from yichao.models.need import CLAIMANT_KINDS, Need, NeedStep
from yichao.models.organization import Organization
from yichao.models.person import Person


@dataclass(frozen=True)
class Action:
    key: str
    label: str
    sources: tuple[str, ...]
    target: str


ACTIONS: dict[str, Action] = {a.key: a for a in (
    Action("publish", "发布", ("draft",), "published"),
    Action("claim", "揭榜", ("published",), "claimed"),
    Action("release", "撤榜", ("claimed",), "published"),
    Action("start", "开始服务", ("claimed",), "in_service"),
    Action("finish", "完成服务", ("in_service",), "done"),
    Action("review", "评价", ("done",), "reviewed"),
    Action("cancel", "取消", ("draft", "published", "claimed", "in_service"), "cancelled"),
)}


def allowed_actions(status: str) -> list[str]:
    """The actions a need in ``status`` allows, in flow order (the GUI enables exactly these)."""
    return [a.key for a in ACTIONS.values() if status in a.sources]


def _move(session: Any, need: Need, action: str, user: str, note: str = "") -> None:
    rule = ACTIONS[action]
    if need.status not in rule.sources:
        sources = "、".join(STATUS_LABELS[s] for s in rule.sources)
        raise UserError(f"需求“{need.title}”当前为{STATUS_LABELS[need.status]}，"
                        f"只有{sources}的需求才能{rule.label}。")
    now = utcnow()
    session.add(NeedStep(need_uid=need.uid, from_status=need.status, to_status=rule.target, at=now,
                         by_user=user, note=note))
    need.status = rule.target
    need.status_at = now


def _simple(action: str, role_action: str) -> Callable[..., NeedRow]:
    def run(ws: Workspace, uid: str, note: str = "") -> NeedRow:
        user = ws.require("staff", role_action)
        with ws.unit() as session:
            need = _get(session, uid)
            _move(session, need, action, user.username, note.strip())
            session.flush()
            return _row(session, need)
    run.__name__ = action
    rule = ACTIONS[action]
    run.__doc__ = f"{rule.label}：{'、'.join(STATUS_LABELS[s] for s in rule.sources)} -> {STATUS_LABELS[rule.target]}."
    return run


publish = _simple("publish", "发布居民需求")
start_service = _simple("start", "开始服务")
finish_service = _simple("finish", "完成服务")


def cancel(ws: Workspace, uid: str, reason: str) -> NeedRow:
    """Cancel an open need; the reason is required and kept in its history."""
    user = ws.require("staff", "取消居民需求")
    if not reason.strip():
        raise UserError("请填写取消的原因。")
    with ws.unit() as session:
        need = _get(session, uid)
        _move(session, need, "cancel", user.username, reason.strip())
        session.flush()
        return _row(session, need)


def _claimant(session: Any, need: Need, kind: str, uid: str) -> str:
    """The claimant's name, after checking it may claim: an organization, a household head or a
    volunteer, and never the resident who asked."""
    if kind not in CLAIMANT_KINDS:
        raise UserError("揭榜方只能是 组织、庭户 或 志愿者。")
    if not uid:
        raise UserError(f"请选择揭榜的{CLAIMANT_KIND_LABELS[kind]}。")
    if kind == "organization":
        org = session.get(Organization, uid)
        if org is None or org.deleted:
            raise NotFound("揭榜的组织不存在。")
        if getattr(org, "stage", "") == "exited":
            raise UserError(f"组织“{org.name}”已退出孵化，不能揭榜。")
        return org.name
    person = session.get(Person, uid)
    if person is None or person.deleted:
        raise NotFound("揭榜的居民不存在。")
    if person.uid == need.requester_uid:
        raise UserError("提出需求的居民不能揭自己的榜。")
    if kind == "volunteer" and not person.is_volunteer:
        raise UserError(f"居民“{person.name}”不是登记的志愿者，不能以志愿者身份揭榜。")
    if kind == "household" and not person.household_head:
        raise UserError(f"居民“{person.name}”不是庭户长，请以庭户长的名义揭榜。")
    return person.name


def claim(ws: Workspace, uid: str, kind: str, claimant_uid: str, note: str = "") -> NeedRow:
    """揭榜: an organization, a household or a volunteer takes a published need."""
    user = ws.require("staff", "揭榜")
    with ws.unit() as session:
        need = _get(session, uid)
        name = _claimant(session, need, kind, claimant_uid)
        _move(session, need, "claim", user.username,
              f"{CLAIMANT_KIND_LABELS[kind]}“{name}”揭榜" + (f"：{note.strip()}" if note.strip() else ""))
        need.claimant_kind, need.claimant_uid, need.claimant_name = kind, claimant_uid, name
        session.flush()
        return _row(session, need)


def release(ws: Workspace, uid: str, reason: str = "") -> NeedRow:
    """撤榜: the claimant gives the need back; it is published again."""
    user = ws.require("staff", "撤榜")
    with ws.unit() as session:
        need = _get(session, uid)
        former = need.claimant_name
        _move(session, need, "release", user.username,
              f"“{former}”撤榜" + (f"：{reason.strip()}" if reason.strip() else ""))
        need.claimant_kind, need.claimant_uid, need.claimant_name = "", None, ""
        session.flush()
        return _row(session, need)


def review(ws: Workspace, uid: str, satisfaction: int, comment: str = "") -> NeedRow:
    """The resident's review (satisfaction 1-5 and a comment); a volunteer's reward is deposited."""
    user = ws.require("staff", "评价需求服务")
    if not isinstance(satisfaction, int) or not 1 <= satisfaction <= 5:
        raise UserError("满意度应为 1 到 5 之间的整数。")
    with ws.unit() as session:
        need = _get(session, uid)
        _move(
            session,
            need,
            "review",
            user.username,
            f"满意度 {satisfaction}" + (f"：{comment.strip()}" if comment.strip() else ""),
        )
        need.satisfaction, need.review_comment = satisfaction, comment.strip()
        if need.claimant_kind == "volunteer" and need.claimant_uid and need.reward_points > 0:
            deposit_need_reward(session, person_uid=need.claimant_uid, points=need.reward_points,
                                need_uid=need.uid, title=need.title)
        session.flush()
        return _row(session, need)
