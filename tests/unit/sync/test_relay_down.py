"""The district's records reach a community office through its street (issue 17 point 2, downward):
with the district's origin kept, read-only at the office, cumulative until the office acknowledges,
and only from the office's own street."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from yichao.app.core.errors import UserError
from yichao.app.passbook.catalog import ItemInput, list_items, save_item
from yichao.app.passbook.rules import RuleInput, list_rules, points_for_service, save_rule
from yichao.app.sync import export
from yichao.app.sync.export import export_bundle
from yichao.app.sync.importer import import_bundle
from yichao.models.passbook import PointsRule

from .support import make_three_levels, move, pair

DISTRICT, STREET, OFFICE = "370102", "370102001", "370102001003"


@pytest.fixture
def three_levels(make_workspace, tmp_path):
    return make_three_levels(make_workspace, tmp_path)


def _rules_sent(src, to: str, path) -> int:
    return export_bundle(src, to, path).counts.get("passbook_rule", 0)


def _origins(ws) -> dict[str, str]:
    with ws.read() as session:
        return {r.name: r.origin for r in session.scalars(select(PointsRule))}


def test_district_rules_and_items_reach_the_office_through_the_street(three_levels, tmp_path):
    district, street, office = three_levels
    save_rule(street, RuleInput("助老（街道）", "hourly", "助老服务", 6))
    save_rule(street, RuleInput("清扫", "hourly", "环境清洁", 8))
    rule = save_rule(district, RuleInput("助老（区）", "hourly", "助老服务", 10))
    save_item(district, ItemInput("大米", 100, "粮油", "袋"))
    move(district, street, tmp_path)
    move(street, office, tmp_path)
    assert _origins(office) == {"助老（区）": DISTRICT, "助老（街道）": STREET, "清扫": STREET}
    assert points_for_service(office, "助老服务", 1) == 10  # the district's rule wins at the office too
    assert points_for_service(office, "环境清洁", 1) == 8
    assert [(i.name, i.origin, i.read_only) for i in list_items(office)] == [("大米", DISTRICT, True)]
    assert all(r.read_only for r in list_rules(office))
    # a change at the district follows the same way
    save_rule(district, RuleInput("助老（区）", "hourly", "助老服务", 12), uid=rule.uid)
    move(district, street, tmp_path)
    move(street, office, tmp_path)
    assert points_for_service(office, "助老服务", 1) == 12


def test_a_lost_stick_between_street_and_office_heals_and_duplicates_change_nothing(three_levels, tmp_path):
    district, street, office = three_levels
    save_rule(district, RuleInput("需求", "need", points=20))
    move(district, street, tmp_path)
    lost = move(street, office, tmp_path, apply=False)  # this stick never reaches the office
    save_rule(district, RuleInput("积分三年有效", "expiry", years=3))
    move(district, street, tmp_path)
    second = move(street, office, tmp_path)
    assert set(_origins(office)) == {"需求", "积分三年有效"}
    import_bundle(office, lost)  # the older bundle turns up after all: nothing changes
    import_bundle(office, second)
    assert len(_origins(office)) == 2
    move(office, street, tmp_path)  # the office's acknowledgement: the street stops sending them
    assert _rules_sent(street, OFFICE, tmp_path / "third.ycb") == 0


def test_the_street_does_not_send_the_district_its_own_records_back(three_levels, tmp_path):
    district, street, _ = three_levels
    save_rule(district, RuleInput("需求", "need", points=20))
    move(district, street, tmp_path)
    save_rule(street, RuleInput("清扫", "hourly", "环境清洁", 8))
    assert _rules_sent(street, DISTRICT, tmp_path / "up.ycb") == 1  # its own rule only


def test_district_records_come_to_an_office_only_from_its_own_street(make_workspace, tmp_path, monkeypatch):
    other = make_workspace("street", "370102002", "姚家街道", DISTRICT)
    district = make_workspace("district", DISTRICT, "历下区", "")
    office = make_workspace("community", OFFICE, "甸柳新村社区储蓄所", STREET)
    pair(other, district, tmp_path)
    pair(other, office, tmp_path)  # a street that is not the office's own
    save_rule(district, RuleInput("需求", "need", points=20))
    move(district, other, tmp_path)
    assert _rules_sent(other, OFFICE, tmp_path / "plain.ycb") == 0  # not its office: nothing relayed
    # a street that passes its district's records on to someone else's office anyway is refused there
    monkeypatch.setattr(export, "relayed_to", lambda site, code, role: (site.parent_code,))
    with pytest.raises(UserError, match="不属于发送站点"):
        move(other, office, tmp_path)
    assert _origins(office) == {}
