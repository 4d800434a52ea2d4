"""What an organization does and receives: activities, mentoring visits, subsidies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from yichao.app.core import money
from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import Workspace
from yichao.models.org_records import (
    MENTORING_KINDS,
    SUBSIDY_KINDS,
    SUBSIDY_STATUSES,
    OrgActivity,
    OrgLookup,
    OrgMentoring,
    OrgSubsidy,
)
from yichao.models.organization import Organization

MAX_HOURS = 100_000.0
MAX_FEN = 10_000_000_00  # ten million yuan


def _org(session: Session, uid: str) -> Organization:
    org = session.get(Organization, uid)
    if org is None or org.deleted:
        raise NotFound("找不到这个组织。")
    return org


def _record(session: Session, model: type[Any], uid: str) -> Any:
    rec = session.get(model, uid)
    if rec is None or rec.deleted:
        raise NotFound("找不到这条记录。")
    return rec


def _count(value: int, label: str) -> int:
    if not isinstance(value, int) or not 0 <= value <= 1_000_000:
        raise UserError(f"{label}应为0到1000000之间的整数。")
    return value


# ------------------------------------------------------------------------------ activities

@dataclass(frozen=True)
class ActivityRow:
    uid: str
    org_uid: str
    on: date
    title: str
    place: str
    domain_uid: str | None
    participants: int
    beneficiaries: int
    volunteer_hours: float
    notes: str


def add_activity(ws: Workspace, org_uid: str, on: date, title: str, *, place: str = "",
                 domain_uid: str | None = None, participants: int = 0, beneficiaries: int = 0,
                 volunteer_hours: float = 0.0, notes: str = "") -> ActivityRow:
    """Record an activity; a date in the future is refused (activities are recorded afterwards)."""
    ws.require("staff", "登记组织活动", work="orgs")
    title = " ".join((title or "").split())
    if not title:
        raise UserError("请填写活动名称。")
    if on > date.today():
        raise UserError("活动日期不能晚于今天：活动办完后再登记。")
    participants = _count(participants, "参与人数")
    beneficiaries = _count(beneficiaries, "受益人数")
    if not isinstance(volunteer_hours, (int, float)) or not 0 <= volunteer_hours <= MAX_HOURS:
        raise UserError("志愿服务时长应为0到100000之间的小时数。")
    with ws.unit() as session:
        _org(session, org_uid)
        if domain_uid:
            entry = session.get(OrgLookup, domain_uid)
            if entry is None or entry.deleted or entry.list_kind != "domain":
                raise UserError("所选的服务领域不存在或已停用。")
        a = OrgActivity(org_uid=org_uid, on=on, title=title[:200], place=" ".join(place.split())[:200],
                        domain_uid=domain_uid or None, participants=participants,
                        beneficiaries=beneficiaries, volunteer_hours=round(float(volunteer_hours), 1),
                        notes=notes.strip())
        session.add(a)
        session.flush()
        return _activity_row(a)


def _activity_row(a: OrgActivity) -> ActivityRow:
    return ActivityRow(a.uid, a.org_uid, a.on, a.title, a.place, a.domain_uid, a.participants,
                       a.beneficiaries, a.volunteer_hours, a.notes)


def count_activities(ws: Workspace, org_uid: str) -> int:
    with ws.read() as session:
        return session.scalar(select(func.count()).select_from(OrgActivity).where(
            OrgActivity.org_uid == org_uid, OrgActivity.deleted.is_not(True))) or 0


def list_activities(ws: Workspace, org_uid: str, offset: int = 0, limit: int = 200) -> list[ActivityRow]:
    """A page of an organization's activities, newest first."""
    with ws.read() as session:
        stmt = (select(OrgActivity).where(OrgActivity.org_uid == org_uid, OrgActivity.deleted.is_not(True))
                .order_by(OrgActivity.on.desc(), OrgActivity.uid).offset(offset).limit(limit))
        return [_activity_row(a) for a in session.scalars(stmt)]


def delete_activity(ws: Workspace, uid: str) -> None:
    ws.require("staff", "删除组织活动", work="orgs")
    with ws.unit() as session:
        _record(session, OrgActivity, uid).deleted = True


# ------------------------------------------------------------------------------ mentoring

