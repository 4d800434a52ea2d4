"""The love bank's levels in the passbook (issue 17 point 4): district rules apply everywhere, a street
adds its own, a community savings office uses them and edits none; stock is kept per site; and
passbook numbers carry the issuing office's code, from one writer per code."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from yichao.app.core.errors import PermissionDenied, UserError
from yichao.app.passbook import accounts as pb
from yichao.app.passbook import lifecycle as life
from yichao.app.passbook.catalog import ItemInput, list_items, redeem_item, restock, save_item
from yichao.app.passbook.rules import RuleInput, list_rules, need_points, points_for_service, save_rule
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.sync import export_key_file, trust_key_file
from yichao.models.journal import bulk_insert
from yichao.models.passbook import CatalogItem, CatalogStock, Passbook, PointsRule

DISTRICT, STREET, OFFICE = "370102", "370102001", "370102001003"


@pytest.fixture
def office(make_workspace):
    return make_workspace(role="community", code=OFFICE, name="甸柳新村社区储蓄所", parent=STREET)


def arrived(ws, model, origin, **values):
    """A record as it arrives by bundle from another site (its origin is that site)."""
    with ws.unit() as session:
        session.info["sync_apply"] = False
        bulk_insert(session, model, [{**values, "origin": origin}])


def holder(ws, name="孙丽"):
    return create_person(ws, PersonInput(name=name, is_volunteer=True)).uid


def test_an_office_uses_the_district_s_and_the_street_s_rules_and_edits_none(office):
    # the street's rule arrives first: the district's must still win for the same activity type
    arrived(office, PointsRule, STREET, name="助老（街道）", kind="hourly", activity_type="助老服务", points=6)
    arrived(office, PointsRule, DISTRICT, name="助老（区）", kind="hourly", activity_type="助老服务", points=10)
    arrived(office, PointsRule, STREET, name="清扫", kind="hourly", activity_type="环境清洁", points=8)
    arrived(office, PointsRule, STREET, name="需求", kind="need", points=20)
    assert points_for_service(office, "助老服务", 1) == 10
    assert points_for_service(office, "环境清洁", 2) == 16  # the street's own rule applies at its office
    assert need_points(office) == 20
    rules = list_rules(office)
    assert all(r.read_only for r in rules)
    with pytest.raises(PermissionDenied, match="积分规则由区和街道制定"):
        save_rule(office, RuleInput("跳舞", "hourly", "广场舞", 5))
    with pytest.raises(PermissionDenied, match="积分规则由区和街道制定"):
        save_rule(office, RuleInput("改", "hourly", "环境清洁", 99), uid=rules[-1].uid)
    assert points_for_service(office, "环境清洁", 2) == 16  # nothing changed
    with pytest.raises(UserError, match="还没有积分规则"):
        points_for_service(office, "广场舞", 1)


def test_at_a_street_the_district_s_rule_wins_over_its_own(workspace):
    save_rule(workspace, RuleInput("助老（街道）", "hourly", "助老服务", 6))
    arrived(workspace, PointsRule, DISTRICT, name="助老（区）", kind="hourly", activity_type="助老服务", points=10)
    assert points_for_service(workspace, "助老服务", 1) == 10


def test_an_office_keeps_its_own_stock_of_items_it_cannot_edit(office):
    arrived(office, CatalogItem, DISTRICT, name="大米", points=100, unit="袋")
    arrived(office, CatalogItem, STREET, name="洗衣液", points=60, unit="瓶")
    items = {i.name: i for i in list_items(office)}
    assert all(i.read_only and i.stock == 0 for i in items.values())
    with pytest.raises(PermissionDenied, match="兑换目录由区和街道发布"):
        save_item(office, ItemInput("酱油", 30))
    with pytest.raises(PermissionDenied, match="兑换目录由区和街道发布"):
        save_item(office, ItemInput("大米", 1), uid=items["大米"].uid)
    assert restock(office, items["洗衣液"].uid, 3) == 3
    book = pb.open_passbook(office, holder(office))
    pb.deposit(office, book.number, 200, "助老服务")
    redeem_item(office, book.number, items["洗衣液"].uid, 2)
    assert {i.name: i.stock for i in list_items(office)} == {"大米": 0, "洗衣液": 1}
    with office.read() as session:
        stock = session.scalars(select(CatalogStock)).one()
        assert (stock.site_code, stock.origin, stock.quantity) == (OFFICE, OFFICE, 1)  # the office's own record


def test_an_office_numbers_its_passbooks_under_its_own_code(office):
    first = pb.open_passbook(office, holder(office))
    assert first.number == f"{OFFICE}-000001"
    with pytest.raises(UserError, match=f"只能以本所的代码 {OFFICE}"):
        pb.open_passbook(office, holder(office, "周强"), STREET)
    with pytest.raises(UserError, match=f"只能以本所的代码 {OFFICE}"):
        life.take_over(office, "TZ-001", holder(office, "王芳"), 30, 0, 1, 1, site_code=STREET)
    # books the street issued under this office's code before it ran Yichao arrive: numbering goes on after them
    arrived(office, Passbook, STREET, number=f"{OFFICE}-000007", site_code=OFFICE, seq=7,
            holder_uid=holder(office, "刘建国"), status="active", opened_on=first.opened_on)
    assert pb.open_passbook(office, holder(office, "陈静")).number == f"{OFFICE}-000008"


def test_a_street_stops_issuing_under_an_office_that_runs_on_its_own(workspace, office, tmp_path):
    on_behalf = pb.open_passbook(workspace, holder(workspace), OFFICE)  # before the office has its own PC
    assert on_behalf.number == f"{OFFICE}-000001"
    export_key_file(office, tmp_path / "office.key")
    trust_key_file(workspace, tmp_path / "office.key")
    with pytest.raises(UserError, match="已作为社区储蓄所独立运行"):
        pb.open_passbook(workspace, holder(workspace, "周强"), OFFICE)
    # a book the street issued for the office is replaced under the street's own code
    new = life.replace(workspace, on_behalf.number, "封面破损")
    assert new.number.startswith(f"{STREET}-")
    assert pb.open_passbook(workspace, holder(workspace, "王芳")).number.startswith(f"{STREET}-")
