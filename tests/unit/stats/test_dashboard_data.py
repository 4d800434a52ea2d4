"""What the 工作台 shows, computed by the app: cards, trend charts and to-dos agree with the figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from yichao.app.core.errors import PermissionDenied
from yichao.app.people import PersonInput, create_person
from yichao.app.stats import figures
from yichao.app.stats.compute import evaluate, figure_values
from yichao.app.stats.dashboard import dashboard_data
from yichao.app.stats.drill import drill_down
from yichao.app.stats.period import Period
from yichao.app.stats.scope import own_scope
from yichao.models.journal import bulk_insert
from yichao.models.person import Person

NOW = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)


def test_cards_are_the_figure_values_for_now_this_month_or_this_year(workspace):
    with workspace.unit() as s:
        bulk_insert(s, Person, [{"name": f"居民{i}", "is_volunteer": i % 2 == 0} for i in range(6)])
    data = dashboard_data(workspace, now=NOW)
    assert data.month == Period("month", 2026, 11)
    cards = {c.key: c for c in data.cards}
    assert cards["residents"].value == 6 and cards["residents"].detail == "当前"
    assert cards["volunteers"].value == 3 and cards["volunteers"].page == "residents"
    with workspace.read() as s:
        for card in data.cards:
            fig = figures.get(card.key)
            assert fig is not None and fig.dashboard
            period = Period("year", 2026) if card.detail == "本年" else data.month
            if fig.kind == "flow":
                assert card.value == evaluate(s, fig, period).number, card.key
    assert all(not figures.get(c.key).kind == "breakdown" for c in data.cards)
    assert data.seconds >= 0


def test_trend_charts_span_twelve_months_and_group_figures(workspace):
    data = dashboard_data(workspace, now=NOW)
    trends = [c for c in data.charts if c.key.startswith("trend_")]
    for chart in trends:
        assert len(chart.categories) == 12 and chart.categories[-1] == "11"
        assert chart.axis_title == "月份（2025年12月至2026年11月）"
        assert all(len(s.values) == 12 for s in chart.series)
    grouped = [c for c in trends if len(c.series) > 1]
    if figures.get("needs_new") and figures.get("needs_closed"):
        assert any({s.name for s in c.series} == {"新登记需求", "办结需求"} for c in grouped)


def test_todos_carry_their_count_and_page(workspace):
    data = dashboard_data(workspace, now=NOW)
    assert "bundle_overdue" not in {t.key for t in data.todos}  # a street just set up is not warned
    later = dashboard_data(workspace, now=datetime.now(UTC) + timedelta(days=45))
    todo = {t.key: t for t in later.todos}["bundle_overdue"]  # 45 days on, still never exchanged
    assert todo.count == 1 and todo.page == "sync" and "数据包" in todo.text
    assert all("%d" not in t.text and t.count > 0 for t in data.todos)


def test_the_dashboard_needs_a_signed_in_user(workspace):
    workspace.user = None
    with pytest.raises(PermissionDenied):
        dashboard_data(workspace)


def test_an_office_s_dashboard_shows_no_organization_or_project_figures(workspace, make_workspace):
    """A community savings office does not incubate organizations or run venture rounds (core.levels):
    its 工作台 shows what it does (residents, needs, points), not a row of zeros it cannot change."""
    office = make_workspace(role="community", code="370102001003", name="甸柳新村社区储蓄所", parent="370102001")
    street_cards = {c.key for c in dashboard_data(workspace, now=NOW).cards}
    office_data = dashboard_data(office, now=NOW)
    office_cards = {c.key for c in office_data.cards}
    assert {"orgs_incubating", "orgs_new", "activities", "projects_running", "program_budget"} <= street_cards
    assert office_cards == {k for k in street_cards if figures.get(k).work == ""}
    assert {"residents", "needs_new", "points_deposited", "points_redeemed"} <= office_cards
    charted = {s.name for chart in office_data.charts for s in chart.series}
    assert "开展活动" not in charted and "存入积分" in charted


def test_an_office_counts_its_own_records_not_those_it_holds_for_others(make_workspace):
    """An office holds its street's residents and its sibling offices' passbook holders (relayed to
    it); its 工作台, the list behind a card and its report count only what the office recorded."""
    office = make_workspace(role="community", code="370102001003", name="甸柳新村社区储蓄所", parent="370102001")
    with office.unit() as s:
        bulk_insert(s, Person, [{"name": f"街道居民{i}", "origin": "370102001"} for i in range(5)]
                    + [{"name": f"邻所居民{i}", "origin": "370102001004"} for i in range(2)])
    mine = [create_person(office, PersonInput(name=f"本所居民{i}", is_volunteer=i == 0)).uid for i in range(3)]
    cards = {c.key: c.value for c in dashboard_data(office).cards}
    assert cards["residents"] == 3 and cards["volunteers"] == 1
    assert set(drill_down(office, "residents").uids or ()) == set(mine)
    assert drill_down(office, "volunteers").uids == (mine[0],)
    values = figure_values(office, Period("month", NOW.year, NOW.month), own_scope(office.site), ["residents"])
    assert values["residents"].number == 3
