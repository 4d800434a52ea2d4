"""The PCs that use one database, and the site's secrets kept in it (issue 19).

A district runs several PCs on one PostgreSQL database. Each PC is a row here: it was added by
``yichao init`` (the first) or ``yichao join`` (an administrator signed in), and an administrator can
revoke it. The journal names the PC of every change (``journal.pc`` holds :attr:`SitePC.id`).

On a shared database the site's secrets (the certificate key, the sync private keys) are kept here,
sealed under the site's *vault key*; the vault key itself is only ever stored wrapped: once per
authorized PC (under a key in that PC's data folder) and once per administrator (under a key
derived from the administrator's password), so an administrator signing in on a new PC can
authorize it. None of these tables is synced or journaled as records; their changes are journal
events (``pc_join``, ``pc_revoke``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, UTCDateTime, utcnow


class SitePC(Base):
    """A PC that opens this database; ``revoked_at`` set: refused from then on."""

    __tablename__ = "site_pc"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    joined_by: Mapped[str] = mapped_column(String(64), default="")
    last_seen: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_by: Mapped[str] = mapped_column(String(64), default="")
    # the vault key wrapped under this PC's own key (keys/pc.key in its data folder); "" on a
    # database only one PC uses (SQLite) and once the PC is revoked
    wrapped: Mapped[str] = mapped_column(Text, default="")


class SiteSecret(Base):
    """One secret of the site (``certificate``, ...), sealed under the vault key."""

    __tablename__ = "site_secret"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    sealed: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AdminKey(Base):
    """The vault key wrapped under a key derived from an administrator's password (scrypt)."""

    __tablename__ = "admin_key"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    salt: Mapped[str] = mapped_column(String(64))
    wrapped: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
