"""Midterm and final evaluations, service activities, and the figures a close-out needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError
from yichao.app.core.workspace import Workspace
from yichao.app.projects.labels import EVALUATION_KIND_LABELS, STATUS_LABELS
from yichao.app.projects.records import ProjectRow, load_project, row_of
from yichao.models.project import EVALUATION_KINDS, Activity, Evaluation, Project

# the statuses in which each evaluation may be recorded
EVALUATION_WINDOW = {"midterm": ("running", "midterm"), "final": ("midterm",)}


@dataclass(frozen=True)
class EvaluationRow:
    uid: str
    kind: str
    on: date
    score: float
    evaluator: str
    comment: str


@dataclass(frozen=True)
class ActivityRow:
    uid: str
    held_on: date
    title: str
    participants: int
    note: str


def record_evaluation(ws: Workspace, project_uid: str, kind: str, on: date, score: float,
                      evaluator: str = "", comment: str = "") -> EvaluationRow:
    """Record (or correct) the midterm or final evaluation: a score from 0 to 100 and comments."""
    ws.require("staff", "登记项目评估", work="projects")
    if kind not in EVALUATION_KINDS:
        raise UserError(f"评估类型“{kind}”不认识。")
    if not 0 <= score <= 100:
        raise UserError(f"评估得分 {score:g} 超出 0～100 的范围。")
    with ws.unit() as session:
        p = load_project(session, project_uid)
        if p.status not in EVALUATION_WINDOW[kind]:
            raise UserError(f"项目{STATUS_LABELS[p.status]}，现在不能登记{EVALUATION_KIND_LABELS[kind]}。")
        if p.status_on and on < p.status_on:
            raise UserError(f"评估日期 {on} 早于项目进入当前状态的日期 {p.status_on}。")
        e = evaluation_of(session, project_uid, kind) or Evaluation(project_uid=project_uid, kind=kind)
        e.on, e.score, e.evaluator, e.comment = on, float(score), evaluator.strip(), comment.strip()
        session.add(e)
        session.flush()
        return _evaluation_row(e)


def evaluation_of(session: Session, project_uid: str, kind: str) -> Evaluation | None:
    return session.scalars(select(Evaluation).where(
        Evaluation.project_uid == project_uid, Evaluation.kind == kind, Evaluation.deleted.is_(False))).first()


def _evaluation_row(e: Evaluation) -> EvaluationRow:
    return EvaluationRow(e.uid, e.kind, e.on, e.score, e.evaluator, e.comment)


def list_evaluations(ws: Workspace, project_uid: str) -> list[EvaluationRow]:
    with ws.read() as session:
        return [_evaluation_row(e) for e in session.scalars(select(Evaluation).where(
            Evaluation.project_uid == project_uid, Evaluation.deleted.is_(False)).order_by(Evaluation.on))]


def record_activity(ws: Workspace, project_uid: str, held_on: date, title: str, participants: int = 0,
                    note: str = "") -> ActivityRow:
    ws.require("staff", "登记项目活动", work="projects")
    if not title.strip():
        raise UserError("活动名称不能为空。")
    if participants < 0:
        raise UserError("参与人数不能是负数。")
    with ws.unit() as session:
        p = load_project(session, project_uid)
        if p.status not in ("approved", "running", "midterm"):
            raise UserError(f"项目{STATUS_LABELS[p.status]}，不能登记活动。")
        a = Activity(project_uid=project_uid, held_on=held_on, title=title.strip(), participants=participants,
                     note=note.strip())
        session.add(a)
        session.flush()
        return ActivityRow(a.uid, a.held_on, a.title, a.participants, a.note)


def list_activities(ws: Workspace, project_uid: str) -> list[ActivityRow]:
    with ws.read() as session:
        return [ActivityRow(a.uid, a.held_on, a.title, a.participants, a.note) for a in session.scalars(
            select(Activity).where(Activity.project_uid == project_uid, Activity.deleted.is_(False))
            .order_by(Activity.held_on))]


def record_outcome(ws: Workspace, project_uid: str, spent_fen: int, actual_beneficiaries: int) -> ProjectRow:
    """What was really spent and how many people were served (for the close-out)."""
    ws.require("staff", "登记项目执行情况", work="projects")
    if spent_fen < 0 or actual_beneficiaries < 0:
        raise UserError("实际支出和实际受益人数不能是负数。")
    with ws.unit() as session:
        p: Project = load_project(session, project_uid)
        if p.status not in ("approved", "running", "midterm"):
            raise UserError(f"项目{STATUS_LABELS[p.status]}，不能修改执行情况。")
        if spent_fen > p.approved_fen:
            raise UserError("实际支出不能超过立项金额。")
        p.spent_fen, p.actual_beneficiaries = spent_fen, actual_beneficiaries
        session.flush()
        return row_of(session, project_uid)
