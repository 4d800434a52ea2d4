"""Figures of the organizations module: how many, at which stage, of which kind."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.orgs import KIND_LABELS, STAGE_LABELS
from yichao.app.stats.figures import figure
from yichao.app.stats.scope import Scope
from yichao.app.stats.sqlhelp import count_of
from yichao.models.organization import Organization

INCUBATING = ("nursery", "accelerating", "scaling")


def _orgs(scope: Scope):
    return scope.where(select(Organization).where(Organization.deleted.is_(False)), Organization)


@figure("orgs_incubating", "在孵组织", "个", "stock", page="orgs", filters=(("stage", "incubating"),))
def orgs_incubating(session: Session, scope: Scope) -> int:
    """Organizations in nursery, accelerating or scaling (not graduated, not exited)."""
    return count_of(session, _orgs(scope).where(Organization.stage.in_(INCUBATING)))


@figure("orgs_total", "社会组织总数", "个", "stock", page="orgs", dashboard=False)
def orgs_total(session: Session, scope: Scope) -> int:
    """Every organization on file, whatever its stage (the district asks for the total)."""
    return count_of(session, _orgs(scope))


@figure("orgs_by_stage", "各阶段组织", "个", "breakdown", page="orgs", chart=True, by="阶段")  # a chart on the 工作台
def orgs_by_stage(session: Session, scope: Scope) -> list[tuple[str, int]]:
    """Organizations per stage, every stage listed (zero included), in stage order."""
    stmt = _orgs(scope).with_only_columns(Organization.stage, func.count()).group_by(Organization.stage)
    counts = dict(session.execute(stmt).all())
    return [(STAGE_LABELS[s], int(counts.get(s, 0))) for s in STAGE_LABELS]


@figure("orgs_by_kind", "各类型组织", "个", "breakdown", dashboard=False, by="组织类型")
def orgs_by_kind(session: Session, scope: Scope) -> list[tuple[str, int]]:
    stmt = _orgs(scope).with_only_columns(Organization.kind, func.count()).group_by(Organization.kind)
    counts = dict(session.execute(stmt).all())
    return [(KIND_LABELS.get(k, k), int(counts.get(k, 0))) for k in KIND_LABELS]
