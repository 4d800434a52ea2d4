"""Love passbook accounts (爱心存折): open, find, deposit, redeem, reverse, report lost, replace, close.

Every service here checks the role, validates before writing and owns its transaction; the ledger
itself lives in :mod:`yichao.app.passbook.ledger`. A passbook that is not active (reported lost,
replaced, closed) takes no entries at all: a loss blocks it the moment it is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.db_errors import retry_lost_race
from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.staff import staff_names_in
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.issuing import issuing_code
from yichao.app.passbook.labels import STATUS_LABELS
from yichao.app.passbook.ledger import (
    EntryRow,
    append_entry,
    clean_memo,
    clean_points,
    entry_row,
    hours_to_minutes,
    reverse_in_session,
)
from yichao.app.passbook.stock import move_stock
from yichao.models.passbook import LedgerEntry, Passbook
from yichao.models.person import Person


@dataclass(frozen=True)
class PassbookRow:
    uid: str
    number: str
    holder_uid: str
    holder_name: str
    holder_phone: str
    volunteer_number: str
    site_code: str
    status: str
    balance: int
    minutes: int
    pending_lines: int
    opened_on: date
    next_page: int
    next_line: int
    layout: str
    replaces_uid: str | None
    replaced_by_uid: str | None
    origin: str = ""  # the site that keeps the record (a district lists every street's)

    @property
    def hours(self) -> float:
        return self.minutes / 60

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def overdrawn(self) -> bool:
        """Two counters' offline redemptions merged below zero: flagged, no redemption until the
        street settles it (passbook/overdraw.py)."""
        return self.balance < 0


def passbook_row(book: Passbook, holder: Person | None) -> PassbookRow:
    return PassbookRow(
        book.uid, book.number, book.holder_uid, holder.name if holder else "", holder.phone if holder else "",
        holder.volunteer_number if holder else "", book.site_code, book.status, book.balance, book.minutes,
        pending_lines(book), book.opened_on, book.next_page, book.next_line, book.layout,
        book.replaces_uid, book.replaced_by_uid, book.origin,
    )


def pending_lines(book: Passbook) -> int:
    """Lines waiting to be printed: only an active passbook prints (a replaced, lost or closed one
    never will; its last lines went over to the new book as 承前)."""
    return book.entry_count - book.printed_seq if book.status == "active" else 0


def normalize_number(number: str) -> str:
    return "".join((number or "").split()).upper()


def load_book(session: Session, number: str) -> Passbook:
    """The passbook with this cover number, or one sentence saying there is none."""
    clean = normalize_number(number)
    if not clean:
        raise UserError("请输入存折号码。")
    book = session.scalars(select(Passbook).where(Passbook.number == clean, Passbook.deleted.is_(False))).first()
    if book is None:
        raise NotFound(f"找不到号码为 {clean} 的爱心存折。")
    return book


def require_active(book: Passbook) -> None:
    if book.status != "active":
        raise UserError(f"存折 {book.number} {STATUS_LABELS.get(book.status, book.status)}，不能记账。")


def operator_name(ws: Workspace) -> str:
    return ws.user.username if ws.user else ""


def next_number(session: Session, site_code: str) -> tuple[str, int]:
    """Cover number: the issuing site's code and its next sequence number."""
    seq = (session.scalar(select(func.max(Passbook.seq)).where(Passbook.site_code == site_code)) or 0) + 1
    while session.scalar(select(func.count()).select_from(Passbook).where(Passbook.number == f"{site_code}-{seq:06d}")):
        seq += 1  # a taken-over passbook may already carry this number
    return f"{site_code}-{seq:06d}", seq


