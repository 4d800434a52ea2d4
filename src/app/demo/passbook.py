"""Demo step: points rules, a catalog with stock, activities, and passbooks with realistic ledgers.

Volunteers get passbooks issued at the street or one of its community offices, with two years of
service deposits, some redemptions, a reversal now and then, and most lines already printed. Rules
and items are the street's own (the demo never fakes records of a district it has not exchanged
with). Everything goes in by bulk insert: the ledgers are computed in
memory first, so each passbook is written once with its final totals.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from yichao.app.demo import DemoContext
from yichao.app.passbook import load_layout, place
from yichao.models.base import new_uid, utcnow
from yichao.models.journal import bulk_insert
from yichao.models.passbook import (
    CatalogItem,
    CatalogStock,
    LedgerEntry,
    Passbook,
    PointsRule,
    PrintedLine,
    ServiceActivity,
)
from yichao.models.site import Community

if TYPE_CHECKING:
    from yichao.app.core import Workspace

MAX_PASSBOOKS = 1500  # at 100,000 residents: 1 in 10 volunteers; the whole demo stays under a minute
ACTIVITY_TYPES = {"助老服务": 10, "环境清洁": 8, "文明劝导": 8, "助残服务": 12, "儿童托管": 10, "义诊义剪": 12}
DISTRICT_ITEMS = [("大米 5kg", "生活用品", 120, "袋"), ("食用油 5L", "生活用品", 150, "桶"),
                  ("公园年卡", "文化体育", 300, "张")]
STREET_ITEMS = [("洗衣液", "生活用品", 60, "瓶"), ("毛巾两条", "生活用品", 30, "套"), ("义剪一次", "服务", 20, "次"),
                ("家电清洗一次", "服务", 80, "次"), ("体检套餐", "健康", 200, "份"), ("牙膏", "生活用品", 15, "支")]
TITLES = {
    "助老服务": ["陪同老人就医", "独居老人探访", "助餐送餐"],
    "环境清洁": ["楼道卫生清扫", "小区垃圾分类引导", "河道捡拾垃圾"],
    "文明劝导": ["路口文明劝导", "电动车停放劝导"],
    "助残服务": ["残疾人康复陪护"],
    "儿童托管": ["四点半课堂", "暑期托管班"],
    "义诊义剪": ["社区义剪", "健康义诊"],
}


def run(ws: Workspace, ctx: DemoContext) -> str:
    ws.require("staff", "生成演示数据")
    rng = ctx.rng
    site = ws.site.code
    # every demo record is the street's own: district-origin records would stand in for a district
    # the street never exchanged with (and would clash with the real one's later)
    district = site
    volunteers: list[str] = list(ctx.made.get("volunteer_uids", []))[:MAX_PASSBOOKS]
    operator = ws.user.username if ws.user else "demo"
    today = date.today()
    lines_per_page = load_layout("standard").lines_per_page
    with ws.unit() as session:
        offices = [c.code for c in session.scalars(select(Community).where(Community.deleted.is_(False))) if c.code][:3]
        rules = [
            {
                "name": f"{kind}每小时 {pts} 分",
                "kind": "hourly",
                "activity_type": kind,
                "points": pts,
                "origin": district if kind in ("助老服务", "助残服务") else site,
            }
            for kind, pts in ACTIVITY_TYPES.items()
        ]
        rules.append({"name": "需求揭榜完成固定积分", "kind": "need", "points": 20, "origin": district})
        rules.append({"name": "积分三年有效", "kind": "expiry", "years": 3, "origin": district})
        bulk_insert(session, PointsRule, rules)
        items = [{"uid": new_uid(), "name": n, "category": c, "points": p, "unit": u, "origin": district}
                 for n, c, p, u in DISTRICT_ITEMS]
        items += [{"uid": new_uid(), "name": n, "category": c, "points": p, "unit": u, "origin": site}
                  for n, c, p, u in STREET_ITEMS]
        bulk_insert(session, CatalogItem, items)
        activities = _activities(rng, today)
        books: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        printed: list[dict[str, Any]] = []
        redeemed: dict[str, int] = {}
        # continue each site's numbering, so running the demo again adds passbooks instead of failing
        seqs: dict[str, int] = {code: seq for code, seq in session.execute(
            select(Passbook.site_code, func.max(Passbook.seq)).group_by(Passbook.site_code))}
        for n, holder in enumerate(volunteers):
            office = rng.choice(offices) if offices and rng.random() < 0.3 else site
            seqs[office] = seqs.get(office, 0) + 1
            book = {"uid": new_uid(), "number": f"{office}-{seqs[office]:06d}", "site_code": office,
                    "seq": seqs[office], "holder_uid": holder, "status": "active",
                    "opened_on": today - timedelta(days=rng.randint(60, 720))}
            ledger = _ledger(rng, book, activities, items, operator, today, redeemed)
            book["balance"] = ledger[-1]["balance_after"] if ledger else 0
            book["minutes"] = sum(e["minutes"] for e in ledger)
            book["entry_count"] = len(ledger)
            done = max(0, len(ledger) - rng.choice((0, 0, 1, 2, 3)))
            placements, (page, line) = place(
                [e["balance_after"] - e["points"] for e in ledger[:done]], 1, 1, lines_per_page
            )
            for p in placements:
                printed.append({"passbook_uid": book["uid"], "page": p.page, "line": p.line,
                                "entry_uid": None if p.is_carry else ledger[p.entry_index]["uid"],
                                "carried_balance": p.carried_balance,
                                "printed_on": ledger[done - 1]["on"] if done else today})
            book.update(printed_seq=done, next_page=page, next_line=line)
            if n % 10 == 7:
                book["status"] = rng.choice(("lost", "active", "active"))
            books.append(book)
            entries += ledger
        for a in activities:
            a["posted_at"] = utcnow() if a["posted_count"] else None
        bulk_insert(session, ServiceActivity, activities)
        bulk_insert(session, Passbook, books)
        for start in range(0, len(entries), 20_000):
            bulk_insert(session, LedgerEntry, entries[start:start + 20_000])
        bulk_insert(session, PrintedLine, printed)
        bulk_insert(session, CatalogStock, [{"item_uid": i["uid"], "site_code": site,
                                             "quantity": rng.randint(5, 60)} for i in items])
    ctx.made.update(passbook_uids=[b["uid"] for b in books])
    return f"爱心存折 {len(books)} 本，账页 {len(entries)} 笔，活动 {len(activities)} 场，兑换物品 {len(items)} 种"


def _activities(rng: Any, today: date) -> list[dict[str, Any]]:
    out = []
    for _ in range(40):
        kind = rng.choice(list(ACTIVITY_TYPES))
        minutes = rng.choice((60, 90, 120, 180, 240))
        out.append({"uid": new_uid(), "title": rng.choice(TITLES[kind]), "activity_type": kind,
                    "held_on": today - timedelta(days=rng.randint(1, 700)), "minutes": minutes,
                    "points": ACTIVITY_TYPES[kind] * minutes // 60, "posted_count": 0})
    return sorted(out, key=lambda a: a["held_on"])


def _ledger(rng: Any, book: dict[str, Any], activities: list[dict[str, Any]], items: list[dict[str, Any]],
            operator: str, today: date, redeemed: dict[str, int]) -> list[dict[str, Any]]:
    """A passbook's entries in date order: service deposits, redemptions, an occasional reversal."""
    ledger: list[dict[str, Any]] = []
    balance = 0

    def add(kind: str, on: date, memo: str, points: int, minutes: int = 0, source: tuple[str, str | None] = ("", None),
            reverses: str | None = None, quantity: int = 0) -> dict[str, Any]:
        nonlocal balance
        balance += points
        entry = {"uid": new_uid(), "passbook_uid": book["uid"], "seq": len(ledger) + 1,
                 "origin_seq": len(ledger) + 1, "kind": kind, "on": on,
                 "memo": memo, "points": points, "balance_after": balance, "minutes": minutes,
                 "source_kind": source[0], "source_uid": source[1], "quantity": quantity, "reverses_uid": reverses,
                 "operator": operator}
        ledger.append(entry)
        return entry

    eligible = [a for a in activities if a["held_on"] >= book["opened_on"]]
    for activity in sorted(rng.sample(eligible, min(len(eligible), rng.randint(2, 12))), key=lambda a: a["held_on"]):
        activity["posted_count"] += 1
        entry = add("deposit", activity["held_on"], activity["title"], activity["points"], activity["minutes"],
                    ("activity", activity["uid"]))
        if rng.random() < 0.03:
            add("reversal", activity["held_on"], f"冲正第{entry['seq']}笔 登记重复", -entry["points"],
                -entry["minutes"], ("activity", activity["uid"]), reverses=entry["uid"])
        if rng.random() < 0.25:
            affordable = [i for i in items if i["points"] <= balance]
            if affordable:
                item = rng.choice(affordable)
                redeemed[item["uid"]] = redeemed.get(item["uid"], 0) + 1
                add(
                    "redeem",
                    activity["held_on"],
                    f"兑换 {item['name']}",
                    -item["points"],
                    source=("catalog", item["uid"]),
                    quantity=1,
                )
    return ledger
