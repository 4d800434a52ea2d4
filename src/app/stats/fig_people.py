"""Figures of the foundation: residents, volunteers, communities and journal activity."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.stats.figures import figure
from yichao.app.stats.period import Period
from yichao.app.stats.scope import Scope
from yichao.app.stats.sqlhelp import bucketed, count_of
from yichao.models.journal import JournalEntry
from yichao.models.person import Person
from yichao.models.site import Community


def _people(scope: Scope):
    return scope.where(select(Person).where(Person.deleted.is_(False)), Person)


@figure("residents", "登记居民", "人", "stock", page="residents", rollup=True)
def residents(session: Session, scope: Scope) -> int:
    """Residents on file (tombstones left out)."""
    return count_of(session, _people(scope))


@figure("volunteers", "注册志愿者", "人", "stock", page="residents", filters=(("volunteers", "1"),), rollup=True)
def volunteers(session: Session, scope: Scope) -> int:
    """Residents registered as volunteers."""
    return count_of(session, _people(scope).where(Person.is_volunteer.is_(True)))


@figure("communities", "社区", "个", "stock", dashboard=False)
def communities(session: Session, scope: Scope) -> int:
    stmt = scope.where(select(Community).where(Community.deleted.is_(False)), Community)
    return count_of(session, stmt)


@figure("new_residents", "新登记居民", "人", "flow", page="residents", trend=True, dashboard=False)
def new_residents(session: Session, scope: Scope, periods: Sequence[Period]) -> list[int]:
    """Residents first recorded in each period, from the journal's insert rows."""
    base = select(JournalEntry).where(JournalEntry.entity == "person", JournalEntry.op == "insert")
    base = scope.on(base, JournalEntry.origin)
    return [int(v) for v in bucketed(session, base, JournalEntry.at, periods)]


@figure("journal_changes", "留痕记录（变更与操作）", "条", "flow", dashboard=False, trend=True)
def journal_changes(session: Session, scope: Scope, periods: Sequence[Period]) -> list[int]:
    """Journal rows of each period (record changes and events such as logins and exports): how
    much work the center recorded. Counted on the journal's time index alone."""
    base = select(JournalEntry)
    base = scope.on(base, JournalEntry.origin)
    return [int(v) for v in bucketed(session, base, JournalEntry.at, periods)]


def _by_community(session: Session, scope: Scope, volunteers_only: bool) -> list[tuple[str, int]]:
    stmt = (
        select(func.coalesce(Community.name, "（未填社区）"), func.count(Person.uid))
        .select_from(Person)
        .outerjoin(Community, Community.uid == Person.community_uid)
        .where(Person.deleted.is_(False))
        .group_by(Person.community_uid, Community.name)
        .order_by(Community.name)
    )
    if volunteers_only:
        stmt = stmt.where(Person.is_volunteer.is_(True))
    stmt = scope.where(stmt, Person)
    return [(name, int(n)) for name, n in session.execute(stmt).all()]


@figure("residents_by_community", "各社区居民", "人", "breakdown", dashboard=False, by="社区")
def residents_by_community(session: Session, scope: Scope) -> list[tuple[str, int]]:
    return _by_community(session, scope, volunteers_only=False)


@figure("volunteers_by_community", "各社区志愿者", "人", "breakdown", dashboard=False, by="社区")
def volunteers_by_community(session: Session, scope: Scope) -> list[tuple[str, int]]:
    return _by_community(session, scope, volunteers_only=True)
