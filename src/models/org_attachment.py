"""Attachments: files stored content-addressed in the data folder, listed per owning record.

The row says which record owns the file and under what name; the bytes live once under
``attachments/<sha[:2]>/<sha256>``, so the same scan attached twice is stored once and a bundle can
carry it by its hash. On a database several PCs share (a district's PostgreSQL) the bytes are kept
in the database as well (:class:`AttachmentBlob`), so every PC of the district has them; a PC's
folder then only caches them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin, UTCDateTime, utcnow


class Attachment(SyncMixin, Base):
    """A file attached to any synced record (``owner_entity`` is the owner's table name)."""

    __tablename__ = "attachment"

    owner_entity: Mapped[str] = mapped_column(String(64))
    owner_uid: Mapped[str] = mapped_column(String(36), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(String(200), default="")


class AttachmentBlob(Base):
    """The bytes of one attachment on a shared database, by content (not synced: bundles carry the
    bytes of the attachments they name, and a row is never changed once written)."""

    __tablename__ = "attachment_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
