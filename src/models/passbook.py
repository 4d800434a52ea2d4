"""The love passbook points bank (爱心存折 · 公益银行): passbooks, their ledger, rules, catalog, print lines.

Points and service hours are two separate quantities: points can be redeemed, hours only grow (they
feed the volunteer service record). Hours are kept as whole minutes so every sum is exact.

The ledger is append-only: a :class:`LedgerEntry` is never changed after it is written; a mistake is
corrected by a reversal entry that names the entry it reverses. The passbook keeps its balance, its
minutes and its entry count, updated in the same transaction as each entry, so a balance is read in
O(1) and ``yichao check`` proves it equals the ledger sum. Which entries reached the paper is kept in
:class:`PrintedLine` rows (one per printed line), so printing never touches the ledger either.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin, UTCDateTime, utcnow

STATUSES = ("active", "lost", "replaced", "closed")
# 存入 / 支取 / 冲正 / 承前 / 过期
ENTRY_KINDS = ("deposit", "redeem", "reversal", "carried_forward", "expiry")
SOURCE_KINDS = ("", "activity", "need", "catalog", "passbook")
RULE_KINDS = ("hourly", "need", "expiry")


class Passbook(SyncMixin, Base):
    """One paper passbook held by a resident; the number is printed on its cover."""

    __tablename__ = "passbook"
    __table_args__ = (UniqueConstraint("site_code", "seq", name="uq_passbook_site_code_seq"),)
    # this site's view of the merged ledger (app/passbook/merge.py): changed without a journal row
    __derived__ = ("balance", "minutes", "entry_count", "printed_seq", "next_page", "next_line")

    number: Mapped[str] = mapped_column(String(32), index=True)  # unique within a site: see lifecycle
    site_code: Mapped[str] = mapped_column(String(16), index=True)  # issuing street or community office
    seq: Mapped[int] = mapped_column(Integer)  # sequence within the issuing site
    holder_uid: Mapped[str] = mapped_column(ForeignKey("person.uid"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="active", index=True)
    status_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status_note: Mapped[str] = mapped_column(Text, default="")
    opened_on: Mapped[date] = mapped_column(Date)
    replaces_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    replaced_by_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    layout: Mapped[str] = mapped_column(String(32), default="standard")
    # running totals, updated in the transaction of every entry
    balance: Mapped[int] = mapped_column(Integer, default=0)
    minutes: Mapped[int] = mapped_column(Integer, default=0)  # service time, never reduced by redemption
    entry_count: Mapped[int] = mapped_column(Integer, default=0)  # the last entry's seq
    # printing: entries 1..printed_seq are on paper; the next free line is (next_page, next_line)
    printed_seq: Mapped[int] = mapped_column(Integer, default=0)
    next_page: Mapped[int] = mapped_column(Integer, default=1)
    next_line: Mapped[int] = mapped_column(Integer, default=1)


class LedgerEntry(SyncMixin, Base):
    """One line of a passbook's ledger: never edited, never deleted."""

    __tablename__ = "passbook_entry"
    __table_args__ = (
        Index("ix_passbook_entry_passbook_seq", "passbook_uid", "seq"),
        Index("ix_passbook_entry_source", "source_uid", "passbook_uid"),
        # a counter numbers its own entries of a book once each: of two clerks posting at the same
        # moment one wins, the other's unit of work is refused and tried again (retry_lost_race)
        Index("uq_passbook_entry_origin_seq", "passbook_uid", "origin", "origin_seq", unique=True,
              sqlite_where=text("origin_seq > 0"), postgresql_where=text("origin_seq > 0")),
    )
    __derived__ = ("seq", "balance_after")  # the entry's place in this site's merged ledger

    passbook_uid: Mapped[str] = mapped_column(ForeignKey("passbook.uid"))
    seq: Mapped[int] = mapped_column(Integer)  # position in the merged ledger here (derived)
    origin_seq: Mapped[int] = mapped_column(Integer, default=0)  # the writer's own order for this passbook
    kind: Mapped[str] = mapped_column(String(16))
    on: Mapped[date] = mapped_column(Date, index=True)
    memo: Mapped[str] = mapped_column(String(100))  # 摘要
    points: Mapped[int] = mapped_column(Integer)  # signed: + in, - out
    balance_after: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[int] = mapped_column(Integer, default=0)  # service time of this entry (signed)
    source_kind: Mapped[str] = mapped_column(String(16), default="")
    source_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    quantity: Mapped[int] = mapped_column(Integer, default=0)  # catalog items redeemed
    reverses_uid: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    operator: Mapped[str] = mapped_column(String(64), default="")


