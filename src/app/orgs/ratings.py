"""The district's ratings (星级评估 / 等级评估) of organizations.

A rating is the district's record (single writer, DESIGN.md section 3): it is entered by a district
site, reaches the street in a bundle, and shows read-only on the profile with its expiry. A grade
is valid for five years; from 3A on it comes with a certificate and a plaque.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import Workspace
from yichao.models.org_records import RATING_KINDS, RATING_VALID_YEARS, OrgRating
from yichao.models.organization import Organization


@dataclass(frozen=True)
class RatingView:
    uid: str
    org_uid: str
    rating_kind: str
    level: int
    awarded_on: date
    valid_until: date
    certificate_no: str
    notes: str
    expired: bool

    @property
    def label(self) -> str:
        return rating_label(self.rating_kind, self.level)

    @property
    def plaque(self) -> bool:
        """3A and above receive a certificate and a plaque."""
        return self.rating_kind == "grade" and self.level >= 3


def rating_label(kind: str, level: int) -> str:
    return f"{level}A" if kind == "grade" else "★" * level


def expiry_of(awarded_on: date) -> date:
    """Five years on, the day before the anniversary (29 February falls back to the 28th)."""
    try:
        anniversary = awarded_on.replace(year=awarded_on.year + RATING_VALID_YEARS)
    except ValueError:
        anniversary = awarded_on.replace(year=awarded_on.year + RATING_VALID_YEARS, day=28)
    return anniversary - timedelta(days=1)


def _view(r: OrgRating, today: date) -> RatingView:
    return RatingView(r.uid, r.org_uid, r.rating_kind, r.level, r.awarded_on, r.valid_until,
                      r.certificate_no, r.notes, r.valid_until < today)


def record_rating(ws: Workspace, org_uid: str, level: int, awarded_on: date, *,
                  rating_kind: str = "grade", certificate_no: str = "", notes: str = "") -> RatingView:
    """Enter a rating; only a district site may (the street sees it after the next bundle)."""
    ws.require("staff", "录入评估等级", work="orgs")
    if ws.site.role != "district":
        raise UserError("评估等级由区里评定，街道只能查看。")
    if rating_kind not in RATING_KINDS:
        raise UserError(f"未知的评估类型：{rating_kind}。")
    if not isinstance(level, int) or not 1 <= level <= 5:
        raise UserError("评估等级应为1到5。")
    if awarded_on > date.today():
        raise UserError("评定日期不能晚于今天。")
    with ws.unit() as session:
        org = session.get(Organization, org_uid)
        if org is None or org.deleted:
            raise NotFound("找不到这个组织。")
        r = OrgRating(org_uid=org_uid, rating_kind=rating_kind, level=level, awarded_on=awarded_on,
                      valid_until=expiry_of(awarded_on), certificate_no=certificate_no.strip()[:40],
                      notes=notes.strip())
        session.add(r)
        session.flush()
        return _view(r, date.today())


def ratings_of(ws: Workspace, org_uid: str, today: date | None = None) -> list[RatingView]:
    """Every rating of an organization, newest first, with expired ones flagged."""
    today = today or date.today()
    with ws.read() as session:
        stmt = (select(OrgRating).where(OrgRating.org_uid == org_uid, OrgRating.deleted.is_not(True))
                .order_by(OrgRating.awarded_on.desc()))
        return [_view(r, today) for r in session.scalars(stmt)]


def current_rating(ws: Workspace, org_uid: str, rating_kind: str = "grade",
                   today: date | None = None) -> RatingView | None:
    """The latest rating of a kind (expired or not: the profile shows it flagged)."""
    for r in ratings_of(ws, org_uid, today):
        if r.rating_kind == rating_kind:
            return r
    return None
