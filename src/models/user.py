"""Staff accounts of this site (not synced to the district, but journaled)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin, UTCDateTime

USER_ROLES = ("admin", "staff", "viewer")


class User(SyncMixin, Base):
    __tablename__ = "user_account"
    __synced__ = False  # local to the site: never put into a bundle
    __journal_exclude__ = ("password_hash",)

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(12), default="staff")
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_login: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
