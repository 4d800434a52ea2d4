"""A passbook's life: report a loss (blocks at once), lift it, replace with 承前, close, take over.

A replacement passbook carries the balance over with a 承前 line, and the old one gives it up with a
matching 承前 entry of the opposite sign, so no point exists twice and every ledger still sums to its
balance. Service hours stay on the ledger where they were earned: a person's hours are the sum over
all of their passbooks.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.accounts import (
    PassbookRow,
    load_book,
    normalize_number,
    open_in_session,
    operator_name,
    passbook_row,
)
from yichao.app.passbook.issuing import issuing_code, issuing_problem
from yichao.app.passbook.labels import STATUS_LABELS
from yichao.app.passbook.layout import load_layout
from yichao.app.passbook.ledger import append_entry, clean_points, hours_to_minutes
from yichao.models.base import utcnow
from yichao.models.passbook import Passbook
from yichao.models.person import Person


def _set_status(book: Passbook, status: str, note: str) -> None:
    book.status = status
    book.status_at = utcnow()
    book.status_note = " ".join(note.split())[:200]


def report_lost(ws: Workspace, number: str, note: str = "") -> PassbookRow:
    """挂失: from this moment the passbook takes no entry until the loss is lifted or it is replaced."""
    ws.require("staff", "挂失爱心存折")
    with ws.unit() as session:
        book = load_book(session, number)
        if book.status != "active":
            raise UserError(f"存折 {book.number} {STATUS_LABELS[book.status]}，不能挂失。")
        _set_status(book, "lost", note or "挂失")
        session.flush()
        return passbook_row(book, session.get(Person, book.holder_uid))


def lift_loss(ws: Workspace, number: str) -> PassbookRow:
    """解挂: the passbook was found again."""
    ws.require("staff", "解除挂失")
    with ws.unit() as session:
        book = load_book(session, number)
        if book.status != "lost":
            raise UserError(f"存折 {book.number} 没有挂失，不需要解挂。")
        _set_status(book, "active", "解除挂失")
        session.flush()
        return passbook_row(book, session.get(Person, book.holder_uid))


def replace(ws: Workspace, number: str, note: str = "") -> PassbookRow:
    """补发/换折: a new passbook for the same holder; the balance moves over with a 承前 line."""
    ws.require("staff", "补发爱心存折")
    with ws.unit() as session:
        old = load_book(session, number)
        if old.status not in ("active", "lost"):
            raise UserError(f"存折 {old.number} {STATUS_LABELS[old.status]}，不能再换折。")
        operator = operator_name(ws)
        balance = old.balance
        _set_status(old, "replaced", note or "换折")
        session.flush()
        # an office replaces a book the street issued with one of its own numbers (passbook.issuing)
        code = ws.site.code if issuing_problem(session, ws.site, old.site_code) else old.site_code
        new = open_in_session(session, old.holder_uid, code, old.layout)
        old.replaced_by_uid = new.uid
        new.replaces_uid = old.uid
        if balance:
            append_entry(session, old, kind="carried_forward", memo=f"转入新折{new.number}", points=-balance,
                         source_kind="passbook", source_uid=new.uid, operator=operator)
        append_entry(session, new, kind="carried_forward", memo=f"承前 原折{old.number}", points=balance,
                     source_kind="passbook", source_uid=old.uid, operator=operator)
        session.flush()
        return passbook_row(new, session.get(Person, new.holder_uid))


def close(ws: Workspace, number: str, note: str = "") -> PassbookRow:
    """销户: only an empty passbook is closed, so no points are silently lost."""
    ws.require("staff", "销户爱心存折")
    with ws.unit() as session:
        book = load_book(session, number)
        if book.status != "active":
            raise UserError(f"存折 {book.number} {STATUS_LABELS[book.status]}，不能销户。")
        if book.balance:
            raise UserError(f"存折 {book.number} 还有 {book.balance} 分，请先兑换完再销户。")
        _set_status(book, "closed", note or "销户")
        session.flush()
        return passbook_row(book, session.get(Person, book.holder_uid))


# the most points and hours a paper passbook may bring along when it is taken over: years of service
MAX_TAKEOVER_POINTS = 10_000_000
MAX_TAKEOVER_MINUTES = 100_000 * 60


def check_takeover_position(page: int, line: int, lines_per_page: int) -> tuple[int, int]:
    """The next free (page, line) of a taken-over book, refused when it does not fit the layout.

    A line one past the last line of a page means that page is full: printing goes on at line 1
    of the next page.
    """
    if page < 1 or line < 1:
        raise UserError("续打的页号和行号必须从 1 开始。")
    if line > lines_per_page + 1:
        raise UserError(f"续打行号不能超过每页 {lines_per_page} 行。")
    if line == lines_per_page + 1:
        return page + 1, 1
    return page, line


def take_over_in_session(session: Session, *, number: str, holder_uid: str, balance: int, minutes: int,
                         page: int, line: int, opened_on: date | None, site_code: str, operator: str,
                         memo: str = "承前 接管原存折") -> Passbook:
    """Register a paper passbook already in use, inside the caller's session (one book of a bulk
    take-over, or the single 接管 at the counter): its number kept, one 承前 entry for the balance
    and hours, counted as printed, and printing continuing at ``page``/``line``."""
    clean = normalize_number(number)
    if not clean:
        raise UserError("请输入存折封面上的号码。")
    if not 0 <= balance <= MAX_TAKEOVER_POINTS:
        raise UserError("承前余额不能为负数。" if balance < 0 else f"承前余额最多 {MAX_TAKEOVER_POINTS} 分。")
    if not 0 <= minutes <= MAX_TAKEOVER_MINUTES:
        raise UserError("服务时长不能为负数。" if minutes < 0 else "服务时长最多 100000 小时。")
    if session.scalar(select(func.count()).select_from(Passbook).where(Passbook.number == clean)):
        raise UserError(f"存折号码 {clean} 已经登记过了。")
    book = open_in_session(session, holder_uid, site_code)
    book.number = clean
    book.opened_on = opened_on or date.today()
    append_entry(session, book, kind="carried_forward", memo=memo, points=balance, minutes=minutes,
                 operator=operator)
    book.printed_seq = book.entry_count
    book.next_page, book.next_line = page, line
    session.flush()
    return book


def take_over(ws: Workspace, number: str, holder_uid: str, balance: int, hours: float, page: int, line: int,
              lines_per_page: int | None = None, opened_on: date | None = None, site_code: str = "") -> PassbookRow:
    """接管: a passbook already in a resident's hands keeps its number, balance, hours and next line.

    The opening 承前 entry counts as already printed (it is the last line on the paper), so printing
    continues at ``page``/``line``.
    """
    ws.require("staff", "接管已有爱心存折")
    if balance != 0:
        clean_points(balance, "承前余额")
    minutes = hours_to_minutes(hours)
    per_page = lines_per_page if lines_per_page is not None else load_layout("standard").lines_per_page
    page, line = check_takeover_position(page, line, per_page)
    with ws.unit() as session:
        book = take_over_in_session(session, number=number, holder_uid=holder_uid, balance=balance,
                                    minutes=minutes, page=page, line=line, opened_on=opened_on,
                                    site_code=issuing_code(session, ws.site, site_code), operator=operator_name(ws))
        return passbook_row(book, session.get(Person, holder_uid))

