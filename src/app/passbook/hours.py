"""Service hours and star levels for the volunteer service record (志愿服务证明).

Hours are their own record, separate from points: redeeming points never reduces them. A person's
hours are the sum over all of their passbooks (a replacement passbook starts with none, the old one
keeps what was earned on it), read from the running totals kept on each passbook.
"""

from __future__ import annotations

from sqlalchemy import func, select

from yichao.app.core.workspace import Workspace
from yichao.models.passbook import Passbook

# cumulative hours for one to five stars (civil-affairs volunteer rules)
STAR_HOURS = (100, 300, 600, 1000, 1500)


def volunteer_hours(ws: Workspace, person_uid: str) -> float:
    """Cumulative service hours of a volunteer, to the minute."""
    with ws.read() as session:
        minutes = session.scalar(
            select(func.coalesce(func.sum(Passbook.minutes), 0)).where(
                Passbook.holder_uid == person_uid, Passbook.deleted.is_(False))
        )
    return round((minutes or 0) / 60, 2)


def star_level(hours: float) -> int:
    """0 to 5 stars: 100 / 300 / 600 / 1,000 / 1,500 cumulative hours."""
    return sum(1 for threshold in STAR_HOURS if hours >= threshold)


def hours_to_next_star(hours: float) -> float | None:
    """How many more hours to the next star; None at five stars."""
    for threshold in STAR_HOURS:
        if hours < threshold:
            return round(threshold - hours, 2)
    return None
