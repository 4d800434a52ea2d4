"""A community savings office exchanges bundles with its street the way a street does with its
district (issue 17 point 1): its counter's work goes up with its origin kept, and the street's
rules and catalog come down to it, read-only there."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from yichao.app.passbook import accounts as pb
from yichao.app.passbook.catalog import ItemInput, list_items, restock, save_item
from yichao.app.passbook.rules import RuleInput, points_for_service, save_rule
from yichao.app.people.residents import PersonInput, create_person
from yichao.models.passbook import LedgerEntry, Passbook
from yichao.models.person import Person

from .support import make_street_and_office, move

STREET, OFFICE = "370102001", "370102001003"


@pytest.fixture
def street_and_office(make_workspace, tmp_path):
    return make_street_and_office(make_workspace, tmp_path)


def test_the_office_s_counter_reaches_the_street_with_its_origin(street_and_office, tmp_path):
    street, office = street_and_office
    person = create_person(office, PersonInput(name="孙丽", is_volunteer=True, phone="13812345678"))
    book = pb.open_passbook(office, person.uid)
    pb.deposit(office, book.number, 30, "助老服务", hours=2)
    pb.redeem(office, book.number, 5, "兑换毛巾")
    move(office, street, tmp_path)
    with street.read() as session:
        got = session.scalars(select(Passbook).where(Passbook.number == book.number)).one()
        assert (got.origin, got.site_code, got.balance) == (OFFICE, OFFICE, 25)
        assert session.get(Person, person.uid).origin == OFFICE
        assert [e.points for e in session.scalars(select(LedgerEntry).where(LedgerEntry.passbook_uid == got.uid)
                                                  .order_by(LedgerEntry.seq))] == [30, -5]
    move(office, street, tmp_path)  # the same changes again: nothing changes
    assert pb.get_passbook(street, book.number).balance == 25


def test_the_street_s_rules_and_items_reach_the_office_read_only(street_and_office, tmp_path):
    street, office = street_and_office
    save_rule(street, RuleInput("清扫每小时", "hourly", "环境清洁", 8))
    item = save_item(street, ItemInput("洗衣液", 60, "生活用品", "瓶"))
    restock(street, item.uid, 10)  # the street's shelf stays the street's
    move(street, office, tmp_path)
    assert points_for_service(office, "环境清洁", 2) == 16
    (row,) = list_items(office)
    assert (row.name, row.read_only, row.stock) == ("洗衣液", True, 0)
    assert restock(office, item.uid, 4) == 4
    move(office, street, tmp_path)
    assert list_items(street)[0].stock == 10  # each site's stock is its own record
