"""The hand-off from the needs module: a served need's reward points go into the volunteer's passbook.

Runs inside the caller's session, so the need's status change and the deposit commit together. A
volunteer who has no passbook yet gets one opened at this street (the reward is not lost, and the
counter hands out the paper passbook at the next visit); a passbook reported lost blocks the deposit
until it is replaced, because a loss blocks every entry. The same need is never credited twice to
the same volunteer.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.passbook.accounts import open_in_session
from yichao.app.passbook.ledger import append_entry, clean_points
from yichao.models.passbook import LedgerEntry, Passbook
from yichao.models.person import Person


def deposit_need_reward(session: Session, *, person_uid: str, points: int, need_uid: str, title: str) -> None:
    """存入 ``points`` for serving need ``need_uid`` into the volunteer's active passbook."""
    points = clean_points(points, "奖励积分")
    person = session.get(Person, person_uid)
    if person is None or person.deleted:
        raise NotFound("找不到要记入积分的志愿者。")
    books = list(session.scalars(select(Passbook).where(
        Passbook.holder_uid == person_uid, Passbook.status.in_(("active", "lost")), Passbook.deleted.is_(False))))
    lost = next((b for b in books if b.status == "lost"), None)
    if lost is not None:
        raise UserError(f"{person.name} 的爱心存折 {lost.number} 已挂失，请先补发新存折再记入需求奖励积分。")
    book = books[0] if books else open_in_session(session, person_uid, session.info.get("site", ""))
    credited = session.scalar(select(func.count()).select_from(LedgerEntry).where(
        LedgerEntry.source_uid == need_uid, LedgerEntry.passbook_uid == book.uid,
        LedgerEntry.kind == "deposit"))
    reversed_ = session.scalar(select(func.count()).select_from(LedgerEntry).where(
        LedgerEntry.source_uid == need_uid, LedgerEntry.passbook_uid == book.uid,
        LedgerEntry.kind == "reversal"))
    if (credited or 0) > (reversed_ or 0):
        raise UserError(f"需求“{title}”的奖励积分已经记入 {person.name} 的存折，不能重复记入。")
    memo = f"需求奖励 {' '.join(title.split())}"[:100]
    append_entry(session, book, kind="deposit", memo=memo, points=points, source_kind="need",
                 source_uid=need_uid, operator=session.info.get("user", ""))
    session.flush()
