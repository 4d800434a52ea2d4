"""`yichao check` for this module: tranche sums, round budgets and double-entry of score sheets."""

from __future__ import annotations

from sqlalchemy import func, select

from yichao.app.core.check import register
from yichao.app.core.workspace import Workspace
from yichao.app.projects.money import fen_to_yuan
from yichao.app.projects.rounds import budget_use
from yichao.models.project import Program, Project, Tranche
from yichao.models.project_roadshow import ScoreSheet

FUNDED = ("approved", "running", "midterm", "closed", "terminated")


@register("项目资金与评分")
def check_projects(ws: Workspace) -> list[str]:
    problems: list[str] = []
    with ws.read() as session:
        sums = dict(session.execute(
            select(Tranche.project_uid, func.sum(Tranche.amount_fen)).where(Tranche.deleted.is_(False))
            .group_by(Tranche.project_uid)).all())
        for uid, title, approved in session.execute(select(Project.uid, Project.title, Project.approved_fen).where(
                Project.deleted.is_(False), Project.status.in_(FUNDED))):
            if int(sums.get(uid) or 0) != approved:
                problems.append(f"项目“{title}”各期拨付合计 {fen_to_yuan(int(sums.get(uid) or 0))} 元，"
                                f"与立项金额 {fen_to_yuan(approved)} 元不一致。")
        for program in session.scalars(select(Program).where(Program.deleted.is_(False))):
            committed, disbursed = budget_use(session, program.uid)
            if committed > program.budget_fen:
                problems.append(f"资助批次“{program.name}”已立项 {fen_to_yuan(committed)} 元，超出预算。")
            if disbursed > committed:
                problems.append(f"资助批次“{program.name}”已拨付金额超过已立项金额。")
        self_confirmed = session.scalar(select(func.count()).select_from(ScoreSheet).where(
            ScoreSheet.deleted.is_(False), ScoreSheet.confirmed_by != "",
            ScoreSheet.confirmed_by == ScoreSheet.entered_by)) or 0
        if self_confirmed:
            problems.append(f"有 {self_confirmed} 张评分单由录入人自己确认，不符合双人录入。")
    return problems
