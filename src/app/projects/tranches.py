"""Milestones and tranches (分期拨付): a grant is paid in parts, each released by its condition.

Conditions: ``approval`` (the project is approved), ``milestone`` (a named milestone is done),
``midterm`` / ``final`` (that evaluation is recorded). Tranches are paid in order, and their amounts
always add up to the approved grant exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import Workspace
from yichao.app.projects.labels import CONDITION_LABELS, STATUS_LABELS
from yichao.app.projects.money import fen_to_yuan, parse_tranche_plan, split_amount
from yichao.app.projects.records import load_project
from yichao.models.project import TRANCHE_CONDITIONS, Evaluation, Milestone, Program, Project, Tranche

PAYABLE = ("approved", "running", "midterm")


@dataclass(frozen=True)
class MilestoneRow:
    uid: str
    seq: int
    title: str
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class TrancheRow:
    uid: str
    seq: int
    percent: int
    amount_fen: int
    condition: str
    milestone_uid: str | None
    disbursed_on: date | None
    note: str

    @property
    def condition_label(self) -> str:
        return CONDITION_LABELS.get(self.condition, self.condition)


def default_conditions(count: int) -> list[str]:
    """First on approval, last on the final evaluation, the one before it on the midterm."""
    if count == 1:
        return ["approval"]
    middle = ["milestone"] * (count - 2)
    if count >= 3:
        middle[-1] = "midterm"
    return ["approval", *middle, "final"]


def plan_of(session: Session, p: Project) -> tuple[int, ...]:
    if p.tranche_plan:
        return parse_tranche_plan(p.tranche_plan)
    program = session.get(Program, p.program_uid) if p.program_uid else None
    return parse_tranche_plan(program.tranche_plan if program else "50,30,20")


def tranches_of(session: Session, project_uid: str) -> list[Tranche]:
    return list(session.scalars(select(Tranche).where(Tranche.project_uid == project_uid,
                                                      Tranche.deleted.is_(False)).order_by(Tranche.seq)))


def make_tranches(session: Session, p: Project) -> None:
    """At approval: one tranche per percent of the plan, amounts summing to the grant."""
    percents = plan_of(session, p)
    for old in tranches_of(session, p.uid):
        old.deleted = True
    for seq, (percent, amount, condition) in enumerate(
            zip(percents, split_amount(p.approved_fen, percents), default_conditions(len(percents))), 1):
        session.add(Tranche(project_uid=p.uid, seq=seq, percent=percent, amount_fen=amount, condition=condition))


def replan_tranches(
    ws: Workspace, project_uid: str, plan: str, conditions: list[str] | None = None
) -> list[TrancheRow]:
    """Change the split (e.g. 40/40/20) before anything is paid."""
    ws.require("staff", "调整拨付计划", work="projects")
    percents = parse_tranche_plan(plan)
    conds = conditions or default_conditions(len(percents))
    if len(conds) != len(percents) or any(c not in TRANCHE_CONDITIONS for c in conds):
        raise UserError("每笔拨付都要有一个拨付条件。")
    with ws.unit() as session:
        p = load_project(session, project_uid)
        if p.status not in PAYABLE:
            raise UserError(f"项目{STATUS_LABELS[p.status]}，不能调整拨付计划。")
        if any(t.disbursed_on for t in tranches_of(session, p.uid)):
            raise UserError("已经有拨付，不能再调整拨付比例。")
        p.tranche_plan = ",".join(map(str, percents))
        for old in tranches_of(session, p.uid):
            old.deleted = True
        for seq, (percent, amount, cond) in enumerate(zip(percents, split_amount(p.approved_fen, percents), conds), 1):
            session.add(Tranche(project_uid=p.uid, seq=seq, percent=percent, amount_fen=amount, condition=cond))
        session.flush()
        return [_tranche_row(t) for t in tranches_of(session, p.uid)]


def link_milestone(ws: Workspace, tranche_uid: str, milestone_uid: str) -> TrancheRow:
    """Tie a tranche to a milestone: it can be paid once the milestone is done."""
    ws.require("staff", "设置拨付条件", work="projects")
    with ws.unit() as session:
        t = _tranche(session, tranche_uid)
        m = session.get(Milestone, milestone_uid)
        if m is None or m.deleted or m.project_uid != t.project_uid:
            raise UserError("所选节点不属于这个项目。")
        if t.disbursed_on:
            raise UserError("这笔款已经拨付，不能再改条件。")
        t.condition, t.milestone_uid = "milestone", milestone_uid
        session.flush()
        return _tranche_row(t)


def _tranche(session: Session, uid: str) -> Tranche:
    t = session.get(Tranche, uid)
    if t is None or t.deleted:
        raise NotFound("找不到这笔拨付。")
    return t


def _has_evaluation(session: Session, project_uid: str, kind: str) -> bool:
    return (
        session.scalars(
            select(Evaluation.uid).where(
                Evaluation.project_uid == project_uid, Evaluation.kind == kind, Evaluation.deleted.is_(False)
            )
        ).first()
        is not None
    )


def condition_problem(session: Session, t: Tranche) -> str:
    """Why this tranche cannot be paid yet ('' when it can)."""
    if t.condition == "milestone":
        m = session.get(Milestone, t.milestone_uid) if t.milestone_uid else None
        if m is None or m.deleted:
            return f"第 {t.seq} 笔拨付还没有关联项目节点。"
        if m.done_on is None:
            return f"第 {t.seq} 笔拨付要等节点“{m.title}”完成。"
    if t.condition in ("midterm", "final") and not _has_evaluation(session, t.project_uid, t.condition):
        return f"第 {t.seq} 笔拨付要等{'中期' if t.condition == 'midterm' else '结项'}评估完成。"
    return ""


def disburse(ws: Workspace, tranche_uid: str, on: date, note: str = "") -> TrancheRow:
    """Pay a tranche: in order, only for a live project, only once its condition is met."""
    ws.require("staff", "登记拨付", work="projects")
    with ws.unit() as session:
        t = _tranche(session, tranche_uid)
        p = load_project(session, t.project_uid)
        if t.disbursed_on:
            raise UserError(f"第 {t.seq} 笔已于 {t.disbursed_on} 拨付。")
        if p.status not in PAYABLE:
            raise UserError(f"项目{STATUS_LABELS[p.status]}，不能拨付。")
        earlier = [x for x in tranches_of(session, p.uid) if x.seq < t.seq and not x.disbursed_on]
        if earlier:
            raise UserError(f"请先拨付第 {earlier[0].seq} 笔。")
        problem = condition_problem(session, t)
        if problem:
            raise UserError(problem)
        if p.status_on and on < p.status_on and t.condition == "approval":
            raise UserError(f"拨付日期 {on} 早于立项日期 {p.status_on}。")
        t.disbursed_on, t.note = on, note.strip()
        session.flush()
        return _tranche_row(t)


def _tranche_row(t: Tranche) -> TrancheRow:
    return TrancheRow(t.uid, t.seq, t.percent, t.amount_fen, t.condition, t.milestone_uid, t.disbursed_on, t.note)


def list_tranches(ws: Workspace, project_uid: str) -> list[TrancheRow]:
    with ws.read() as session:
        return [_tranche_row(t) for t in tranches_of(session, project_uid)]


def tranche_summary(rows: list[TrancheRow]) -> str:
    paid = sum(r.amount_fen for r in rows if r.disbursed_on)
    return f"已拨付 {fen_to_yuan(paid)} / {fen_to_yuan(sum(r.amount_fen for r in rows))} 元"


# -- milestones -----------------------------------------------------------------------------

def add_milestone(ws: Workspace, project_uid: str, title: str, due_on: date | None = None) -> MilestoneRow:
    ws.require("staff", "添加项目节点", work="projects")
    if not title.strip():
        raise UserError("节点名称不能为空。")
    with ws.unit() as session:
        p = load_project(session, project_uid)
        if p.status in ("closed", "rejected", "terminated"):
            raise UserError(f"项目{STATUS_LABELS[p.status]}，不能再添加节点。")
        seq = len(list_milestone_objs(session, project_uid)) + 1
        m = Milestone(project_uid=project_uid, seq=seq, title=title.strip(), due_on=due_on)
        session.add(m)
        session.flush()
        return _milestone_row(m)


def complete_milestone(ws: Workspace, milestone_uid: str, done_on: date) -> MilestoneRow:
    ws.require("staff", "登记节点完成", work="projects")
    with ws.unit() as session:
        m = session.get(Milestone, milestone_uid)
        if m is None or m.deleted:
            raise NotFound("找不到这个项目节点。")
        p = load_project(session, m.project_uid)
        if p.status not in ("approved", "running", "midterm"):
            raise UserError(f"项目{STATUS_LABELS[p.status]}，不能登记节点完成。")
        m.done_on = done_on
        session.flush()
        return _milestone_row(m)


def list_milestone_objs(session: Session, project_uid: str) -> list[Milestone]:
    return list(session.scalars(select(Milestone).where(Milestone.project_uid == project_uid,
                                                        Milestone.deleted.is_(False)).order_by(Milestone.seq)))


def _milestone_row(m: Milestone) -> MilestoneRow:
    return MilestoneRow(m.uid, m.seq, m.title, m.due_on, m.done_on)


def list_milestones(ws: Workspace, project_uid: str) -> list[MilestoneRow]:
    with ws.read() as session:
        return [_milestone_row(m) for m in list_milestone_objs(session, project_uid)]
