"""The journal hook: every change journaled in the same transaction; rev, origin, tombstones."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from yichao.app.core.errors import ForeignRecordError, UserError
from yichao.models.journal import JournalEntry, bulk_apply, bulk_insert, dumps, to_jsonable
from yichao.models.person import Person
from yichao.models.site import Community


def journal_of(ws, uid):
    with ws.read() as s:
        return list(s.scalars(select(JournalEntry).where(JournalEntry.uid == uid).order_by(JournalEntry.id)))


def test_insert_update_tombstone_are_journaled_with_rev(workspace):
    with workspace.unit() as s:
        c = Community(name="燕山社区")
        s.add(c)
    assert c.rev == 1 and c.origin == "370102001"
    with workspace.unit() as s:
        c2 = s.get(Community, c.uid)
        c2.name = "燕山新社区"
    with workspace.unit() as s:
        s.get(Community, c.uid).deleted = True
    entries = journal_of(workspace, c.uid)
    assert [(e.op, e.rev) for e in entries] == [("insert", 1), ("update", 2), ("delete", 3)]
    assert json.loads(entries[1].before) == {"name": "燕山社区"}
    assert json.loads(entries[1].data)["name"] == "燕山新社区"
    assert all(e.user == "admin" for e in entries)


def test_failed_transaction_leaves_no_journal(workspace):
    with pytest.raises(RuntimeError):
        with workspace.unit() as s:
            s.add(Community(name="临时社区"))
            s.flush()
            raise RuntimeError("boom")
    with workspace.read() as s:
        assert s.scalars(select(Community).where(Community.name == "临时社区")).first() is None
        assert s.scalars(select(JournalEntry).where(JournalEntry.data.like("%临时社区%"))).first() is None


def test_hard_delete_of_synced_record_is_refused(workspace):
    with workspace.unit() as s:
        c = Community(name="甲社区")
        s.add(c)
    with pytest.raises(UserError, match="不能被物理删除"):
        with workspace.unit() as s:
            s.delete(s.get(Community, c.uid))
    with workspace.read() as s:
        assert s.get(Community, c.uid) is not None


def test_record_of_another_site_cannot_be_changed(workspace):
    with workspace.unit() as s:
        c = Community(name="区属记录", origin="370102")
        s.add(c)
    with pytest.raises(ForeignRecordError):
        with workspace.unit() as s:
            s.get(Community, c.uid).name = "改名"
    with workspace.read() as s:
        assert s.get(Community, c.uid).name == "区属记录"


def test_bulk_insert_journals_every_row_and_hides_identity_numbers(workspace):
    rows = [{"name": f"居民{i}", "id_number": f"11010519491231{i:03d}X"[:18], "id_masked": "110105********002X"}
            for i in range(3)]
    with workspace.unit() as s:
        assert bulk_insert(s, Person, rows) == 3
    with workspace.read() as s:
        people = list(s.scalars(select(Person)))
        entries = list(s.scalars(select(JournalEntry).where(JournalEntry.entity == "person")))
    assert len(people) == 3 and all(p.rev == 1 for p in people)
    assert len(entries) == 3
    assert all("id_number" not in json.loads(e.data) for e in entries)
    assert all("110105********002X" in e.data for e in entries)


def test_bulk_insert_stores_defaults_for_none_and_journals_what_is_stored(workspace):
    """Core bulk insert: an explicit None of a column with a default takes the default (as the ORM's bulk
    insert did), the journal records exactly the stored values, and rows may refer to a record added
    to the session just before (it is flushed first, as an ORM insert would)."""
    with workspace.unit() as s:
        community = Community(name="燕山社区")
        s.add(community)
        s.flush()
        rows = [{"name": "张三", "phone": None, "community_uid": community.uid},
                {"name": "李四", "gender": "female", "community_uid": community.uid}]
        s.add(Community(name="新社区"))  # pending, flushed by bulk_insert before its rows go in
        assert bulk_insert(s, Person, rows) == 2
    with workspace.read() as s:
        people = {p.name: p for p in s.scalars(select(Person))}
        entries = {
            e.uid: json.loads(e.data) for e in s.scalars(select(JournalEntry).where(JournalEntry.entity == "person"))
        }
        assert s.scalars(select(Community).where(Community.name == "新社区")).first() is not None
    assert people["张三"].phone == "" and people["李四"].gender == "female"
    for person in people.values():
        data = entries[person.uid]
        assert data["phone"] == person.phone and data["community_uid"] == person.community_uid
        assert data["rev"] == 1 and data["origin"] == "370102001" and data["deleted"] is False
        assert data["updated_at"] == person.updated_at.isoformat()


def test_bulk_apply_journals_the_text_the_hook_would_write(workspace):
    """Received records as they are stored: the journal's text is ``dumps`` of their JSON values
    (times in the zone they came in, dates, nulls), without the hidden identity number; an
    update that tombstones is a delete."""
    east = timezone(timedelta(hours=8))

    def person(i: int, **over):
        row = {"uid": f"d0000000-0000-4000-8000-00000000000{i}", "origin": "370102", "rev": 2,
               "updated_at": datetime(2026, 1, i, 9, tzinfo=east if i % 2 else UTC), "deleted": False,
               "name": f"崔{i}", "name_initials": "c", "name_sort": "", "gender": "", "id_number": None,
               "id_suffix": "", "id_masked": "", "phone": "", "community_uid": None, "building": "", "unit": "",
               "room": "", "household_head": False, "is_volunteer": i == 2, "volunteer_number": "",
               "skills": "", "offers": "", "notes": "常住"}
        return {**row, **over}

    inserts = [person(1, id_number="110105194912310021"), person(2)]
    with workspace.unit() as s:
        s.info["sync_apply"] = True
        bulk_apply(s, Person, inserts, [])
    updates = [person(1, rev=3, deleted=True, id_number="110105194912310021"), person(2, rev=3, notes="搬走")]
    with workspace.unit() as s:
        s.info["sync_apply"] = True
        bulk_apply(s, Person, [], updates)
    with workspace.read() as s:
        entries = [(e.uid, e.rev, e.op, e.data) for e in s.scalars(
            select(JournalEntry).where(JournalEntry.entity == "person").order_by(JournalEntry.id))]
    expected = [(r["uid"], r["rev"], op, dumps({k: to_jsonable(v) for k, v in r.items() if k != "id_number"}))
                for r, op in zip([*inserts, *updates], ["insert", "insert", "delete", "update"])]
    assert entries == expected
    assert '"updated_at": "2026-01-01T09:00:00+08:00"' in entries[0][3] and "1949" not in entries[0][3]
