"""Sites (district -> street -> community office) and the communities of a street."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin


class Site(SyncMixin, Base):
    """A site of the tree. The local site is the one row with ``is_local`` set."""

    __tablename__ = "site"

    # not unique: a street set up again sends a new site record with its old code (sync supersedes the old)
    code: Mapped[str] = mapped_column(String(12), index=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(12))  # street | district | community
    parent_code: Mapped[str] = mapped_column(String(12), default="")
    parent_name: Mapped[str] = mapped_column(String(100), default="")
    is_local: Mapped[bool] = mapped_column(default=False)


class Community(SyncMixin, Base):
    """A community (社区) of the street: residents, organizations and needs belong to one.
    Merged into another, it is tombstoned once no record of this site names it."""

    __tablename__ = "community"
    __sort_keys__ = {"name_sort": "name"}

    code: Mapped[str] = mapped_column(String(12), default="")  # 12-digit statistical code, optional
    name: Mapped[str] = mapped_column(String(100))
    name_sort: Mapped[str] = mapped_column(String(200), default="")
    site_code: Mapped[str] = mapped_column(String(12), default="", index=True)
    # no longer offered for new records; the records that name it keep it
    retired: Mapped[bool] = mapped_column(default=False)
