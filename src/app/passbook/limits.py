"""What a community office may redeem offline (issue 17 point 3): only what it can prove, and no
more than the limit its street sets for it.

An office sees the entries it holds, so its balance is the balance it has seen plus its own
deposits: the ledger already refuses anything beyond that. What it cannot see is a redemption
written at the street or another counter since the last exchange; two counters may then spend the
same points. The street bounds that risk per office: :class:`OfficeLimit` (the street's record,
relayed down to the office) caps the points the office redeems from one passbook that the street
has not yet acknowledged. With no limit set an office redeems within the balance alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError
from yichao.app.core.levels import level_rank
from yichao.app.core.workspace import Workspace
from yichao.models.journal import JournalEntry
from yichao.models.passbook import LedgerEntry, OfficeLimit, Passbook
from yichao.models.sync import SyncPeer

OFFICE_RANK, STREET_RANK = 2, 1
MAX_LIMIT = 1_000_000


@dataclass(frozen=True)
class OfficeLimitRow:
    """One office of the street with its redemption limit (None: not set)."""

    office_code: str
    office_name: str
    points: int | None


def limit_of(session: Session, office_code: str) -> int | None:
    """The live limit the office's street set for it, or None."""
    street = office_code[:9]
    return session.scalar(select(OfficeLimit.points).where(
        OfficeLimit.office_code == office_code, OfficeLimit.origin == street, OfficeLimit.deleted.is_(False))
        .order_by(OfficeLimit.updated_at.desc()).limit(1))


def unconfirmed_redemptions(session: Session, book: Passbook, office_code: str) -> int:
    """Points this office redeemed from ``book`` that its street has not acknowledged yet."""
    acked = session.scalar(select(SyncPeer.acked_journal_id).where(SyncPeer.code == office_code[:9])) or 0
    sent = select(JournalEntry.uid).where(JournalEntry.entity == LedgerEntry.__tablename__,
                                          JournalEntry.op == "insert", JournalEntry.id > acked)
    return -(session.scalar(select(func.coalesce(func.sum(LedgerEntry.points), 0)).where(
        LedgerEntry.passbook_uid == book.uid, LedgerEntry.origin == office_code, LedgerEntry.kind == "redeem",
        LedgerEntry.uid.in_(sent))) or 0)


def refuse_beyond_office_limit(session: Session, book: Passbook, points: int) -> None:
    """At a community office: refuse redeeming ``points`` beyond the street's limit for it."""
    site = session.info.get("site", "")
    if level_rank(site) != OFFICE_RANK:
        return
    limit = limit_of(session, site)
    if limit is None:
        return
    pending = unconfirmed_redemptions(session, book, site)
    if pending + points > limit:
        already = f"本所在这本存折上尚未经街道确认的支取已有 {pending} 分，" if pending else ""
        raise UserError(f"街道给本所定的离线支取限额是每本存折 {limit} 分，{already}"
                        f"这次不能支取 {points} 分；请与街道交换数据包后再办理。")


def _office_names(session: Session, street: str) -> dict[str, str]:
    return {code: name for code, name in session.execute(select(SyncPeer.code, SyncPeer.name).where(
        SyncPeer.role == "community", SyncPeer.code.startswith(street)))}


def office_limits(ws: Workspace) -> list[OfficeLimitRow]:
    """At a street: each of its offices (trusted keys, or a limit already set) with its limit; at an
    office: its own limit, as its street set it."""
    ws.require("viewer", "查看储蓄所支取限额")
    me = ws.site
    with ws.read() as session:
        if level_rank(me.code) == OFFICE_RANK:
            return [OfficeLimitRow(me.code, me.name, limit_of(session, me.code))]
        if level_rank(me.code) != STREET_RANK:
            return []
        names = _office_names(session, me.code)
        codes = set(names) | set(session.scalars(select(OfficeLimit.office_code).where(
            OfficeLimit.origin == me.code, OfficeLimit.deleted.is_(False))))
        return [OfficeLimitRow(code, names.get(code, ""), limit_of(session, code)) for code in sorted(codes)]


def clean_limit(points: object) -> int:
    if isinstance(points, bool) or not isinstance(points, int):
        raise UserError("支取限额必须是整数（分）。")
    if not 0 <= points <= MAX_LIMIT:
        raise UserError(f"支取限额应在 0 到 {MAX_LIMIT} 分之间。")
    return points


def set_office_limit(ws: Workspace, office_code: str, points: int | None) -> OfficeLimitRow:
    """The street sets (or with ``None`` lifts) the limit of one of its offices; journaled, and the
    next bundle to the office carries it."""
    ws.require("staff", "设定储蓄所支取限额")
    me = ws.site
    code = (office_code or "").strip()
    if level_rank(me.code) != STREET_RANK:
        raise UserError("储蓄所的支取限额由街道设定。")
    if not (len(code) == 12 and code.isdigit() and code.startswith(me.code)):
        raise UserError(f"{code or '（空）'} 不是本街道（{me.code}）下的社区储蓄所代码（12 位，以街道代码开头）。")
    value = None if points is None else clean_limit(points)
    with ws.unit() as session:
        found = session.scalars(select(OfficeLimit).where(
            OfficeLimit.office_code == code, OfficeLimit.origin == me.code, OfficeLimit.deleted.is_(False))).first()
        if value is None:
            if found is not None:
                found.deleted = True
        elif found is None:
            session.add(OfficeLimit(office_code=code, points=value))
        elif found.points != value:
            found.points = value
        session.flush()
        return OfficeLimitRow(code, _office_names(session, me.code).get(code, ""), limit_of(session, code))
