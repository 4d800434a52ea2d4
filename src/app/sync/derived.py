"""Totals a receiver works out from the records it received, never takes from a bundle (issue 18
point 8): a passbook's balance, service minutes and last line number follow from its ledger entries.

A sender's passbook row says what the sender believed; the entries are the ledger. After a bundle
applies, every passbook it touched gets its totals again from the entries this site now holds, so
a signed but wrong (or ahead-of-its-entries) balance cannot reach the district's figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from yichao.models.passbook import LedgerEntry, Passbook

CHUNK = 500


def touched_passbooks(records: dict[str, list[dict[str, Any]]]) -> set[str]:
    """The passbooks a bundle's rows belong to (their own rows and their entries)."""
    uids = {r["uid"] for r in records.get(Passbook.__tablename__, [])}
    uids |= {r["passbook_uid"] for r in records.get(LedgerEntry.__tablename__, []) if r.get("passbook_uid")}
    return uids


def derive_passbook_totals(session: Session, uids: Iterable[str]) -> None:
    """Set balance, minutes and entry_count of ``uids`` from their live entries (no journal: derived)."""
    wanted = sorted(uids)
    live = LedgerEntry.deleted.is_(False)
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i:i + CHUNK]
        sums = {uid: (points, minutes, last) for uid, points, minutes, last in session.execute(
            select(LedgerEntry.passbook_uid, func.coalesce(func.sum(LedgerEntry.points), 0),
                   func.coalesce(func.sum(LedgerEntry.minutes), 0), func.coalesce(func.max(LedgerEntry.seq), 0))
            .where(live, LedgerEntry.passbook_uid.in_(chunk)).group_by(LedgerEntry.passbook_uid))}
        present = session.scalars(select(Passbook.uid).where(Passbook.uid.in_(chunk))).all()
        for uid in present:
            points, minutes, last = sums.get(uid, (0, 0, 0))
            session.execute(update(Passbook).where(Passbook.uid == uid)
                            .values(balance=points, minutes=minutes, entry_count=last)
                            .execution_options(synchronize_session=False))
