"""One passbook, several counters (issue 17 point 3): the order of a merged ledger and what follows.

The street and its community offices all write entries and print lines for the same passbook while
offline, each as its own origin (single writer per record). So no counter can hand out the next
``seq`` for everyone: each site orders the entries it holds by one rule, the same everywhere, and
derives from that order every entry's ``seq`` and ``balance_after`` and the passbook's totals and
next free line. Once two counters hold the same records they show the same ledger.

The rule (docs/HACKING.md, "One passbook, several counters"):
1. What is on the paper comes first, in paper order: a taken-over book's opening 承前 line, then
   every printed entry by (page, line, origin). The paper is one and a printed line is a fact.
2. Then the entries not printed anywhere: each writer's own entries keep their writer's order
   (``origin_seq``), and the writers' queues are merged by (date, origin) of their next entry.
Balances run along that order; the next free line is after the highest printed line (never
before the position the issuing site recorded, e.g. a taken-over book's). Pending lines are the
entries of step 2, so they print next on whichever counter the passbook is brought to.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from yichao.models.base import table_of
from yichao.models.passbook import LedgerEntry, Passbook, PrintedLine

CHUNK = 500
_E, _P, _B = table_of(LedgerEntry), table_of(PrintedLine), table_of(Passbook)


def taken_over(entry: Any) -> bool:
    """The opening 承前 line of a book taken over from paper: on the paper before Yichao knew it."""
    return bool(entry.kind == "carried_forward" and not entry.source_kind)


def ledger_order(entries: Sequence[Any], lines: Sequence[Any]) -> tuple[list[Any], int]:
    """The entries in merged-ledger order, and how many of them (the first ones) are on paper."""
    position: dict[str, tuple[int, int, str]] = {}
    for ln in lines:
        if ln.entry_uid:
            key = (ln.page, ln.line, ln.origin)
            position[ln.entry_uid] = min(position.get(ln.entry_uid, key), key)
    paper = [e for e in entries if e.uid in position or taken_over(e)]
    paper.sort(key=lambda e: (position.get(e.uid, (0, 0, "")), e.origin, e.origin_seq, e.seq))
    queues: dict[str, list[Any]] = defaultdict(list)
    for e in entries:
        if e.uid not in position and not taken_over(e):
            queues[e.origin].append(e)
    heads: list[tuple[Any, str, int]] = []
    for origin, queue in queues.items():
        queue.sort(key=lambda e: (e.origin_seq, e.seq))
        heads.append((queue[0].on, origin, 0))
    heapq.heapify(heads)
    rest: list[Any] = []
    while heads:
        _, origin, i = heapq.heappop(heads)
        rest.append(queues[origin][i])
        if i + 1 < len(queues[origin]):
            heapq.heappush(heads, (queues[origin][i + 1].on, origin, i + 1))
    return paper + rest, len(paper)


def next_free(stored: tuple[int, int], lines: Sequence[Any]) -> tuple[int, int]:
    """After the highest printed line (a full page's next line is one past its last, as `place`
    says), and never before the position stored on the passbook."""
    highest = max(((ln.page, ln.line + 1) for ln in lines), default=(1, 1))
    return max(stored, highest)


def derive_ledgers(session: Session, uids: Iterable[str]) -> set[str]:
    """Order the ledgers of ``uids`` and store what follows (no journal rows: derived); returns
    the passbooks whose merged balance is negative."""
    session.flush()
    wanted = sorted(set(uids))
    negative: set[str] = set()
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i:i + CHUNK]
        entries: dict[str, list[Any]] = defaultdict(list)
        for e in session.execute(select(
                _E.c.uid, _E.c.passbook_uid, _E.c.origin, _E.c.origin_seq, _E.c.seq, _E.c.on, _E.c.kind,
                _E.c.source_kind, _E.c.points, _E.c.minutes, _E.c.balance_after)
                .where(_E.c.passbook_uid.in_(chunk), _E.c.deleted.is_(False))):
            entries[e.passbook_uid].append(e)
        lines: dict[str, list[Any]] = defaultdict(list)
        for ln in session.execute(select(_P.c.passbook_uid, _P.c.entry_uid, _P.c.page, _P.c.line, _P.c.origin)
                                  .where(_P.c.passbook_uid.in_(chunk), _P.c.deleted.is_(False))):
            lines[ln.passbook_uid].append(ln)
        moved: list[dict[str, Any]] = []
        totals: list[dict[str, Any]] = []
        for b in session.execute(select(_B.c.uid, _B.c.balance, _B.c.minutes, _B.c.entry_count, _B.c.printed_seq,
                                        _B.c.next_page, _B.c.next_line).where(_B.c.uid.in_(chunk))):
            order, printed = ledger_order(entries[b.uid], lines[b.uid])
            balance = minutes = 0
            for seq, e in enumerate(order, 1):
                balance += e.points
                minutes += e.minutes
                if (e.seq, e.balance_after) != (seq, balance):
                    moved.append({"k_uid": e.uid, "k_seq": seq, "k_balance": balance})
            page, line = next_free((b.next_page, b.next_line), lines[b.uid])
            now = (balance, minutes, len(order), printed, page, line)
            if now != (b.balance, b.minutes, b.entry_count, b.printed_seq, b.next_page, b.next_line):
                totals.append({"k_uid": b.uid, "k_balance": balance, "k_minutes": minutes, "k_count": len(order),
                               "k_printed": printed, "k_page": page, "k_line": line})
            if balance < 0:
                negative.add(b.uid)
        connection = session.connection()
        if moved:
            connection.execute(update(_E).where(_E.c.uid == bindparam("k_uid")).values(
                seq=bindparam("k_seq"), balance_after=bindparam("k_balance")), moved)
        if totals:
            connection.execute(update(_B).where(_B.c.uid == bindparam("k_uid")).values(
                balance=bindparam("k_balance"), minutes=bindparam("k_minutes"), entry_count=bindparam("k_count"),
                printed_seq=bindparam("k_printed"), next_page=bindparam("k_page"), next_line=bindparam("k_line")),
                totals)
        if moved or totals:
            session.expire_all()  # the ORM objects of this session read the derived values again
    return negative


def shared_ledgers(session: Session, uids: Iterable[str], site: str) -> set[str]:
    """Of ``uids``, the passbooks whose ledger or paper holds another counter's records, or that
    another site issued: only those can be out of the order a local write keeps."""
    wanted = sorted(set(uids))
    out: set[str] = set()
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i:i + CHUNK]
        out.update(session.scalars(select(_B.c.uid).where(_B.c.uid.in_(chunk), _B.c.origin != site)))
        out.update(session.scalars(select(_E.c.passbook_uid).where(_E.c.passbook_uid.in_(chunk),
                                                                   _E.c.origin != site).distinct()))
        out.update(session.scalars(select(_P.c.passbook_uid).where(_P.c.passbook_uid.in_(chunk),
                                                                   _P.c.origin != site).distinct()))
    return out


def rederive_shared(session: Session, uids: Iterable[str]) -> None:
    """After a local write: put back into the merged order the ledgers other counters share."""
    session.flush()
    shared = shared_ledgers(session, uids, session.info.get("site", ""))
    if shared:
        derive_ledgers(session, shared)


def last_origin_seqs(session: Session, uids: Iterable[str], site: str) -> dict[str, int]:
    """The writer's last own number for each of these passbooks (absent: none written here yet)."""
    wanted = sorted(set(uids))
    out: dict[str, int] = {}
    for i in range(0, len(wanted), CHUNK):
        out.update({uid: last for uid, last in session.execute(select(_E.c.passbook_uid, func.max(_E.c.origin_seq))
                    .where(_E.c.passbook_uid.in_(wanted[i:i + CHUNK]), _E.c.origin == site)
                    .group_by(_E.c.passbook_uid))})
    return out
