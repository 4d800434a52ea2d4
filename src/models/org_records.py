"""What happens to an organization: editable lists, stage changes, ratings, activities,
mentoring visits and subsidies. Each is its own synced record pointing at the organization."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin

LOOKUP_KINDS = ("category", "domain")
DEFAULT_CATEGORIES = ("生活服务类", "公益慈善类", "文体活动类", "专业调处类", "其他")
DEFAULT_DOMAINS = ("为老", "济困", "助残", "康复", "青少年", "教育", "环保", "文化", "文体",
                   "邻里互助", "矛盾调解", "其他")
RATING_KINDS = ("grade", "stars")  # 等级评估 1A–5A / 星级评估 1–5 stars
RATING_VALID_YEARS = 5
# codes only: the words shown for them live in yichao.app.orgs.labels
MENTORING_KINDS = ("supervision", "consulting", "training")
SUBSIDY_KINDS = ("activity", "operating", "grant_tranche")
SUBSIDY_STATUSES = ("applied", "approved", "paid", "cancelled")


class OrgLookup(SyncMixin, Base):
    """An entry of a list the center edits: categories (类别) and service domains (服务领域)."""

    __tablename__ = "org_lookup"

    list_kind: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)


class OrgStageChange(SyncMixin, Base):
    """One step of the lifecycle, with date, reason and who (also journaled)."""

    __tablename__ = "org_stage_change"

    org_uid: Mapped[str] = mapped_column(ForeignKey("organization.uid"), index=True)
    from_stage: Mapped[str] = mapped_column(String(16), default="")
    to_stage: Mapped[str] = mapped_column(String(16))
    on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(400), default="")
    by_user: Mapped[str] = mapped_column(String(64), default="")


class OrgRating(SyncMixin, Base):
    """The district's rating of an organization (origin: the district); streets only read it."""

    __tablename__ = "org_rating"
    # the latest grade of an organization, per list row: one index seek
    __table_args__ = (Index("ix_org_rating_latest", "org_uid", "rating_kind", "awarded_on"),)

    org_uid: Mapped[str] = mapped_column(ForeignKey("organization.uid"), index=True)
    rating_kind: Mapped[str] = mapped_column(String(8), default="grade")
    level: Mapped[int] = mapped_column(Integer)  # 1..5 (A or stars)
    awarded_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date, index=True)
    certificate_no: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class OrgActivity(SyncMixin, Base):
    """An activity the organization held; photos are attachments owned by this record."""

    __tablename__ = "org_activity"

    org_uid: Mapped[str] = mapped_column(ForeignKey("organization.uid"), index=True)
    on: Mapped[date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200), default="")
    domain_uid: Mapped[str | None] = mapped_column(ForeignKey("org_lookup.uid"), nullable=True)
    participants: Mapped[int] = mapped_column(Integer, default=0)
    beneficiaries: Mapped[int] = mapped_column(Integer, default=0)
    volunteer_hours: Mapped[float] = mapped_column(Float, default=0.0)
    notes: Mapped[str] = mapped_column(Text, default="")


class OrgMentoring(SyncMixin, Base):
    """A mentoring visit (督导 / 咨询 / 培训) with its findings and follow-up date."""

    __tablename__ = "org_mentoring"

    org_uid: Mapped[str] = mapped_column(ForeignKey("organization.uid"), index=True)
    on: Mapped[date] = mapped_column(Date)
    visit_kind: Mapped[str] = mapped_column(String(16), default="supervision")
    mentor: Mapped[str] = mapped_column(String(64), default="")
    findings: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    follow_up_done: Mapped[bool] = mapped_column(default=False)


class OrgSubsidy(SyncMixin, Base):
    """A subsidy or grant tranche; amounts in fen (cents) so sums are exact.

    ``on`` is the day it was registered (with the status it was registered in); approving and
    paying each keep their own day, ``approved_on`` and ``paid_on``.
    """

    __tablename__ = "org_subsidy"

    org_uid: Mapped[str] = mapped_column(ForeignKey("organization.uid"), index=True)
    subsidy_kind: Mapped[str] = mapped_column(String(16), default="activity")
    year: Mapped[int] = mapped_column(Integer, index=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="applied")
    on: Mapped[date | None] = mapped_column(Date, nullable=True)
    approved_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    notes: Mapped[str] = mapped_column(String(400), default="")
