"""What a clerk confirmed for a spreadsheet layout: its column mapping and its value mapping.

Remembered per site (this table is local, like the sync bookkeeping: it is neither synced nor
journaled as a record; remembering is journaled as an event) and per file layout (the kind of import
and the file's normalised headers), so next month's import of the same template asks nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, UTCDateTime, utcnow


class ImportMemory(Base):
    __tablename__ = "import_memory"
    __table_args__ = (UniqueConstraint("kind", "layout_key", name="uq_import_memory_kind_layout"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    layout_key: Mapped[str] = mapped_column(String(64))  # sha256 of the normalised headers
    headers: Mapped[str] = mapped_column(Text, default="")  # the headers as JSON, for a person reading the table
    columns: Mapped[str] = mapped_column(Text, default="{}")  # JSON {column index: field key}
    value_map: Mapped[str] = mapped_column(Text, default="{}")  # JSON {header: {file value: program value}}
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
