"""The project status flow and its rules.

applied -> screened -> pitched -> approved -> running -> midterm -> closed, and from the early steps
rejected, from the later ones terminated. Each step has a date that never goes backwards and is kept
as a :class:`ProjectTransition`. The rules a clerk meets:

- pitched: the project is on a roadshow's list;
- approved: an approved amount above 0, not above the request, and within what is left of the
  round's budget; the tranches are laid out from the plan;
- midterm: the midterm evaluation is recorded;
- closed: the final evaluation is recorded and every tranche is paid;
- rejected / terminated: a reason is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError
from yichao.app.core.workspace import Workspace
from yichao.app.projects.evaluations import evaluation_of
from yichao.app.projects.labels import STATUS_LABELS
from yichao.app.projects.money import fen_to_yuan
from yichao.app.projects.records import ProjectRow, load_project, row_of
from yichao.app.projects.rounds import budget_use
from yichao.app.projects.tranches import make_tranches, tranches_of
from yichao.models.project import Program, Project, ProjectTransition
from yichao.models.project_roadshow import RoadshowEntry

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "applied": ("screened", "rejected"),
    "screened": ("pitched", "rejected"),
    "pitched": ("approved", "rejected"),
    "approved": ("running", "terminated"),
    "running": ("midterm", "terminated"),
    "midterm": ("closed", "terminated"),
}
NEEDS_REASON = ("rejected", "terminated")


@dataclass(frozen=True)
class TransitionRow:
    uid: str
    from_status: str
    to_status: str
    on: date
    note: str


def next_statuses(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def _check_rule(session: Session, p: Project, to: str, approved_fen: int | None) -> None:
    if to == "pitched":
        on_roadshow = session.scalars(select(RoadshowEntry.uid).where(
            RoadshowEntry.project_uid == p.uid, RoadshowEntry.deleted.is_(False))).first()
        if on_roadshow is None:
            raise UserError("项目还没有列入任何路演，不能标记为已路演。")
    elif to == "approved":
        _check_budget(session, p, approved_fen)
    elif to == "midterm" and evaluation_of(session, p.uid, "midterm") is None:
        raise UserError("请先登记中期评估，再进入中期评估状态。")
    elif to == "closed":
        if evaluation_of(session, p.uid, "final") is None:
            raise UserError("请先登记结项评估，再结项。")
        unpaid = [t.seq for t in tranches_of(session, p.uid) if not t.disbursed_on]
        if unpaid:
            raise UserError(f"还有第 {'、'.join(map(str, unpaid))} 笔款未拨付，不能结项。")


def _check_budget(session: Session, p: Project, approved_fen: int | None) -> None:
    if approved_fen is None or approved_fen <= 0:
        raise UserError("立项时必须填写大于 0 的立项金额。")
    if approved_fen > p.requested_fen:
        raise UserError(f"立项金额不能超过申请金额 {fen_to_yuan(p.requested_fen)} 元。")
    if p.program_uid:
        program = session.get(Program, p.program_uid)
        assert program is not None
        committed, _ = budget_use(session, p.program_uid)
        left = program.budget_fen - committed
        if approved_fen > left:
            raise UserError(f"超出预算：批次“{program.name}”只剩 {fen_to_yuan(left)} 元，"
                            f"不能立项 {fen_to_yuan(approved_fen)} 元。")


def advance(ws: Workspace, project_uid: str, to: str, on: date, note: str = "",
            approved_fen: int | None = None) -> ProjectRow:
    """Move a project one step along the flow, after checking that step's rule."""
    ws.require("staff", "变更项目状态", work="projects")
    with ws.unit() as session:
        p = load_project(session, project_uid)
        if to not in next_statuses(p.status):
            allowed = "、".join(STATUS_LABELS[s] for s in next_statuses(p.status)) or "无"
            raise UserError(f"项目现在是“{STATUS_LABELS[p.status]}”，不能变为“{STATUS_LABELS.get(to, to)}”"
                            f"（可以变为：{allowed}）。")
        if p.status_on and on < p.status_on:
            raise UserError(f"日期 {on} 早于上一步的日期 {p.status_on}。")
        if to in NEEDS_REASON and not note.strip():
            raise UserError(f"“{STATUS_LABELS[to]}”必须写明原因。")
        _check_rule(session, p, to, approved_fen)
        session.add(ProjectTransition(project_uid=p.uid, from_status=p.status, to_status=to, on=on,
                                      note=note.strip()))
        p.status, p.status_on = to, on
        if to == "approved":
            p.approved_fen = int(approved_fen or 0)
            session.flush()
            make_tranches(session, p)
        session.flush()
        return row_of(session, p.uid)


def list_transitions(ws: Workspace, project_uid: str) -> list[TransitionRow]:
    with ws.read() as session:
        rows = session.scalars(select(ProjectTransition).where(
            ProjectTransition.project_uid == project_uid, ProjectTransition.deleted.is_(False))
            .order_by(ProjectTransition.on, ProjectTransition.updated_at))
        return [TransitionRow(t.uid, t.from_status, t.to_status, t.on, t.note) for t in rows]
