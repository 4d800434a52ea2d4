"""Organizations (社会组织): the center's core record. Extended by the organizations issue."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncMixin

ORG_KINDS = ("association", "service_agency", "foundation", "filed_community_org", "unregistered_team")
STAGES = ("nursery", "accelerating", "scaling", "graduated", "exited")


class Organization(SyncMixin, Base):
    __tablename__ = "organization"

    name: Mapped[str] = mapped_column(String(200), index=True)
    short_name: Mapped[str] = mapped_column(String(100), default="")
    name_initials: Mapped[str] = mapped_column(String(100), default="", index=True)
    kind: Mapped[str] = mapped_column(String(24), default="unregistered_team", index=True)
    stage: Mapped[str] = mapped_column(String(16), default="nursery", index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True, nullable=True)
    community_uid: Mapped[str | None] = mapped_column(
        ForeignKey("community.uid"), nullable=True, index=True
    )
    leader: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
