"""Bulk credit (批量记分): one activity credits all its volunteers in one step, each exactly once.

The activity becomes a record; its entries name it as their source. Posting the same activity again
(the same record, or the same title on the same day) is refused instead of crediting twice, and a
volunteer listed twice is credited once. All-or-nothing: one bad passbook number refuses the lot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from yichao.app.core.errors import UserError
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.accounts import normalize_number, operator_name
from yichao.app.passbook.labels import STATUS_LABELS
from yichao.app.passbook.ledger import Posting, append_many, clean_memo, clean_points, hours_to_minutes
from yichao.app.passbook.rules import points_for_service
from yichao.models.base import utcnow
from yichao.models.passbook import Passbook, ServiceActivity


@dataclass(frozen=True)
class ActivityInput:
    title: str
    activity_type: str
    held_on: date
    hours: float
    points: int | None = None  # None: by the points rule of the activity type


@dataclass(frozen=True)
class CreditResult:
    activity_uid: str
    credited: int
    points_each: int
    hours_each: float
    duplicates_ignored: int


def credit_activity(ws: Workspace, data: ActivityInput, numbers: list[str]) -> CreditResult:
    """Credit every listed passbook for one activity, in one transaction."""
    ws.require("staff", "活动批量记分")
    title = clean_memo(data.title)
    minutes = hours_to_minutes(data.hours)
    if minutes <= 0:
        raise UserError("活动服务时长必须大于 0。")
    if data.points is None:
        points = points_for_service(ws, data.activity_type, data.hours)
    else:
        points = data.points
    points = clean_points(points)
    wanted = [normalize_number(n) for n in numbers if normalize_number(n)]
    distinct = list(dict.fromkeys(wanted))
    if not distinct:
        raise UserError("请至少列出一本参加活动的存折。")
    with ws.unit() as session:
        same = session.scalars(select(ServiceActivity).where(
            ServiceActivity.title == title, ServiceActivity.held_on == data.held_on,
            ServiceActivity.posted_at.is_not(None), ServiceActivity.deleted.is_(False))).first()
        if same is not None:
            raise UserError(
                f"{data.held_on:%Y-%m-%d} 的活动“{title}”已经记过积分（{same.posted_count} 人），不能重复记分。"
            )
        books = {b.number: b for b in session.scalars(select(Passbook).where(Passbook.number.in_(distinct)))}
        missing = [n for n in distinct if n not in books]
        if missing:
            raise UserError(
                f"找不到这些存折：{'、'.join(missing[:10])}{' 等' if len(missing) > 10 else ''}，没有记任何分。"
            )
        blocked = [b for b in books.values() if b.status != "active"]
        if blocked:
            b = blocked[0]
            raise UserError(f"存折 {b.number} {STATUS_LABELS[b.status]}，这次活动没有记任何分。")
        activity = ServiceActivity(title=title, activity_type=data.activity_type.strip(), held_on=data.held_on,
                                   minutes=minutes, points=points)
        session.add(activity)
        session.flush()
        memo = f"{title}"[:100]
        postings = [Posting(books[n].uid, "deposit", memo, points, minutes, data.held_on, "activity", activity.uid)
                    for n in distinct]
        append_many(session, postings, operator_name(ws))
        activity.posted_count = len(postings)
        activity.posted_at = utcnow()
        session.flush()
        return CreditResult(activity.uid, len(postings), points, minutes / 60, len(wanted) - len(distinct))
