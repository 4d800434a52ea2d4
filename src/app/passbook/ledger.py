"""The append-only ledger: the one place where an entry is written and a balance moves.

Every entry goes through :func:`append_entry` (one entry) or :func:`append_many` (bulk credit,
demo, benchmark), inside the caller's session, so the entry and the passbook's running totals are
committed together or not at all. Nothing here edits or deletes an entry: a mistake is corrected by
:func:`reverse_in_session`, which appends an entry naming the one it reverses.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.staff import staff_label
from yichao.app.passbook.labels import ENTRY_KIND_LABELS
from yichao.app.passbook.limits import refuse_beyond_office_limit
from yichao.app.passbook.merge import last_origin_seqs, rederive_shared
from yichao.models.base import new_uid
from yichao.models.journal import bulk_insert
from yichao.models.passbook import LedgerEntry, Passbook

MAX_POINTS = 100_000  # one entry; a bigger figure is a typing mistake
MAX_MINUTES = 1000 * 60


@dataclass(frozen=True)
class EntryRow:
    """A ledger line as lists, statements and the printer see it."""

    uid: str
    passbook_uid: str
    seq: int
    kind: str
    on: date
    memo: str
    points: int
    balance_after: int
    minutes: int
    source_kind: str
    source_uid: str | None
    reverses_uid: str | None
    operator: str

    @property
    def kind_label(self) -> str:
        return ENTRY_KIND_LABELS.get(self.kind, self.kind)

    @property
    def hours(self) -> float:
        return self.minutes / 60


def entry_row(e: LedgerEntry, staff: dict[str, str] | None = None) -> EntryRow:
    """The entry as shown; with ``staff`` the operator by display name (the CLI as 命令行)."""
    operator = staff_label(staff, e.operator) if staff is not None else e.operator
    return EntryRow(e.uid, e.passbook_uid, e.seq, e.kind, e.on, e.memo, e.points, e.balance_after,
                    e.minutes, e.source_kind, e.source_uid, e.reverses_uid, operator)


def clean_memo(memo: str) -> str:
    text = " ".join((memo or "").split())
    if not text:
        raise UserError("摘要不能为空。")
    if len(text) > 100:
        raise UserError("摘要最多 100 个字。")
    return text


def clean_points(points: Any, what: str = "积分") -> int:
    if isinstance(points, bool) or not isinstance(points, int):
        raise UserError(f"{what}必须是整数。")
    if points <= 0:
        raise UserError(f"{what}必须大于 0。")
    if points > MAX_POINTS:
        raise UserError(f"{what}一次最多 {MAX_POINTS} 分。")
    return points


def hours_to_minutes(hours: float | None) -> int:
    """Service hours as whole minutes (0.5 h -> 30); refuses negative or absurd figures."""
    if hours is None:
        return 0
    try:
        value = float(hours)
    except (TypeError, ValueError):
        raise UserError("服务时长必须是数字（小时）。") from None
    if not math.isfinite(value):
        raise UserError("服务时长必须是有限的数字（小时）。")
    if value < 0:
        raise UserError("服务时长不能为负数。")
    minutes = round(value * 60)
    if minutes > MAX_MINUTES:
        raise UserError("服务时长一次最多 1000 小时。")
    return minutes


def refuse_overdraft(book: Passbook, points: int) -> None:
    """Refuse taking out more than the balance. Points coming in are always taken: on a book two
    counters overdrew (merge.py) a deposit lowers the debt even when the balance stays below zero."""
    if points >= 0:
        return
    if book.balance < 0:  # two counters spent the same points offline (merge.py)
        raise UserError(f"存折 {book.number} 合并后透支 {-book.balance} 分，须由街道冲正结清后才能支取。")
    if book.balance + points < 0:
        raise UserError(f"存折 {book.number} 余额只有 {book.balance} 分，不够支取 {-points} 分。")


def append_entry(
    session: Session, book: Passbook, *, kind: str, memo: str, points: int, operator: str,
    minutes: int = 0, on: date | None = None, source_kind: str = "", source_uid: str | None = None,
    quantity: int = 0, reverses_uid: str | None = None,
) -> LedgerEntry:
    """Append one entry and move the passbook's totals in the same session; never below zero.

    At a community office a redemption also stays within the street's limit (limits.py); a ledger
    another counter shares is put back into the merged order afterwards (merge.py)."""
    refuse_overdraft(book, points)
    if kind == "redeem":
        refuse_beyond_office_limit(session, book, -points)
    session.flush()
    site = session.info.get("site", "")
    entry = LedgerEntry(
        uid=new_uid(), passbook_uid=book.uid, seq=book.entry_count + 1,
        origin_seq=last_origin_seqs(session, [book.uid], site).get(book.uid, 0) + 1, kind=kind, on=on or date.today(),
        memo=memo, points=points, balance_after=book.balance + points, minutes=minutes,
        source_kind=source_kind, source_uid=source_uid, quantity=quantity, reverses_uid=reverses_uid,
        operator=operator,
    )
    book.balance += points
    book.minutes += minutes
    book.entry_count += 1
    session.add(entry)
    rederive_shared(session, [book.uid])
    return entry


@dataclass(frozen=True)
class Posting:
    """One line of a bulk posting (bulk credit, demo, benchmark)."""

    passbook_uid: str
    kind: str
    memo: str
    points: int
    minutes: int = 0
    on: date | None = None
    source_kind: str = ""
    source_uid: str | None = None


def append_many(session: Session, postings: Iterable[Posting], operator: str, chunk: int = 20_000) -> int:
    """Post many entries in one transaction: entries by bulk insert, one update per passbook.

    All-or-nothing: a first pass refuses an overdraft or a blocked passbook anywhere before anything
    is written; the second pass writes the entries a chunk at a time (memory stays flat).
    """
    postings = list(postings)
    uids = sorted({p.passbook_uid for p in postings})
    books: dict[str, Passbook] = {}
    for start in range(0, len(uids), 500):
        for found in session.scalars(select(Passbook).where(Passbook.uid.in_(uids[start:start + 500]))):
            books[found.uid] = found
    balances = {uid: b.balance for uid, b in books.items()}
    for p in postings:
        book = books.get(p.passbook_uid)
        if book is None:
            raise NotFound("找不到要记账的存折。")
        if book.status != "active":
            raise UserError(f"存折 {book.number} 不是正常状态，不能记账。")
        if balances[p.passbook_uid] + p.points < 0:
            raise UserError(f"存折 {book.number} 余额只有 {balances[p.passbook_uid]} 分，不够支取 {-p.points} 分。")
        balances[p.passbook_uid] += p.points
    state = {uid: [b.balance, b.minutes, b.entry_count] for uid, b in books.items()}
    own = last_origin_seqs(session, uids, session.info.get("site", ""))
    today = date.today()
    for start in range(0, len(postings), chunk):
        rows: list[dict[str, Any]] = []
        for p in postings[start:start + chunk]:
            totals = state[p.passbook_uid]
            totals[0] += p.points
            totals[1] += p.minutes
            totals[2] += 1
            own[p.passbook_uid] = own.get(p.passbook_uid, 0) + 1
            rows.append({"uid": new_uid(), "passbook_uid": p.passbook_uid, "seq": totals[2],
                         "origin_seq": own[p.passbook_uid], "kind": p.kind,
                         "on": p.on or today, "memo": p.memo, "points": p.points, "balance_after": totals[0],
                         "minutes": p.minutes, "source_kind": p.source_kind, "source_uid": p.source_uid,
                         "quantity": 0, "reverses_uid": None, "operator": operator})
        bulk_insert(session, LedgerEntry, rows)
    for uid, (balance, minutes, count) in state.items():
        book = books[uid]
        book.balance, book.minutes, book.entry_count = balance, minutes, count
    rederive_shared(session, uids)
    return len(postings)


def reverse_in_session(session: Session, book: Passbook, seq: int, memo: str, operator: str) -> LedgerEntry:
    """Append the reversal (冲正) of entry ``seq``: opposite points and hours, naming the original."""
    original = session.scalars(
        select(LedgerEntry).where(LedgerEntry.passbook_uid == book.uid, LedgerEntry.seq == seq)
    ).first()
    if original is None:
        raise NotFound(f"存折 {book.number} 没有第 {seq} 笔记录。")
    if original.kind not in ("deposit", "redeem"):
        raise UserError(f"第 {seq} 笔是{ENTRY_KIND_LABELS.get(original.kind, original.kind)}记录，不能冲正。")
    done = session.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.reverses_uid == original.uid))
    if done:
        raise UserError(f"第 {seq} 笔已经冲正过了，不能重复冲正。")
    if book.balance - original.points < 0:
        raise UserError(
            f"存折 {book.number} 余额只有 {book.balance} 分，冲正第 {seq} 笔需要扣回 {original.points} 分，余额不够。"
        )
    return append_entry(
        session, book, kind="reversal", memo=memo or f"冲正第{seq}笔", points=-original.points,
        minutes=-original.minutes, source_kind=original.source_kind, source_uid=original.source_uid,
        quantity=-original.quantity, reverses_uid=original.uid, operator=operator,
    )


def ledger_problems(session: Session) -> list[str]:
    """Every passbook whose stored totals differ from its ledger, or whose ledger chain is broken."""
    sums = select(
        LedgerEntry.passbook_uid, func.coalesce(func.sum(LedgerEntry.points), 0),
        func.coalesce(func.sum(LedgerEntry.minutes), 0), func.count(), func.min(LedgerEntry.balance_after),
        func.count(func.distinct(LedgerEntry.origin)),
    ).group_by(LedgerEntry.passbook_uid).subquery()
    stmt = select(Passbook.number, Passbook.balance, Passbook.minutes, Passbook.entry_count,
                  sums.c[1], sums.c[2], sums.c[3], sums.c[4], sums.c[5]).outerjoin(
                      sums, sums.c.passbook_uid == Passbook.uid)
    problems = []
    for number, balance, minutes, count, points_sum, minutes_sum, n, lowest, writers in session.execute(stmt):
        points_sum, minutes_sum, n = points_sum or 0, minutes_sum or 0, n or 0
        if balance != points_sum:
            problems.append(f"存折 {number} 的余额 {balance} 分与账页合计 {points_sum} 分不符。")
        if minutes != minutes_sum:
            problems.append(f"存折 {number} 的服务时长 {minutes} 分钟与账页合计 {minutes_sum} 分钟不符。")
        if count != n:
            problems.append(f"存折 {number} 记录的笔数 {count} 与账页 {n} 笔不符。")
        # two counters' offline redemptions may merge below zero: flagged and listed (overdraw.py)
        if (writers or 0) < 2 and (balance < 0 or (lowest is not None and lowest < 0)):
            problems.append(f"存折 {number} 出现了负余额。")
    return problems
