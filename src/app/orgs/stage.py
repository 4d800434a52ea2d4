"""The incubation lifecycle and residency (入驻): the rules a center applies, enforced.

nursery (苗圃培育) -> accelerating (加速孵化) -> scaling (产业发展) -> graduated (出壳), one step at a
time (one step back is allowed after an evaluation), or exited (退出) at any point before
graduation; an exited organization may be readmitted to the nursery. Every change carries a date,
a reason and who, and graduating or exiting ends the residency and frees the workstation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.staff import staff_label, staff_names_in
from yichao.app.core.workspace import Workspace
from yichao.app.orgs.labels import STAGE_LABELS
from yichao.app.orgs.profile import OrgDetail, org_detail
from yichao.models.org_records import OrgStageChange
from yichao.models.organization import STAGES, Organization

_LADDER = ("nursery", "accelerating", "scaling", "graduated")


@dataclass(frozen=True)
class StageChange:
    uid: str
    from_stage: str
    to_stage: str
    on: date
    reason: str
    by_user: str


def allowed_next(stage: str) -> tuple[str, ...]:
    """The stages an organization in ``stage`` may move to."""
    if stage == "exited":
        return ("nursery",)
    if stage == "graduated":
        return ()
    i = _LADDER.index(stage)
    steps = [_LADDER[i + 1]]
    if i > 0:
        steps.append(_LADDER[i - 1])
    return (*steps, "exited")


def refusal(org: Organization, target: str) -> str | None:
    """Why ``org`` may not move to ``target`` now, or None."""
    if target not in STAGES:
        return f"未知的阶段：{target}。"
    if target == org.stage:
        return f"这个组织已经处于“{STAGE_LABELS[target]}”阶段。"
    if target not in allowed_next(org.stage):
        if org.stage == "graduated":
            return "已出壳的组织不再变更阶段。"
        return (f"不能从“{STAGE_LABELS[org.stage]}”直接进入“{STAGE_LABELS[target]}”，"
                "阶段须逐级推进。")
    if target == "accelerating" and not (org.leader and org.phone):
        return "进入加速孵化前须登记负责人和联系电话。"
    if target in ("scaling", "graduated") and org.kind == "unregistered_team":
        what = STAGE_LABELS[target]
        return f"{what}须先完成登记或备案：未登记团队不能{what}。"
    if target == "graduated" and not (org.credit_code or org.filing_number):
        return "出壳须有统一社会信用代码或备案编号。"
    return None


def _end_residency(org: Organization, until: date) -> None:
    org.resident = False
    org.workstation = ""
    org.resident_until = until


def _live(session: Session, uid: str) -> Organization:
    org = session.get(Organization, uid)
    if org is None or org.deleted:
        raise NotFound("找不到这个组织。")
    return org


def _check_date(on: date, since: date | None, what: str) -> None:
    if on > date.today():
        raise UserError(f"{what}日期不能晚于今天。")
    if since and on < since:
        raise UserError(f"{what}日期不能早于 {since.isoformat()}。")


def change_stage(ws: Workspace, uid: str, target: str, on: date, reason: str) -> OrgDetail:
    """Move an organization to ``target``; refused with one sentence when a rule says no."""
    ws.require("staff", "变更组织阶段", work="orgs")
    reason = " ".join((reason or "").split())
    if not reason:
        raise UserError("请填写阶段变更的原因。")
    with ws.unit() as session:
        org = _live(session, uid)
        problem = refusal(org, target)
        if problem:
            raise UserError(problem)
        _check_date(on, org.stage_since, "阶段变更")
        session.add(OrgStageChange(org_uid=uid, from_stage=org.stage, to_stage=target, on=on,
                                   reason=reason[:400], by_user=session.info.get("user", "")))
        org.stage, org.stage_since = target, on
        if target in ("graduated", "exited") and org.resident:
            _end_residency(org, on)
        session.flush()
        return org_detail(org)


def stage_history(ws: Workspace, uid: str) -> list[StageChange]:
    """Every stage change of an organization, oldest first; ``by_user`` as staff know them."""
    with ws.read() as session:
        staff = staff_names_in(session)
        stmt = (select(OrgStageChange).where(OrgStageChange.org_uid == uid, OrgStageChange.deleted.is_not(True))
                .order_by(OrgStageChange.on, OrgStageChange.updated_at))
        return [StageChange(c.uid, c.from_stage, c.to_stage, c.on, c.reason, staff_label(staff, c.by_user))
                for c in session.scalars(stmt)]


def start_residency(ws: Workspace, uid: str, workstation: str, since: date) -> OrgDetail:
    """Give an organization a workstation (创客工位) in the center."""
    ws.require("staff", "办理入驻", work="orgs")
    workstation = " ".join((workstation or "").split())
    if not workstation:
        raise UserError("请填写工位编号。")
    with ws.unit() as session:
        org = _live(session, uid)
        if org.stage in ("graduated", "exited"):
            raise UserError(f"“{STAGE_LABELS[org.stage]}”的组织不能入驻。")
        if org.resident:
            raise UserError(f"这个组织已经入驻（工位 {org.workstation}）。")
        _check_date(since, None, "入驻")
        holder = session.scalars(select(Organization).where(
            Organization.resident.is_(True), Organization.workstation == workstation,
            Organization.deleted.is_(False))).first()
        if holder is not None:
            raise UserError(f"工位 {workstation} 已由“{holder.name}”使用。")
        org.resident, org.workstation = True, workstation[:32]
        org.resident_since, org.resident_until = since, None
        session.flush()
        return org_detail(org)


def end_residency(ws: Workspace, uid: str, until: date) -> OrgDetail:
    """Leaving residency ends the workstation."""
    ws.require("staff", "办理退驻", work="orgs")
    with ws.unit() as session:
        org = _live(session, uid)
        if not org.resident:
            raise UserError("这个组织目前没有入驻。")
        _check_date(until, org.resident_since, "退驻")
        _end_residency(org, until)
        session.flush()
        return org_detail(org)
