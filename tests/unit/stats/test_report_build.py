"""The report model: its tables carry exactly what the figure functions compute."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from yichao.app.core.errors import PermissionDenied
from yichao.app.core.progress import Cancelled, CancelToken
from yichao.app.core.workspace import CurrentUser
from yichao.app.stats import figures
from yichao.app.stats.build import build_report
from yichao.app.stats.compute import evaluate
from yichao.app.stats.period import Period
from yichao.app.stats.scope import ALL
from yichao.models.journal import JournalEntry, bulk_insert
from yichao.models.person import Person
from yichao.models.site import Community


@pytest.fixture
def street(workspace):
    with workspace.unit() as s:
        c = Community(name="燕山社区")
        s.add(c)
        s.flush()
        bulk_insert(s, Person, [{"name": f"居民{i}", "is_volunteer": i % 3 == 0, "community_uid": c.uid}
                                for i in range(9)])
        s.execute(update(JournalEntry).where(JournalEntry.entity == "person")
                  .values(at=datetime(2026, 10, 10, tzinfo=UTC)))
    return workspace


def test_street_report_tables_match_the_figures(street):
    period = Period("month", 2026, 10)
    report = build_report(street, period)
    stock = report.table("stock")
    assert stock.row("登记居民")[2] == 9 and stock.row("注册志愿者")[2] == 3
    flows = report.table("period")
    assert [c.title for c in flows.columns] == ["指标", "单位", "本期", "上期", "增减"]
    assert flows.row("新登记居民")[2:] == (9, 0, 9)
    trend = report.table("trend")
    months, total = trend.rows[:-1], trend.rows[-1]
    assert len(months) == 12 and months[-1][0] == "2026-10" and total[0] == "合计"
    column = trend.column("新登记居民（人）")
    assert column[-2] == 9 and sum(column[:-1]) == 9 and column[-1] == 9  # the 合计 row adds the months
    chart = next(c for c in report.charts if c.key == "trend_new_residents")
    assert chart.categories == tuple(str(int(r[0][-2:])) for r in months)
    assert chart.axis_title == "月份（2025年11月至2026年10月）"
    assert chart.series[0].values == tuple(float(v) for v in column[:-1])
    by_community = report.table("residents_by_community")
    assert by_community.columns[0].title == "社区"  # the header names what it breaks down
    assert by_community.rows == (("燕山社区", 9), ("合计", 9))
    assert report.table("orgs_by_stage").columns[0].title == "阶段"
    assert "制表人：" in report.signature_line and "审核人：" in report.signature_line
    # every stock row is what the figure function says
    with street.read() as s:
        for fig in figures.available("stock"):
            assert stock.row(fig.label)[2] == evaluate(s, fig, period, ALL).number
    assert report.title == "甸柳街道2026年10月统计报表" and report.period == period


def test_yearly_trend_is_the_twelve_months_of_the_year(street):
    report = build_report(street, Period("year", 2026))
    assert report.title == "甸柳街道2026年度统计报表"
    trend = report.table("trend")
    assert trend.rows[0][0] == "2026-01" and trend.rows[-2][0] == "2026-12" and trend.rows[-1][0] == "合计"
    assert report.table("stock").row("社会组织总数")[2] == 0  # the yearly workbook carries the total
    assert report.table("period").row("新登记居民")[2:4] == (9, 0)


def test_district_report_has_a_column_per_street_and_the_total(make_workspace):
    ws = make_workspace(role="district", code="370102", name="历下区")
    with ws.unit() as s:
        bulk_insert(s, Person, [{"name": "甲", "origin": "370102001"}, {"name": "乙", "origin": "370102001"},
                                {"name": "丙", "origin": "370102002"}])
    report = build_report(ws, Period("month", 2026, 11))
    stock = report.table("stock")
    assert [c.title for c in stock.columns] == ["指标", "单位", "370102001", "370102002", "合计"]
    assert stock.row("登记居民")[2:] == (2, 1, 3)


def test_viewer_may_build_but_a_stranger_may_not(street):
    street.user = CurrentUser("v", "viewer")
    assert build_report(street, Period("month", 2026, 10)).tables
    street.user = None
    with pytest.raises(PermissionDenied):
        build_report(street, Period("month", 2026, 10))


def test_cancel_stops_the_build(street):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        build_report(street, Period("month", 2026, 10), cancel=token)


def test_progress_reaches_the_end(street):
    seen = []
    build_report(street, Period("month", 2026, 10), progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
