"""Statistics roll up by site (issue 17 point 5): the street's report and 工作台 show each community
savings office's figures and the street's total; the district's each street with its offices under
it. A site's row is the figures of the records of its origin, so the rows add up to the total."""

from __future__ import annotations

import random
import shutil
import subprocess
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import event, text

from tests.unit.sync.support import add_community, move, pair
from yichao.app.needs import NeedInput, claim, create_need, publish, start_service
from yichao.app.needs import finish_service as finish
from yichao.app.passbook import accounts as pb
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.stats.build import build_report
from yichao.app.stats.dashboard import dashboard_data
from yichao.app.stats.export import save_report
from yichao.app.stats.period import current
from yichao.app.stats.scope import Scope
from yichao.app.stats.sites import SiteRow, rollup_table
from yichao.models.journal import bulk_insert
from yichao.models.person import Person

STREET, EAST, WEST = "370102001", "370102001003", "370102001005"
NUMBERS = ("登记居民（人）", "存入积分（分）", "志愿服务时长（小时）", "未办结需求（件）", "在用爱心存折（本）")


def _counter(ws, rng: random.Random, people: int) -> None:
    """Messy counter work: volunteers and not, deposits with odd hours, a redemption, needs in
    every state (one served, one claimed, one still a draft)."""
    uids = [create_person(ws, PersonInput(name=f"居民{rng.randint(1, 10**6)}", is_volunteer=i % 2 == 0)).uid
            for i in range(people)]
    for uid in uids[::2]:
        book = pb.open_passbook(ws, uid)
        pb.deposit(ws, book.number, rng.randint(5, 40), "助老服务", hours=rng.choice([0.5, 1.25, 2, None]))
        if rng.random() < 0.5:
            pb.redeem(ws, book.number, 3, "兑换毛巾")
    for i, state in enumerate(("done", "claimed", "draft")[: max(1, people // 2)]):
        need = create_need(ws, NeedInput(f"需求{i}", requester_uid=uids[i + 1]))
        if state == "draft":
            continue
        publish(ws, need.uid)
        claim(ws, need.uid, "volunteer", uids[0])
        if state == "done":
            start_service(ws, need.uid)
            finish(ws, need.uid)


@pytest.fixture
def street_with_offices(make_workspace, tmp_path):
    street = make_workspace("street", STREET, "甸柳街道", "370102")
    east = make_workspace("community", EAST, "甸柳新村社区储蓄所", STREET)
    west = make_workspace("community", WEST, "窑头社区储蓄所", STREET)
    rng = random.Random(17)
    add_community(street, "燕山社区")
    _counter(street, rng, 5)
    for office, people in ((east, 4), (west, 3)):
        pair(street, office, tmp_path)
        _counter(office, rng, people)
        move(office, street, tmp_path)
    return street, east, west


def _check_adds_up(table, own: int, offices: list[int], total: int) -> None:
    for column in range(2, len(table.columns)):
        values = [row[column] for row in table.rows]
        assert values[total] == sum(values[i] for i in (own, *offices)), table.columns[column].title


def test_the_street_s_report_rolls_its_offices_up(street_with_offices):
    street, east, west = street_with_offices
    report = build_report(street, current("month"))
    table = report.table("sites")
    assert [r[:2] for r in table.rows] == [("甸柳街道本级", "街道本级"), ("　甸柳新村社区储蓄所", "社区储蓄所"),
                                           ("　窑头社区储蓄所", "社区储蓄所"), ("合计", "")]
    assert [c.title for c in table.columns][2:5] == ["登记居民（人）", "注册志愿者（人）", "新登记需求（件）"]
    _check_adds_up(table, 0, [1, 2], 3)
    # each office's row is what the office itself counts; the total is the street's whole database
    for row, office in ((table.rows[1], east), (table.rows[2], west)):
        alone = build_report(office, current("month"))
        for title in NUMBERS:
            label = title.split("（")[0]
            mine = alone.table("period" if label in ("存入积分", "志愿服务时长") else "stock").row(label)[2]
            assert row[[c.title for c in table.columns].index(title)] == mine, title
    assert table.row("合计")[2] == report.table("stock").row("登记居民")[2] == 12
    assert table.row("　甸柳新村社区储蓄所")[2] == 4
    hours = table.column("志愿服务时长（小时）")
    assert hours[3] == report.table("period").row("志愿服务时长")[2] and isinstance(hours[3], Decimal)
    deposited = table.column("存入积分（分）")
    assert report.table("period").row("存入积分")[2] == deposited[3] > deposited[1] > 0


def test_the_street_s_dashboard_shows_the_same_rows(street_with_offices):
    street, _, _ = street_with_offices
    data = dashboard_data(street)
    assert data.sites is not None
    report = build_report(street, current("month")).table("sites")
    assert data.sites.rows == report.rows
    assert data.sites.title.startswith("各站点本月数字")


def test_a_street_without_offices_and_an_office_show_no_roll_up(make_workspace, workspace):
    office = make_workspace("community", EAST, "甸柳新村社区储蓄所", STREET)
    for ws in (workspace, office):
        assert dashboard_data(ws).sites is None
        assert "sites" not in [t.key for t in build_report(ws, current("month")).tables]


def test_the_district_shows_each_street_with_its_offices_under_it(make_workspace):
    district = make_workspace(role="district", code="370102", name="历下区", parent="")
    rows = [(STREET, 3), (EAST, 2), (WEST, 4), ("370102002", 1), ("370102002001", 5)]
    with district.unit() as s:
        bulk_insert(s, Person, [{"name": f"居民{i}", "origin": origin, "is_volunteer": i % 2 == 0}
                                for origin, n in rows for i in range(n)])
    report = build_report(district, current("month"))
    table = report.table("sites")
    assert [r[:3] for r in table.rows] == [
        ("370102001", "街道", 9), ("　370102001本级", "街道本级", 3), ("　370102001003", "社区储蓄所", 2),
        ("　370102001005", "社区储蓄所", 4), ("370102002", "街道", 6), ("　370102002本级", "街道本级", 1),
        ("　370102002001", "社区储蓄所", 5), ("合计", "", 15)]
    _check_adds_up(table, 1, [2, 3], 0)
    _check_adds_up(table, 5, [6], 4)
    _check_adds_up(table, 0, [4], 7)
    stock = report.table("stock")  # a street's column takes in its offices' records
    assert [c.title for c in stock.columns][2:] == ["370102001", "370102002", "合计"]
    assert stock.row("登记居民")[2:] == (9, 6, 15)
    one = build_report(district, current("month"), origin="370102002").table("sites")
    assert [r[:3] for r in one.rows] == [("370102002", "街道", 6), ("　370102002本级", "街道本级", 1),
                                         ("　370102002001", "社区储蓄所", 5)]


def test_each_office_s_figures_read_a_covering_index(workspace):
    """At 100,000 residents and a million entries a row per office must not walk the table: every
    roll-up query of one origin reads a covering index (the ledger, residents and books)."""
    origins = [STREET, EAST, WEST]
    with workspace.unit() as s:
        bulk_insert(s, Person, [{"name": f"居民{i}", "origin": origins[i % 3]} for i in range(300)])
    with workspace.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        tables = ("person", "passbook", "passbook_entry")
        if any(f"FROM {t} " in statement or f"FROM {t}\n" in statement for t in tables):
            statements.append((statement, parameters))

    event.listen(workspace.engine, "before_cursor_execute", capture)
    try:
        with workspace.read() as s:
            rollup_table(s, [SiteRow(Scope(EAST, "东所"), "office")], current("month"), "x")
    finally:
        event.remove(workspace.engine, "before_cursor_execute", capture)
    assert len(statements) >= 6
    with workspace.engine.connect() as conn:
        for statement, parameters in statements:
            plan = " ".join(row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
            assert "COVERING INDEX" in plan and "SCAN" not in plan, (statement, plan)


def test_the_roll_up_reaches_the_pdf_and_the_workbook(street_with_offices, tmp_path):
    street, _, _ = street_with_offices
    report = build_report(street, current("month"))
    pdf = save_report(street, report, tmp_path / "r.pdf")
    assert pdf.stat().st_size > 1000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "各站点数字" in text and "窑头社区储蓄所" in text and "甸柳街道本级" in text
    book = openpyxl.load_workbook(save_report(street, report, tmp_path / "r.xlsx"))
    sheet = book[next(n for n in book.sheetnames if n.startswith("各站点数字"))]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("站点", "层级", "登记居民（人）")
    assert [r[:3] for r in rows[1:5]] == [("甸柳街道本级", "街道本级", 5), ("　甸柳新村社区储蓄所", "社区储蓄所", 4),
                                          ("　窑头社区储蓄所", "社区储蓄所", 3), ("合计", None, 12)]
