"""Figures of venture philanthropy (公益创投): projects under way, money committed and disbursed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from yichao.app.stats.figures import figure, todo
from yichao.app.stats.period import Period, china_today
from yichao.app.stats.scope import Scope
from yichao.app.stats.sqlhelp import bucketed, count_of
from yichao.models.project import Evaluation, Milestone, Program, Project, ProjectTransition, Tranche

UNDER_WAY = ("approved", "running", "midterm")


def _yuan(values: Sequence[int]) -> list[Decimal]:
    return [Decimal(int(v)) / 100 for v in values]


@figure("projects_running", "在执行项目", "个", "stock", page="projects", filters=(("status", "running"),))
def projects_running(session: Session, scope: Scope) -> int:
    """Projects approved and not yet closed."""
    stmt = select(Project).where(Project.deleted.is_(False), Project.status.in_(UNDER_WAY))
    return count_of(session, scope.where(stmt, Project))


@figure("program_budget", "本年度创投预算", "元", "stock", fmt="money", page="projects", span="year")
def program_budget(session: Session, scope: Scope) -> Decimal:
    """The budgets of this year's programs (funding rounds)."""
    stmt = scope.where(select(Program).where(Program.deleted.is_(False), Program.year == china_today().year), Program)
    return _yuan([session.scalar(stmt.with_only_columns(func.coalesce(func.sum(Program.budget_fen), 0))) or 0])[0]


@figure("funds_committed", "立项资助金额", "元", "flow", fmt="money", page="projects", span="year")
def funds_committed(session: Session, scope: Scope, periods: Sequence[Period]) -> list[Decimal]:
    """Grants of the projects approved (立项) in the period."""
    base = (select(ProjectTransition).join(Project, Project.uid == ProjectTransition.project_uid)
            .where(ProjectTransition.to_status == "approved", ProjectTransition.deleted.is_(False),
                   Project.deleted.is_(False)))
    base = scope.where(base, ProjectTransition)
    return _yuan(bucketed(session, base, ProjectTransition.on, periods, value=Project.approved_fen, utc=False))


@figure("funds_disbursed", "资助拨付金额", "元", "flow", fmt="money", page="projects", trend=True, span="year")
def funds_disbursed(session: Session, scope: Scope, periods: Sequence[Period]) -> list[Decimal]:
    """Tranches paid out in the period."""
    base = scope.where(select(Tranche).where(Tranche.deleted.is_(False)), Tranche)
    return _yuan(bucketed(session, base, Tranche.disbursed_on, periods, value=Tranche.amount_fen, utc=False))


def due_tranches(scope: Scope):
    """Unpaid tranches of projects under way whose release condition is met (the to-do and its list)."""
    evaluated = lambda kind: exists().where(Evaluation.project_uid == Tranche.project_uid,  # noqa: E731
                                            Evaluation.kind == kind, Evaluation.deleted.is_(False))
    milestone_done = exists().where(Milestone.uid == Tranche.milestone_uid, Milestone.done_on.is_not(None),
                                    Milestone.deleted.is_(False))
    stmt = (select(Tranche).join(Project, Project.uid == Tranche.project_uid)
            .where(Tranche.deleted.is_(False), Tranche.disbursed_on.is_(None), Project.deleted.is_(False),
                   Project.status.in_(UNDER_WAY),
                   or_(Tranche.condition == "approval",
                       and_(Tranche.condition == "milestone", milestone_done),
                       and_(Tranche.condition == "midterm", evaluated("midterm")),
                       and_(Tranche.condition == "final", evaluated("final")))))
    return scope.where(stmt, Tranche)


@todo("tranches_due", "%d 笔资助款已满足拨付条件、尚未拨付", page="projects", filters=(("tranches", "due"),))
def tranches_due(session: Session, scope: Scope, today: date) -> int:
    """Unpaid tranches of projects under way whose release condition is met."""
    return count_of(session, due_tranches(scope))
