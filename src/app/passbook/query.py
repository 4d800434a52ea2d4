"""Paged passbook lists for the GUI and `yichao list passbooks`: filter, sort and page in SQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVarTuple

from sqlalchemy import Select, func, or_, select

from yichao.app.core.workspace import Workspace
from yichao.app.passbook.accounts import PassbookRow, passbook_row
from yichao.models.passbook import Passbook
from yichao.models.person import Person


@dataclass(frozen=True)
class PassbookFilter:
    text: str = ""  # number, holder name, pinyin initials or phone
    status: str = ""
    pending_only: bool = False
    uids: tuple[str, ...] | None = None  # only these (the passbooks behind a dashboard figure)
    origin: str = ""  # a district: only the passbooks of this street


SORTABLE: dict[str, Any] = {
    "number": Passbook.number, "holder": Person.name_sort, "status": Passbook.status,
    "balance": Passbook.balance, "minutes": Passbook.minutes, "opened_on": Passbook.opened_on,
    "pending": Passbook.entry_count - Passbook.printed_seq, "origin": Passbook.origin,
}


_Ts = TypeVarTuple("_Ts")  # the columns of a statement a filter narrows and hands back


def _filtered(stmt: Select[*_Ts], flt: PassbookFilter) -> Select[*_Ts]:
    stmt = stmt.where(Passbook.deleted.is_(False))
    if flt.origin:
        stmt = stmt.where(Passbook.origin == flt.origin)
    if flt.uids is not None:
        stmt = stmt.where(Passbook.uid.in_(flt.uids))
    text = flt.text.strip()
    if text:
        if text.isascii() and text.isalpha():
            stmt = stmt.where(Person.name_initials.like(f"{text.lower()}%"))
        else:
            stmt = stmt.where(or_(Passbook.number.like(f"%{text.upper()}%"), Person.name.like(f"{text}%"),
                                  Person.phone.like(f"{text}%")))
    if flt.status:
        stmt = stmt.where(Passbook.status == flt.status)
    if flt.pending_only:  # what can still be printed: active passbooks only (a replaced one never is)
        stmt = stmt.where(Passbook.entry_count > Passbook.printed_seq, Passbook.status == "active")
    return stmt


def count_passbooks(ws: Workspace, flt: PassbookFilter = PassbookFilter()) -> int:
    stmt = _filtered(select(func.count(Passbook.uid)).join(Person, Person.uid == Passbook.holder_uid), flt)
    with ws.read() as session:
        return session.scalar(stmt) or 0


def query_passbooks(ws: Workspace, flt: PassbookFilter = PassbookFilter(), offset: int = 0, limit: int = 200,
                    sort: str = "number", descending: bool = False) -> list[PassbookRow]:
    column = SORTABLE.get(sort, Passbook.number)
    order = column.desc() if descending else column.asc()
    stmt = _filtered(select(Passbook, Person).join(Person, Person.uid == Passbook.holder_uid), flt)
    stmt = stmt.order_by(order, Passbook.uid).offset(offset).limit(limit)
    with ws.read() as session:
        return [passbook_row(b, p) for b, p in session.execute(stmt)]


def passbook_rows(ws: Workspace) -> Iterator[dict[str, Any]]:
    """`yichao list passbooks --json`: number, holder, status, balance, hours, pending lines."""
    offset = 0
    while True:
        page = query_passbooks(ws, PassbookFilter(), offset=offset, limit=5000, sort="number")
        for b in page:
            yield {"uid": b.uid, "number": b.number, "holder": b.holder_name, "status": b.status,
                   "balance": b.balance, "hours": round(b.hours, 2), "pending_lines": b.pending_lines}
        if len(page) < 5000:
            return
        offset += 5000