def open_in_session(session: Session, holder_uid: str, site_code: str, layout: str = "standard") -> Passbook:
    """A new active passbook for a resident, inside the caller's session."""
    holder = session.get(Person, holder_uid)
    if holder is None or holder.deleted:
        raise NotFound("找不到这位居民。")
    active = session.scalars(select(Passbook).where(
        Passbook.holder_uid == holder_uid, Passbook.status.in_(("active", "lost")), Passbook.deleted.is_(False)
    )).first()
    if active is not None:
        raise UserError(f"{holder.name} 已有存折 {active.number}（{STATUS_LABELS[active.status]}），不能再开一本。")
    number, seq = next_number(session, site_code)
    book = Passbook(number=number, site_code=site_code, seq=seq, holder_uid=holder_uid, status="active",
                    opened_on=date.today(), layout=layout)
    session.add(book)
    session.flush()
    return book


def open_passbook(ws: Workspace, holder_uid: str, site_code: str = "") -> PassbookRow:
    """Issue a passbook at the street branch or one of its community offices (site_code)."""
    ws.require("staff", "开立爱心存折")
    with ws.unit() as session:
        book = open_in_session(session, holder_uid, issuing_code(session, ws.site, site_code))
        return passbook_row(book, session.get(Person, holder_uid))


def get_passbook(ws: Workspace, number: str) -> PassbookRow:
    with ws.read() as session:
        book = load_book(session, number)
        return passbook_row(book, session.get(Person, book.holder_uid))


def passbooks_of(ws: Workspace, holder_uid: str) -> list[PassbookRow]:
    with ws.read() as session:
        holder = session.get(Person, holder_uid)
        stmt = select(Passbook).where(Passbook.holder_uid == holder_uid).order_by(Passbook.opened_on, Passbook.seq)
        return [passbook_row(b, holder) for b in session.scalars(stmt)]


@retry_lost_race
def deposit(ws: Workspace, number: str, points: int, memo: str, hours: float | None = None,
            source_kind: str = "", source_uid: str | None = None) -> EntryRow:
    """存入: points earned (with the service hours where it was service)."""
    ws.require("staff", "存入积分")
    points, memo, minutes = clean_points(points), clean_memo(memo), hours_to_minutes(hours)
    with ws.unit() as session:
        book = load_book(session, number)
        require_active(book)
        entry = append_entry(session, book, kind="deposit", memo=memo, points=points, minutes=minutes,
                             source_kind=source_kind, source_uid=source_uid, operator=operator_name(ws))
        session.flush()
        return entry_row(entry)


@retry_lost_race
def redeem(ws: Workspace, number: str, points: int, memo: str) -> EntryRow:
    """支取: points spent; refused with the balance shown when they are not there."""
    ws.require("staff", "支取积分")
    points, memo = clean_points(points), clean_memo(memo)
    with ws.unit() as session:
        book = load_book(session, number)
        require_active(book)
        entry = append_entry(session, book, kind="redeem", memo=memo, points=-points, operator=operator_name(ws))
        session.flush()
        return entry_row(entry)


@retry_lost_race
def reverse(ws: Workspace, number: str, seq: int, memo: str = "") -> EntryRow:
    """冲正: correct entry ``seq`` by an opposite entry; the original stays as it was."""
    ws.require("staff", "冲正存折记录")
    with ws.unit() as session:
        book = load_book(session, number)
        require_active(book)
        entry = reverse_in_session(session, book, seq, " ".join(memo.split())[:100], operator_name(ws))
        if entry.source_kind == "catalog" and entry.source_uid and entry.quantity:
            move_stock(session, entry.source_uid, -entry.quantity, session.info.get("site", ""))
        session.flush()
        return entry_row(entry)


def entries(ws: Workspace, number: str, offset: int = 0, limit: int = 200, newest_first: bool = True) -> list[EntryRow]:
    with ws.read() as session:
        book = load_book(session, number)
        order = LedgerEntry.seq.desc() if newest_first else LedgerEntry.seq.asc()
        stmt = (
            select(LedgerEntry).where(LedgerEntry.passbook_uid == book.uid).order_by(order).offset(offset).limit(limit)
        )
        staff = staff_names_in(session)
        return [entry_row(e, staff) for e in session.scalars(stmt)]


def entry_count(ws: Workspace, number: str) -> int:
    with ws.read() as session:
        return load_book(session, number).entry_count
