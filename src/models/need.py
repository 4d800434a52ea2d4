"""Residents' needs (居民需求清单) and their claims (揭榜).

A need moves draft -> published -> claimed -> in_service -> done -> reviewed, or to cancelled; every
move is a :class:`NeedStep` row (dated, by whom), so a need's history survives sync as plain records.
The rules of which move is allowed live in ``yichao.app.needs.flow``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin, UTCDateTime

CATEGORIES = ("助老", "助残", "儿童", "环境", "邻里互助", "维修", "文体", "其他")
STATUSES = ("draft", "published", "claimed", "in_service", "done", "reviewed", "cancelled")
# statuses in which the due date still matters (overdue is highlighted)
OPEN_STATUSES = ("published", "claimed", "in_service")
URGENCIES = ("normal", "urgent", "critical")
CLAIMANT_KINDS = ("organization", "household", "volunteer")


class Need(SyncMixin, Base):
    """One need of a resident, published for claiming."""

    __tablename__ = "need"
    __sort_keys__ = {"title_sort": "title"}
    __table_args__ = (
        # the needs list and board: each status, the overdue filter, title search and the counts are
        # answered from these indexes alone (bench_people)
        Index("ix_need_live_status", "deleted", "status", "due_date", "uid"),
        Index("ix_need_live_due", "deleted", "due_date", "uid", "status", "title", "claimant_name"),
        Index("ix_need_live_title", "deleted", "title_initials", "uid"),
        Index("ix_need_live_title_sort", "deleted", "title_sort", "uid"),  # the list by title, full pinyin
    )

    title: Mapped[str] = mapped_column(String(200))
    title_initials: Mapped[str] = mapped_column(String(200), default="", index=True)
    # full pinyin, filled by yichao.models.sort_key: the list's order (陈 < 程 < 崔)
    title_sort: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(16), default="其他", index=True)
    community_uid: Mapped[str | None] = mapped_column(ForeignKey("community.uid"), nullable=True, index=True)
    requester_uid: Mapped[str | None] = mapped_column(ForeignKey("person.uid"), nullable=True, index=True)
    urgency: Mapped[str] = mapped_column(String(12), default="normal")
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    reward_points: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    status_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # who claimed: an organization, a household (its head, a person) or a volunteer (a person)
    claimant_kind: Mapped[str] = mapped_column(String(16), default="")
    claimant_uid: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    claimant_name: Mapped[str] = mapped_column(String(200), default="")
    satisfaction: Mapped[int | None] = mapped_column(Integer, nullable=True)
    review_comment: Mapped[str] = mapped_column(Text, default="")


class NeedStep(SyncMixin, Base):
    """One status change of a need: from, to, when, by whom, and a note (claim, review, reason)."""

    __tablename__ = "need_step"

    need_uid: Mapped[str] = mapped_column(ForeignKey("need.uid"), index=True)
    from_status: Mapped[str] = mapped_column(String(12), default="")
    to_status: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by_user: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
