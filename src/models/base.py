"""Declarative base and the sync mixin shared by every synced record (DESIGN.md section 3)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String, Table, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timezone-aware now in UTC; every stored time is UTC."""
    return datetime.now(UTC)


def new_uid() -> str:
    """A new record identity: a random UUID as 36 characters."""
    return str(uuid.uuid4())


def new_uids(count: int) -> Iterator[str]:
    """``count`` identities like :func:`new_uid` (random version-4 UUID text) from one read of the
    system's random source, for bulk paths: ``uuid.uuid4()`` costs two microseconds a row."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes(b & 0x0F | 0x40 for b in raw[6::16])  # version 4
    raw[8::16] = bytes(b & 0x3F | 0x80 for b in raw[8::16])  # RFC 4122 variant
    text = raw.hex()
    for i in range(0, 32 * count, 32):
        yield f"{text[i:i + 8]}-{text[i + 8:i + 12]}-{text[i + 12:i + 16]}-{text[i + 16:i + 20]}-{text[i + 20:i + 32]}"


class UTCDateTime(TypeDecorator[datetime]):
    """A DateTime that is always stored and returned as timezone-aware UTC.

    SQLite forgets the zone; this puts it back so comparisons never mix naive and aware times.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base of every Yichao table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(model: type[Base]) -> Table:
    """The Table a mapped class is declared on, for Core statements (bulk inserts, updates).

    SQLAlchemy types ``__table__`` as any FromClause; a declarative class of this project always maps
    exactly one Table.
    """
    table = model.__table__
    assert isinstance(table, Table), model
    return table


class SyncMixin:
    """Columns every synced record carries.

    ``origin`` is the one site allowed to write the record (single writer); ``rev`` grows by one per
    change; ``deleted`` is a tombstone, because nothing synced is ever hard-deleted. The journal hook
    in :mod:`yichao.models.journal` maintains rev/updated_at/origin, so services never set them.
    """

    __journaled__ = True

    uid: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uid)
    origin: Mapped[str] = mapped_column(String(12), index=True)
    rev: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
