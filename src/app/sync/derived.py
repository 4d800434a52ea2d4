"""Totals a receiver works out from the records it received, never takes from a bundle (issue 18
point 8): a passbook's balance, service minutes and last line number follow from its ledger entries.

A sender's passbook row says what the sender believed; the entries are the ledger. After a bundle
applies, every passbook it touched gets its totals again from the entries this site now holds, so
a signed but wrong (or ahead-of-its-entries) balance cannot reach the district's figures.

Several counters write one passbook (issue 17 point 3): the ledger's order, each entry's number and
running balance, and the next free line follow from the entries and printed lines held here
(:mod:`yichao.app.passbook.merge`); a street lists a merged overdraw once for settling
(:mod:`yichao.app.passbook.overdraw`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from yichao.app.passbook.merge import derive_ledgers
from yichao.app.passbook.overdraw import note_overdraws
from yichao.models.passbook import LedgerEntry, Passbook, PrintedLine


def touched_passbooks(records: dict[str, list[dict[str, Any]]]) -> set[str]:
    """The passbooks a bundle's rows belong to (their own rows and their entries)."""
    uids = {r["uid"] for r in records.get(Passbook.__tablename__, [])}
    for table in (LedgerEntry.__tablename__, PrintedLine.__tablename__):
        uids |= {r["passbook_uid"] for r in records.get(table, []) if r.get("passbook_uid")}
    return uids


def derive_passbook_totals(session: Session, uids: set[str]) -> None:
    """Order the ledgers of ``uids`` and set their totals from the live entries (no journal:
    derived); a negative merged balance is listed at a street."""
    note_overdraws(session, derive_ledgers(session, uids))
