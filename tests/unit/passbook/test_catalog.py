"""Rules, catalog and stock, bulk credit, the needs hand-off, expiry, district records read-only."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from yichao.app.core.errors import ForeignRecordError, UserError
from yichao.app.needs.rewards import deposit_need_reward
from yichao.app.passbook import accounts as pb
from yichao.app.passbook import lifecycle as life
from yichao.app.passbook.activities import ActivityInput, credit_activity
from yichao.app.passbook.catalog import ItemInput, list_items, redeem_item, restock, save_item
from yichao.app.passbook.expiry import expire_points
from yichao.app.passbook.rules import RuleInput, list_rules, need_points, points_for_service, save_rule
from yichao.app.people.residents import PersonInput, create_person
from yichao.models.journal import bulk_insert
from yichao.models.passbook import CatalogItem, LedgerEntry, PointsRule

DISTRICT = "370102"


def make_books(ws, n):
    return [
        pb.open_passbook(ws, create_person(ws, PersonInput(name=f"志愿者{i}", is_volunteer=True)).uid) for i in range(n)
    ]


def as_district(ws, model, **values):
    """A record as it arrives by bundle from the district (its origin is the district)."""
    with ws.unit() as session:
        session.info["sync_apply"] = False
        values.setdefault("origin", DISTRICT)
        bulk_insert(session, model, [values])


def test_rules_price_service_and_district_rules_are_read_only(workspace):
    mine = save_rule(workspace, RuleInput("清扫每小时", "hourly", "环境清洁", 8))
    as_district(workspace, PointsRule, name="助老每小时", kind="hourly", activity_type="助老服务", points=10)
    as_district(workspace, PointsRule, name="需求", kind="need", points=20)
    assert points_for_service(workspace, "环境清洁", 2.5) == 20
    assert points_for_service(workspace, "助老服务", 1.5) == 15
    assert need_points(workspace) == 20
    with pytest.raises(UserError, match="还没有积分规则"):
        points_for_service(workspace, "跳舞", 1)
    district = next(r for r in list_rules(workspace) if r.read_only)
    with pytest.raises(UserError, match="区里统一制定"):
        save_rule(workspace, RuleInput("改", "hourly", "助老服务", 99), uid=district.uid)
    with pytest.raises(ForeignRecordError), workspace.unit() as session:  # the journal hook, too
        session.get(PointsRule, district.uid).points = 99
        session.flush()
    assert save_rule(workspace, RuleInput("清扫每小时", "hourly", "环境清洁", 9), uid=mine.uid).points == 9
    with pytest.raises(UserError, match="活动类型"):
        save_rule(workspace, RuleInput("x", "hourly", "", 5))


def test_redeem_item_moves_points_and_stock_together(workspace):
    (book,) = make_books(workspace, 1)
    item = save_item(workspace, ItemInput("洗衣液", 60, "生活用品", "瓶"))
    assert restock(workspace, item.uid, 2) == 2
    pb.deposit(workspace, book.number, 200, "服务")
    entry = redeem_item(workspace, book.number, item.uid, 2)
    assert (entry.points, entry.memo, entry.balance_after) == (-120, "兑换 洗衣液×2瓶", 80)
    assert list_items(workspace)[0].stock == 0
    with pytest.raises(UserError, match="库存只有 0"):
        redeem_item(workspace, book.number, item.uid)
    assert pb.get_passbook(workspace, book.number).balance == 80  # refused as a whole
    with pytest.raises(UserError, match="库存只有 0"):
        restock(workspace, item.uid, -1)
    pb.reverse(workspace, book.number, 2)  # the reversal puts the goods back on the shelf
    assert list_items(workspace)[0].stock == 2


def test_redeem_item_beyond_balance_shows_balance(workspace):
    (book,) = make_books(workspace, 1)
    item = save_item(workspace, ItemInput("体检", 200))
    restock(workspace, item.uid, 5)
    pb.deposit(workspace, book.number, 50, "x")
    with pytest.raises(UserError, match="余额只有 50 分"):
        redeem_item(workspace, book.number, item.uid)
    assert list_items(workspace)[0].stock == 5


def test_district_item_is_read_only_but_the_street_keeps_its_own_stock(workspace):
    as_district(workspace, CatalogItem, name="大米", points=100, unit="袋")
    item = list_items(workspace)[0]
    assert item.read_only and item.origin == DISTRICT
    with pytest.raises(UserError, match="区里统一发布"):
        save_item(workspace, ItemInput("大米", 1), uid=item.uid)
    assert restock(workspace, item.uid, 3) == 3
    (book,) = make_books(workspace, 1)
    pb.deposit(workspace, book.number, 100, "x")
    redeem_item(workspace, book.number, item.uid)
    assert list_items(workspace)[0].stock == 2


def test_bulk_credit_credits_each_volunteer_once_and_refuses_a_second_posting(workspace):
    books = make_books(workspace, 30)
    numbers = [b.number for b in books] + [books[0].number]  # one listed twice
    data = ActivityInput("重阳节敬老活动", "助老服务", date(2026, 10, 29), 3, points=30)
    result = credit_activity(workspace, data, numbers)
    assert (result.credited, result.points_each, result.hours_each, result.duplicates_ignored) == (30, 30, 3, 1)
    assert all(pb.get_passbook(workspace, b.number).balance == 30 for b in books)
    with pytest.raises(UserError, match="已经记过积分"):
        credit_activity(workspace, data, numbers)
    with workspace.read() as session:
        assert session.scalar(select(func.count()).select_from(LedgerEntry)) == 30


def test_bulk_credit_is_all_or_nothing(workspace):
    books = make_books(workspace, 3)
    life.report_lost(workspace, books[1].number)
    with pytest.raises(UserError, match="已挂失"):
        credit_activity(
            workspace, ActivityInput("清扫", "环境清洁", date(2026, 11, 1), 1, 5), [b.number for b in books]
        )
    with pytest.raises(UserError, match="找不到这些存折"):
        credit_activity(
            workspace, ActivityInput("清扫", "环境清洁", date(2026, 11, 1), 1, 5), [books[0].number, "NOPE"]
        )
    assert pb.get_passbook(workspace, books[0].number).balance == 0


def test_need_reward_in_the_callers_transaction(workspace):
    person = create_person(workspace, PersonInput(name="钱多", is_volunteer=True))
    with workspace.unit() as session:
        deposit_need_reward(session, person_uid=person.uid, points=20, need_uid="need-1", title="帮忙修水管")
    (book,) = pb.passbooks_of(workspace, person.uid)  # opened on the spot
    assert book.balance == 20
    assert pb.entries(workspace, book.number)[0].memo == "需求奖励 帮忙修水管"
    with pytest.raises(UserError, match="不能重复记入"):
        with workspace.unit() as session:
            deposit_need_reward(session, person_uid=person.uid, points=20, need_uid="need-1", title="帮忙修水管")
    with pytest.raises(RuntimeError):  # the caller fails later: the deposit rolls back with it
        with workspace.unit() as session:
            deposit_need_reward(session, person_uid=person.uid, points=5, need_uid="need-2", title="x")
            raise RuntimeError("caller failed")
    assert pb.get_passbook(workspace, book.number).balance == 20
    life.report_lost(workspace, book.number)
    with pytest.raises(UserError, match="已挂失"):
        with workspace.unit() as session:
            deposit_need_reward(session, person_uid=person.uid, points=5, need_uid="need-3", title="x")


def test_expiry_takes_old_unspent_points_once(workspace):
    (book,) = make_books(workspace, 1)
    with workspace.unit() as session:
        from yichao.app.passbook.accounts import load_book
        from yichao.app.passbook.ledger import append_entry

        b = load_book(session, book.number)
        append_entry(session, b, kind="deposit", memo="旧", points=50, on=date(2022, 1, 10), operator="t")
        append_entry(session, b, kind="redeem", memo="花", points=-20, on=date(2023, 5, 1), operator="t")
        append_entry(session, b, kind="deposit", memo="新", points=40, on=date(2026, 1, 1), operator="t")
    with pytest.raises(UserError, match="有效期"):
        expire_points(workspace, as_of=date(2026, 6, 1))
    result = expire_points(workspace, as_of=date(2026, 6, 1), years=3)
    assert (result.cutoff, result.passbooks, result.points) == (date(2023, 6, 1), 1, 30)
    assert pb.get_passbook(workspace, book.number).balance == 40
    assert expire_points(workspace, as_of=date(2026, 6, 1), years=3).points == 0


def test_xlsx_export_of_passbooks(workspace, tmp_path):
    import openpyxl

    from yichao.app.passbook.xlsx import export_passbooks

    (book,) = make_books(workspace, 1)
    pb.deposit(workspace, book.number, 12, "x", hours=1)
    assert export_passbooks(workspace, tmp_path / "p.xlsx") == 1
    rows = list(openpyxl.load_workbook(tmp_path / "p.xlsx").active.iter_rows(values_only=True))
    assert rows[1][:2] == ("存折号码", "持折人")
    assert rows[2][0] == book.number and rows[2][6] == 12 and rows[2][8] == 1
