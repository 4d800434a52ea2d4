"""Figures of the organizations' records: entries and graduations, activities, subsidies,
follow-ups of mentoring visits. Project activities count too when the projects module is present."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.stats.figures import figure, todo
from yichao.app.stats.period import Period
from yichao.app.stats.scope import Scope
from yichao.app.stats.sqlhelp import bucketed, count_of
from yichao.models.org_records import OrgActivity, OrgMentoring, OrgStageChange, OrgSubsidy
from yichao.models.project import Activity


def _live(model, scope: Scope):
    return scope.where(select(model).where(model.deleted.is_(False)), model)


def _changes(session: Session, scope: Scope, periods: Sequence[Period], **where: str) -> list[int]:
    base = _live(OrgStageChange, scope).filter_by(**where)
    return [int(v) for v in bucketed(session, base, OrgStageChange.on, periods, utc=False)]


@figure("orgs_new", "新入孵组织", "个", "flow", page="orgs")
def orgs_new(session: Session, scope: Scope, periods: Sequence[Period]) -> list[int]:
    """Organizations whose file was opened in the period (their first lifecycle step)."""
    return _changes(session, scope, periods, from_stage="")


@figure("orgs_graduated", "出壳组织", "个", "flow", page="orgs", filters=(("stage", "graduated"),), span="year")
def orgs_graduated(session: Session, scope: Scope, periods: Sequence[Period]) -> list[int]:
    """Organizations that graduated (出壳) in the period."""
    return _changes(session, scope, periods, to_stage="graduated")


def _activity_sums(session: Session, scope: Scope, periods: Sequence[Period], value) -> list[int]:
    """Organization activities plus project activities, bucketed by their date."""
    totals = bucketed(session, _live(OrgActivity, scope), OrgActivity.on, periods,
                      value=None if value is None else OrgActivity.participants, utc=False)
    more = bucketed(session, _live(Activity, scope), Activity.held_on, periods,
                    value=None if value is None else Activity.participants, utc=False)
    totals = [a + b for a, b in zip(totals, more)]
    return [int(v) for v in totals]


@figure("activities", "开展活动", "场", "flow", page="orgs", trend=True)
def activities(session: Session, scope: Scope, periods: Sequence[Period]) -> list[int]:
    """Activities held by organizations and by funded projects."""
    return _activity_sums(session, scope, periods, None)


@figure("participants", "活动参与", "人次", "flow", page="orgs", trend=True)
def participants(session: Session, scope: Scope, periods: Sequence[Period]) -> list[int]:
    """Participants of those activities (人次: one resident at two activities counts twice)."""
    return _activity_sums(session, scope, periods, "participants")


@figure("subsidies_paid", "组织补贴拨付", "元", "flow", fmt="money", page="orgs", dashboard=False)
def subsidies_paid(session: Session, scope: Scope, periods: Sequence[Period]) -> list[Decimal]:
    """Subsidies paid to organizations in the period, in yuan."""
    base = _live(OrgSubsidy, scope).where(OrgSubsidy.status == "paid")
    fen = bucketed(session, base, OrgSubsidy.paid_on, periods, value=OrgSubsidy.amount_fen, utc=False)
    return [Decimal(int(v)) / 100 for v in fen]


@todo("followups_overdue", "%d 次督导/咨询的跟进已过期", page="orgs", filters=(("follow_up", "overdue"),))
def followups_overdue(session: Session, scope: Scope, today: date) -> int:
    """Mentoring visits whose follow-up date has passed without the follow-up done."""
    stmt = _live(OrgMentoring, scope).where(OrgMentoring.follow_up_on < today,
                                            OrgMentoring.follow_up_done.is_(False))
    return count_of(session, stmt)

