"""Overdraws that appear when two counters' ledgers merge (issue 17 point 3): listed, never hidden.

Two counters offline may both redeem the same points. Neither did wrong with what it could see, so
the merged balance is shown as it is (negative), never corrected silently. The street lists each
such passbook once (:class:`PassbookOverdraw`, however many bundles bring it again) and settles it
with a reversal (冲正) of one redemption; the reversal is an entry of the street's, so it reaches
every counter with the next bundles. A passbook is flagged while its balance is negative and takes
no redemption until then (ledger.refuse_overdraft). Finding and settling are journaled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.levels import level_rank
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.accounts import operator_name
from yichao.app.passbook.labels import OVERDRAW_STATUS_LABELS
from yichao.app.passbook.ledger import reverse_in_session
from yichao.app.passbook.limits import STREET_RANK
from yichao.models.base import utcnow
from yichao.models.journal import record_event
from yichao.models.passbook import LedgerEntry, Passbook, PassbookOverdraw
from yichao.models.person import Person


@dataclass(frozen=True)
class OverdrawRow:
    id: int
    passbook_uid: str
    number: str
    holder_name: str
    balance_found: int
    balance_now: int
    status: str
    found_at: datetime
    settled_by: str
    settled_at: datetime | None
    note: str

    @property
    def status_label(self) -> str:
        return OVERDRAW_STATUS_LABELS.get(self.status, self.status)


def note_overdraws(session: Session, negative: Iterable[str]) -> int:
    """At a street, list each passbook of ``negative`` (merged balance below zero) that is not listed
    yet; returns how many were newly listed. Elsewhere the passbook is only flagged."""
    if level_rank(session.info.get("site", "")) != STREET_RANK:
        return 0
    wanted = sorted(set(negative))
    if not wanted:
        return 0
    listed = set(session.scalars(select(PassbookOverdraw.passbook_uid).where(
        PassbookOverdraw.passbook_uid.in_(wanted), PassbookOverdraw.status == "open")))
    added = 0
    for book in session.scalars(select(Passbook).where(Passbook.uid.in_(wanted))):
        if book.uid in listed:
            continue
        session.add(PassbookOverdraw(passbook_uid=book.uid, number=book.number, balance=book.balance,
                                     status="open", note=""))
        record_event(session, "overdraw_found", "passbook", book.uid,
                     {"number": book.number, "balance": book.balance})
        added += 1
    session.flush()
    return added


def _row(session: Session, case: PassbookOverdraw) -> OverdrawRow:
    book = session.get(Passbook, case.passbook_uid)
    holder = session.get(Person, book.holder_uid) if book is not None else None
    return OverdrawRow(case.id, case.passbook_uid, case.number, holder.name if holder else "", case.balance,
                       book.balance if book is not None else 0, case.status, case.found_at, case.settled_by,
                       case.settled_at, case.note)


def list_overdraws(ws: Workspace, status: str | None = None) -> list[OverdrawRow]:
    """The listed overdraws (all, or open / settled), newest first."""
    ws.require("viewer", "查看存折透支")
    with ws.read() as session:
        stmt = select(PassbookOverdraw).order_by(PassbookOverdraw.id.desc())
        if status:
            stmt = stmt.where(PassbookOverdraw.status == status)
        return [_row(session, c) for c in session.scalars(stmt)]


def settle_overdraw(ws: Workspace, case_id: int, seq: int, memo: str = "") -> OverdrawRow:
    """冲正结清: reverse redemption ``seq`` of the overdrawn passbook; the case is settled when the
    balance is no longer negative (else it stays open for a further reversal). Journaled."""
    ws.require("staff", "冲正结清存折透支")
    if level_rank(ws.site.code) != STREET_RANK:
        raise UserError("合并后出现的透支由街道冲正结清。")
    note = " ".join((memo or "").split())[:100]
    with ws.unit() as session:
        case = session.get(PassbookOverdraw, case_id)
        if case is None:
            raise NotFound(f"没有编号为 {case_id} 的透支记录。")
        if case.status != "open":
            raise UserError(f"存折 {case.number} 的这次透支已经冲正结清了。")
        book = session.get(Passbook, case.passbook_uid)
        if book is None:
            raise NotFound(f"找不到存折 {case.number}。")
        original = session.scalars(select(LedgerEntry).where(
            LedgerEntry.passbook_uid == book.uid, LedgerEntry.seq == seq, LedgerEntry.deleted.is_(False))).first()
        if original is None or original.kind != "redeem":
            raise UserError(f"存折 {book.number} 第 {seq} 笔不是支取，透支只能冲正一笔重复的支取。")
        entry = reverse_in_session(session, book, seq, note or f"冲正重复支取（第{seq}笔）", operator_name(ws))
        session.flush()
        session.refresh(book)
        detail: dict[str, object] = {"number": book.number, "reversed_seq": seq, "points": entry.points,
                                     "balance": book.balance}
        if book.balance >= 0:
            case.status, case.settled_at = "settled", utcnow()
            case.settled_by, case.reversal_uid, case.note = ws.user.username if ws.user else "", entry.uid, note
        record_event(session, "overdraw_settled" if case.status == "settled" else "overdraw_reversed",
                     "passbook", book.uid, detail)
        session.flush()
        return _row(session, case)
