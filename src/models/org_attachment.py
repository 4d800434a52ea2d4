"""Attachments: files stored content-addressed in the data folder, listed per owning record.

The row says which record owns the file and under what name; the bytes live once under
``attachments/<sha[:2]>/<sha256>``, so the same scan attached twice is stored once and a bundle can
carry it by its hash.
"""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin


class Attachment(SyncMixin, Base):
    """A file attached to any synced record (``owner_entity`` is the owner's table name)."""

    __tablename__ = "attachment"

    owner_entity: Mapped[str] = mapped_column(String(64))
    owner_uid: Mapped[str] = mapped_column(String(36), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(String(200), default="")