class PrintedLine(SyncMixin, Base):
    """A line that came out right on the paper: an entry, or a 承前页 line opening a new page."""

    __tablename__ = "passbook_printed_line"
    __table_args__ = (
        # a line printed at a counter is a fact, even where another counter printed on it offline
        UniqueConstraint("passbook_uid", "origin", "page", "line", name="uq_passbook_printed_line_origin_position"),
    )

    passbook_uid: Mapped[str] = mapped_column(ForeignKey("passbook.uid"), index=True)
    page: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    entry_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)  # None: 承前页 line
    carried_balance: Mapped[int] = mapped_column(Integer, default=0)
    printed_on: Mapped[date] = mapped_column(Date)


class PointsRule(SyncMixin, Base):
    """Points per service hour for an activity type, fixed points for a need, or the expiry period.

    Rules with the district's origin arrive by bundle and are read-only at the street.
    """

    __tablename__ = "passbook_rule"

    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(12), index=True)  # hourly | need | expiry
    activity_type: Mapped[str] = mapped_column(String(50), default="")
    points: Mapped[int] = mapped_column(Integer, default=0)  # per hour (hourly) or per need
    years: Mapped[int] = mapped_column(Integer, default=0)  # expiry: points expire after this many years
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")


class CatalogItem(SyncMixin, Base):
    """Something points can be redeemed for. District items are read-only at the street."""

    __tablename__ = "passbook_item"

    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(32), default="")
    points: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(8), default="件")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CatalogStock(SyncMixin, Base):
    """A site's stock of one catalog item: its own record, so a district item stays read-only."""

    __tablename__ = "passbook_stock"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
        UniqueConstraint("item_uid", "site_code", name="uq_passbook_stock_item_site"),
    )

    item_uid: Mapped[str] = mapped_column(ForeignKey("passbook_item.uid"), index=True)
    site_code: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(Integer, default=0)


class ServiceActivity(SyncMixin, Base):
    """A volunteer activity whose participants are credited in one step (bulk credit), once."""

    __tablename__ = "passbook_activity"

    title: Mapped[str] = mapped_column(String(200))
    activity_type: Mapped[str] = mapped_column(String(50), default="")
    held_on: Mapped[date] = mapped_column(Date, index=True)
    minutes: Mapped[int] = mapped_column(Integer, default=0)  # per participant
    points: Mapped[int] = mapped_column(Integer, default=0)  # per participant
    posted_count: Mapped[int] = mapped_column(Integer, default=0)
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class OfficeLimit(SyncMixin, Base):
    """The street's limit on what one of its community offices may redeem from a passbook before the
    street has seen it (issue 17 point 3): the street's record, relayed down to the office."""

    __tablename__ = "passbook_office_limit"

    office_code: Mapped[str] = mapped_column(String(16), index=True)
    points: Mapped[int] = mapped_column(Integer, default=0)


class PassbookOverdraw(Base):
    """A negative balance that appeared when two counters' ledgers merged, listed at the street
    once until it is settled with a reversal. Local to the site that lists it (not synced); finding
    and settling reach the journal as events."""

    __tablename__ = "passbook_overdraw"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    passbook_uid: Mapped[str] = mapped_column(String(36), index=True)
    number: Mapped[str] = mapped_column(String(32))
    balance: Mapped[int] = mapped_column(Integer)  # when found
    status: Mapped[str] = mapped_column(String(8), default="open", index=True)  # open | settled
    found_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    settled_by: Mapped[str] = mapped_column(String(64), default="")
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reversal_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