@dataclass(frozen=True)
class MentoringRow:
    uid: str
    org_uid: str
    on: date
    visit_kind: str
    mentor: str
    findings: str
    follow_up_on: date | None
    follow_up_done: bool
    org_name: str = ""

    def overdue(self, today: date) -> bool:
        return bool(self.follow_up_on and not self.follow_up_done and self.follow_up_on < today)


def add_mentoring(ws: Workspace, org_uid: str, on: date, visit_kind: str, mentor: str, findings: str = "",
                  follow_up_on: date | None = None) -> MentoringRow:
    ws.require("staff", "登记督导咨询", work="orgs")
    if visit_kind not in MENTORING_KINDS:
        raise UserError(f"未知的督导类型：{visit_kind}。")
    mentor = " ".join((mentor or "").split())
    if not mentor:
        raise UserError("请填写督导（咨询、培训）老师。")
    if on > date.today():
        raise UserError("督导日期不能晚于今天。")
    if follow_up_on is not None and follow_up_on < on:
        raise UserError("跟进日期不能早于督导日期。")
    with ws.unit() as session:
        _org(session, org_uid)
        m = OrgMentoring(org_uid=org_uid, on=on, visit_kind=visit_kind, mentor=mentor[:64],
                         findings=findings.strip(), follow_up_on=follow_up_on)
        session.add(m)
        session.flush()
        return _mentoring_row(m)


def _mentoring_row(m: OrgMentoring, org_name: str = "") -> MentoringRow:
    return MentoringRow(m.uid, m.org_uid, m.on, m.visit_kind, m.mentor, m.findings, m.follow_up_on,
                        m.follow_up_done, org_name)


def list_mentoring(ws: Workspace, org_uid: str) -> list[MentoringRow]:
    with ws.read() as session:
        stmt = (select(OrgMentoring).where(OrgMentoring.org_uid == org_uid, OrgMentoring.deleted.is_not(True))
                .order_by(OrgMentoring.on.desc()))
        return [_mentoring_row(m) for m in session.scalars(stmt)]


def complete_follow_up(ws: Workspace, uid: str) -> MentoringRow:
    ws.require("staff", "完成督导跟进", work="orgs")
    with ws.unit() as session:
        m = _record(session, OrgMentoring, uid)
        if m.follow_up_on is None:
            raise UserError("这次督导没有约定跟进日期。")
        m.follow_up_done = True
        session.flush()
        return _mentoring_row(m)


def overdue_follow_ups(ws: Workspace, today: date | None = None) -> list[MentoringRow]:
    """Follow-ups whose date has passed without being done, oldest first, with the org's name."""
    today = today or date.today()
    with ws.read() as session:
        stmt = (select(OrgMentoring, Organization.name).join(Organization, Organization.uid == OrgMentoring.org_uid)
                .where(OrgMentoring.deleted.is_(False), Organization.deleted.is_(False),
                       OrgMentoring.follow_up_done.is_(False), OrgMentoring.follow_up_on < today)
                .order_by(OrgMentoring.follow_up_on))
        return [_mentoring_row(m, name) for m, name in session.execute(stmt)]


# ------------------------------------------------------------------------------ subsidies

@dataclass(frozen=True)
class SubsidyRow:
    uid: str
    org_uid: str
    subsidy_kind: str
    year: int
    amount_fen: int
    status: str
    on: date | None  # the day it was registered
    notes: str
    approved_on: date | None = None
    paid_on: date | None = None

    @property
    def amount(self) -> str:
        return format_yuan(self.amount_fen)


@dataclass(frozen=True)
class YearTotal:
    year: int
    granted_fen: int  # approved + paid
    paid_fen: int
    applied_fen: int


def format_yuan(fen: int) -> str:
    return money.format_yuan(fen)


def parse_yuan(text: str | int | float) -> int:
    """Fen from "12,000.50" / "1.2万" / 3000; refused when not a positive amount."""
    fen = money.parse_yuan(text)
    if fen <= 0 or fen > MAX_FEN:
        raise UserError("金额应大于0且不超过1000万元。")
    return fen


