"""Optional expiry of points (积分过期) after the configured number of years, as explicit entries.

Points are spent oldest first, so what expires is what was earned on or before the cut-off date and
has not been spent (or expired) since. Running it twice on the same day expires nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select

from yichao.app.core.errors import UserError
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.accounts import operator_name
from yichao.app.passbook.ledger import append_entry
from yichao.app.passbook.rules import expiry_years
from yichao.models.passbook import LedgerEntry, Passbook


@dataclass(frozen=True)
class ExpiryResult:
    cutoff: date
    passbooks: int
    points: int


MAX_YEARS = 50


def check_years(years: object) -> None:
    """Refuse a period that would expire points not yet old (expiry entries cannot be reversed)."""
    if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= MAX_YEARS:
        raise UserError(f"积分有效期应为 1 到 {MAX_YEARS} 年的整数（填写的是 {years}）。")


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def expire_points(ws: Workspace, as_of: date | None = None, years: int | None = None) -> ExpiryResult:
    """Write an expiry entry on every active passbook holding points older than the period."""
    ws.require("staff", "处理积分过期")
    if years is not None:
        check_years(years)
    years = years if years is not None else expiry_years(ws)
    if not years:
        raise UserError("还没有设置积分有效期规则，积分不会过期。")
    check_years(years)
    today = as_of or date.today()
    if today > date.today():
        raise UserError(f"过期日期 {today:%Y-%m-%d} 还没有到，不能提前让积分过期（过期记录不能撤销）。")
    cutoff = years_before(today, years)
    old_in = func.sum(case(((LedgerEntry.points > 0) & (LedgerEntry.on <= cutoff), LedgerEntry.points), else_=0))
    out = func.sum(case((LedgerEntry.points < 0, -LedgerEntry.points), else_=0))
    stmt = (select(LedgerEntry.passbook_uid, old_in, out).join(Passbook, Passbook.uid == LedgerEntry.passbook_uid)
            .where(Passbook.status == "active", Passbook.balance > 0).group_by(LedgerEntry.passbook_uid))
    count = total = 0
    with ws.unit() as session:
        for uid, earned, spent in session.execute(stmt).all():
            book = session.get(Passbook, uid)
            assert book is not None
            amount = min(book.balance, max(0, (earned or 0) - (spent or 0)))
            if amount:
                append_entry(session, book, kind="expiry", memo=f"积分过期 {cutoff:%Y-%m-%d}前获得", points=-amount,
                             on=today, operator=operator_name(ws))
                count += 1
                total += amount
    return ExpiryResult(cutoff, count, total)
