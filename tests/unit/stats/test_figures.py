"""Each foundation figure on hand-built data: residents, volunteers, communities, journal flows."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update

from yichao.app.stats import figures
from yichao.app.stats.compute import figure_values
from yichao.app.stats.fig_people import (
    communities,
    journal_changes,
    new_residents,
    residents,
    residents_by_community,
    volunteers,
    volunteers_by_community,
)
from yichao.app.stats.period import Period
from yichao.app.stats.scope import ALL, Scope, street_scopes
from yichao.models.journal import JournalEntry, bulk_insert
from yichao.models.person import Person
from yichao.models.site import Community


def add_people(ws, rows, community=None):
    with ws.unit() as s:
        bulk_insert(s, Person, [{"name": name, "is_volunteer": vol, "community_uid": community, **extra}
                                for name, vol, extra in rows])


def make_community(ws, name, **extra):
    with ws.unit() as s:
        c = Community(name=name, **extra)
        s.add(c)
        s.flush()
        return c.uid


def test_residents_volunteers_communities_count_live_records(workspace):
    a = make_community(workspace, "燕山社区")
    b = make_community(workspace, "和平路社区")
    add_people(workspace, [("张三", True, {}), ("李四", False, {}), ("王五", True, {})], a)
    add_people(workspace, [("赵六", False, {}), ("钱七", True, {"deleted": True})], b)
    with workspace.read() as s:
        assert residents(s, ALL) == 4
        assert volunteers(s, ALL) == 2
        assert communities(s, ALL) == 2
        assert dict(residents_by_community(s, ALL)) == {"燕山社区": 3, "和平路社区": 1}
        assert dict(volunteers_by_community(s, ALL)) == {"燕山社区": 2}


def test_people_without_community_are_counted_apart(workspace):
    add_people(workspace, [("孙八", False, {})])
    with workspace.read() as s:
        assert residents_by_community(s, ALL) == [("（未填社区）", 1)]


def _move_journal(ws, entity, when):
    with ws.unit() as s:
        s.execute(update(JournalEntry).where(JournalEntry.entity == entity).values(at=when))


def test_new_residents_and_changes_fall_in_their_beijing_month(workspace):
    add_people(workspace, [("甲", False, {}), ("乙", False, {})])
    # 2026-09-30 17:00 UTC is 2026-10-01 01:00 in Beijing: October, not September
    _move_journal(workspace, "person", datetime(2026, 9, 30, 17, 0, tzinfo=UTC))
    add_people(workspace, [("丙", False, {})])
    _move_journal_last(workspace, datetime(2026, 11, 15, tzinfo=UTC))
    months = [Period("month", 2026, m) for m in (9, 10, 11)]
    with workspace.read() as s:
        assert new_residents(s, ALL, months) == [0, 2, 1]
        assert journal_changes(s, ALL, months)[1] == 2
        assert new_residents(s, ALL, [Period("year", 2026)]) == [3]
        assert new_residents(s, ALL, []) == []


def _move_journal_last(ws, when):
    with ws.unit() as s:
        last = s.query(JournalEntry).filter(JournalEntry.entity == "person").order_by(JournalEntry.id.desc()).first()
        last.at = when


def test_district_scopes_count_each_street_by_origin(make_workspace):
    ws = make_workspace(role="district", code="370102", name="历下区")
    with ws.unit() as s:
        bulk_insert(s, Person, [{"name": "甲", "origin": "370102001", "is_volunteer": True},
                                {"name": "乙", "origin": "370102001"},
                                {"name": "丙", "origin": "370102002"}])
    with ws.read() as s:
        scopes = street_scopes(s, "370102")
        assert [sc.origin for sc in scopes] == ["370102001", "370102002"]
        assert residents(s, scopes[0]) == 2 and residents(s, scopes[1]) == 1
        assert residents(s, ALL) == 3
        assert volunteers(s, Scope("370102002")) == 0


def test_registry_and_service(workspace):
    keys = [f.key for f in figures.available()]
    assert {"residents", "volunteers", "communities", "new_residents"} <= set(keys)
    add_people(workspace, [("甲", True, {})])
    values = figure_values(workspace, Period("month", 2026, 10), keys=["residents", "volunteers"])
    assert {k: v.number for k, v in values.items()} == {"residents": 1, "volunteers": 1}