def add_subsidy(ws: Workspace, org_uid: str, subsidy_kind: str, year: int, amount: str | int | float, *,
                 status: str = "applied", on: date | None = None, notes: str = "") -> SubsidyRow:
    """Register a subsidy; ``on`` is the day of the status it is registered in (a subsidy already
    approved or paid gets it as its approval or payment date too)."""
    ws.require("staff", "登记补贴资助", work="orgs")
    if subsidy_kind not in SUBSIDY_KINDS:
        raise UserError(f"未知的补贴类型：{subsidy_kind}。")
    if status not in SUBSIDY_STATUSES:
        raise UserError(f"未知的补贴状态：{status}。")
    if not isinstance(year, int) or not 2000 <= year <= date.today().year + 1:
        raise UserError(f"年度应在2000到{date.today().year + 1}之间。")
    fen = parse_yuan(amount)
    if on is not None and on > date.today():
        raise UserError("补贴日期不能晚于今天。")
    with ws.unit() as session:
        _org(session, org_uid)
        s = OrgSubsidy(org_uid=org_uid, subsidy_kind=subsidy_kind, year=year, amount_fen=fen,
                       status=status, on=on, notes=notes.strip()[:400],
                       approved_on=on if status == "approved" else None,
                       paid_on=on if status == "paid" else None)
        session.add(s)
        session.flush()
        return _subsidy_row(s)


_NEXT_STATUS = {"applied": ("approved", "cancelled"), "approved": ("paid", "cancelled"), "paid": (),
                "cancelled": ()}
# what each step is called in a refusal
_STEP_WORDS = {"approved": "批准日期", "paid": "拨付日期", "cancelled": "取消日期"}


def set_subsidy_status(ws: Workspace, uid: str, status: str, on: date | None = None) -> SubsidyRow:
    """applied -> approved -> paid; cancelled before payment. A paid subsidy stays paid.

    ``on`` (today when not given) is the day of the step: approving keeps it as the approval date,
    paying as the payment date, each in its own column (the journal records both changes). It is
    neither in the future nor before the previous step's day (registration, then approval).
    """
    ws.require("staff", "变更补贴状态", work="orgs")
    day = on or date.today()
    word = _STEP_WORDS.get(status, "日期")
    if day > date.today():
        raise UserError(f"{word}不能晚于今天。")
    with ws.unit() as session:
        s = _record(session, OrgSubsidy, uid)
        if status not in _NEXT_STATUS.get(s.status, ()):
            raise UserError("已拨付或已取消的补贴不能再变更状态。" if not _NEXT_STATUS.get(s.status)
                            else "补贴状态须按 已申请 → 已批准 → 已拨付 的顺序变更。")
        if status == "paid" and s.approved_on is not None and day < s.approved_on:
            raise UserError(f"拨付日期不能早于批准日期 {s.approved_on.isoformat()}。")
        if status in ("approved", "paid") and s.on is not None and day < s.on:
            raise UserError(f"{word}不能早于登记日期 {s.on.isoformat()}。")
        if status == "approved":
            s.approved_on = day
        elif status == "paid":
            s.paid_on = day
        s.status = status
        session.flush()
        return _subsidy_row(s)


def _subsidy_row(s: OrgSubsidy) -> SubsidyRow:
    return SubsidyRow(s.uid, s.org_uid, s.subsidy_kind, s.year, s.amount_fen, s.status, s.on, s.notes,
                      s.approved_on, s.paid_on)


def list_subsidies(ws: Workspace, org_uid: str) -> list[SubsidyRow]:
    with ws.read() as session:
        stmt = (select(OrgSubsidy).where(OrgSubsidy.org_uid == org_uid, OrgSubsidy.deleted.is_not(True))
                .order_by(OrgSubsidy.year.desc(), OrgSubsidy.on.desc()))
        return [_subsidy_row(s) for s in session.scalars(stmt)]


def yearly_totals(ws: Workspace, org_uid: str) -> list[YearTotal]:
    """Per-year sums for one organization (cancelled subsidies count nowhere), newest year first."""
    def total(*statuses: str) -> Any:
        return func.coalesce(func.sum(case((OrgSubsidy.status.in_(statuses), OrgSubsidy.amount_fen), else_=0)), 0)

    with ws.read() as session:
        stmt = (select(OrgSubsidy.year, total("approved", "paid"), total("paid"), total("applied"))
                .where(OrgSubsidy.org_uid == org_uid, OrgSubsidy.deleted.is_not(True))
                .group_by(OrgSubsidy.year).order_by(OrgSubsidy.year.desc()))
        return [YearTotal(int(y), int(g), int(p), int(a)) for y, g, p, a in session.execute(stmt)]
