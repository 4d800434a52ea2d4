"""The district's statistics after a real relay (issue 17 points 2 and 5 together): the offices'
work that came up through their street shows as the street's offices, under the street, with the
office's name, and the figures add up at every level."""

from __future__ import annotations

from datetime import date

from yichao.app.passbook import accounts as pb
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.stats.dashboard import dashboard_data
from yichao.app.stats.period import Period
from yichao.app.stats.sites import rollup_table, site_rows

from .support import move, pair

DISTRICT, STREET = "370102", "370102001"
OFFICES = {"370102001003": "甸柳新村社区储蓄所", "370102001004": "窑头社区储蓄所"}


def test_the_district_shows_each_office_under_its_street_after_the_relay(make_workspace, tmp_path):
    district = make_workspace("district", DISTRICT, "历下区", "")
    street = make_workspace("street", STREET, "甸柳街道", DISTRICT)
    pair(street, district, tmp_path)
    offices = []
    for code, name in OFFICES.items():
        office = make_workspace("community", code, name, STREET)
        pair(street, office, tmp_path)
        offices.append(office)
    for i, office in enumerate(offices):  # office i registers i + 1 residents
        for j in range(i + 1):
            create_person(office, PersonInput(name=f"居民{i}{j}"))
    create_person(street, PersonInput(name="街道居民"))
    volunteer = create_person(offices[1], PersonInput(name="孙丽", is_volunteer=True))
    book = pb.open_passbook(offices[1], volunteer.uid)
    pb.deposit(offices[1], book.number, 40, "助老服务", hours=2)
    for office in offices:
        move(office, street, tmp_path)
    move(street, district, tmp_path)

    month = Period("month", date.today().year, date.today().month)
    with district.read() as s:
        rows = site_rows(s, district.site)
        table = rollup_table(s, rows, month, "各街道")
    assert table is not None
    labels = [row[0] for row in table.rows]
    assert labels == ["甸柳街道", "　甸柳街道本级", "　甸柳新村社区储蓄所", "　窑头社区储蓄所", "合计"]
    residents = [c.title for c in table.columns].index("登记居民（人）")
    counts = {row[0].strip(): row[residents] for row in table.rows}
    assert counts == {"甸柳街道": 5, "甸柳街道本级": 1, "甸柳新村社区储蓄所": 1, "窑头社区储蓄所": 3, "合计": 5}
    deposited = [c.title for c in table.columns].index("存入积分（分）")
    assert {row[0].strip(): row[deposited] for row in table.rows}["窑头社区储蓄所"] == 40
    assert dashboard_data(district).sites is not None  # the district's 工作台 carries the table too
