"""`yichao demo --with-offices` (issue 17 point 6): the demo street with two community savings
offices that exchanged bundles with it. The street holds both offices' records with their origin
(and shows them in its roll-up by site); each office holds the street's rules and catalog,
read-only; no district key or district-origin record is made."""

from __future__ import annotations

import importlib
import random

from sqlalchemy import func, select

from yichao.app.core import open_workspace
from yichao.app.core.workspace import CurrentUser
from yichao.app.demo import DEMO_STEPS, DemoContext, offices, run_demo
from yichao.app.passbook import list_items, list_rules
from yichao.app.stats import build_report, current, dashboard_data
from yichao.app.sync import list_peers
from yichao.models.passbook import LedgerEntry, Passbook
from yichao.models.person import Person
from yichao.models.site import Community


def _origins(ws, model) -> dict[str, int]:
    with ws.read() as s:
        return dict(s.execute(select(model.origin, func.count()).group_by(model.origin)).all())


def test_two_offices_exchange_with_the_demo_street(workspace, tmp_path):
    ctx = DemoContext(random.Random(5), 40, scratch=tmp_path / "scratch")
    ctx.scratch.mkdir()
    for name in DEMO_STEPS:  # the steps alone: the offices' folders stay to be looked into
        importlib.import_module(name).run(workspace, ctx)
    line = offices.run(workspace, ctx)
    assert line.startswith("社区储蓄所 2 个")
    sites = offices.office_sites(workspace, ctx)
    codes = [o.code for o in sites]
    assert codes == ["370102001901", "370102001902"]
    people, books, entries = (_origins(workspace, m) for m in (Person, Passbook, LedgerEntry))
    for code in codes:
        assert people[code] >= 6 and books[code] >= 1 and entries[code] >= 1
    assert set(people) == {workspace.site.code, *codes}  # nothing of a stand-in district
    assert {(p.code, p.role) for p in list_peers(workspace)} == {(c, "community") for c in codes}
    with workspace.read() as s:  # each office's own community came with its residents
        assert set(s.scalars(select(Community.name).where(Community.origin.in_(codes)))) == {"甸柳新村社区", "窑头社区"}
    table = build_report(workspace, current("month")).table("sites")
    assert [r[0] for r in table.rows] == ["甸柳街道本级", "　甸柳新村社区储蓄所", "　窑头社区储蓄所", "合计"]
    assert table.row("　窑头社区储蓄所")[2] == people[codes[1]]
    street_rules = {r.name for r in list_rules(workspace)}
    street_items = {i.name for i in list_items(workspace)}
    assert street_rules and street_items
    for site in sites:
        office = open_workspace(site.folder)
        try:
            office.user = CurrentUser("admin", "admin", "管理员")
            rules, items = list_rules(office), list_items(office)
            assert {r.name for r in rules} == street_rules and all(r.read_only for r in rules)
            assert {i.name for i in items} == street_items and all(i.read_only for i in items)
            assert {p.code for p in list_peers(office)} == {workspace.site.code}
        finally:
            office.close()


def test_the_demo_command_makes_them_on_request_only(make_workspace):
    street = make_workspace()
    lines = run_demo(street, residents=30, seed=2, offices=True)
    assert lines[-1].startswith("社区储蓄所 2 个")
    assert {"370102001901", "370102001902"} <= set(_origins(street, Person))
    # trusting its offices' keys is not the first step of exchanging with the district
    assert "first_key" in {t.key for t in dashboard_data(street).todos}
    plain = make_workspace(folder="plain")
    lines = run_demo(plain, residents=30, seed=2)
    assert not any("社区储蓄所" in line for line in lines)
    assert set(_origins(plain, Person)) == {"370102001"} and list_peers(plain) == []
