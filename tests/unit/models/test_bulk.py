"""models/bulk.py: rows by column name written below Core, converted as Core converts them."""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Boolean, Column, Index, Integer, MetaData, String, Table, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from yichao.models import bulk
from yichao.models.base import UTCDateTime
from yichao.models.bulk import (
    big_write,
    delete_in,
    insert_rows,
    insert_values,
    paused_gc,
    select_in,
    stored_values,
    update_rows,
)
from yichao.models.db import make_engine

md = MetaData()
thing = Table("thing", md, Column("uid", String(36), primary_key=True), Column("n", Integer, default=7),
              Column("flag", Boolean, default=False), Column("at", UTCDateTime), Column("note", String(20)))
Index("ix_thing_note", thing.c.note)
Index("ux_thing_n_note", thing.c.n, thing.c.note, unique=True)


@pytest.fixture()
def session(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 't.db'}")
    md.create_all(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


def test_insert_converts_fills_defaults_and_updates(session: Session) -> None:
    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    east = now.astimezone(timezone(timedelta(hours=8)))  # equal to now: stored the same
    insert_rows(session, thing, [{"uid": "a", "flag": True, "at": now, "note": "x"},
                                 {"uid": "b", "flag": False, "at": east, "note": None},
                                 {"uid": "c", "n": 3, "flag": True, "at": None, "note": "z"}])
    update_rows(session, thing, [{"uid": "a", "note": "y"}, {"uid": "c", "n": 4, "note": "w"},
                                 {"uid": "b", "at": east + timedelta(days=1), "flag": True}])
    rows = {r.uid: r for r in session.execute(select(thing))}
    assert rows["a"].n == 7 and rows["a"].flag is True and rows["a"].at == now and rows["a"].note == "y"
    assert rows["b"].at == now + timedelta(days=1) and rows["b"].note is None and rows["b"].flag is True
    assert rows["c"].n == 4 and rows["c"].at is None and rows["c"].note == "w"


def test_driver_errors_are_sqlalchemy_errors(session: Session) -> None:
    insert_rows(session, thing, [{"uid": "a"}])
    with pytest.raises(IntegrityError):
        insert_rows(session, thing, [{"uid": "b"}, {"uid": "a"}])


def indexes(session: Session) -> set[str]:
    return set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'thing' "
                                    "AND sql IS NOT NULL")))


def test_a_big_write_drops_and_rebuilds_the_secondary_indexes_of_a_table_it_doubles(session, monkeypatch) -> None:
    monkeypatch.setattr(bulk, "BIG", 3)
    insert_rows(session, thing, [{"uid": f"old{i}", "n": i, "note": "x"} for i in range(3)])
    seen: list[tuple[set[str], int]] = []
    with big_write(session, 3, {thing: 3}):
        seen.append((indexes(session), session.execute(text("PRAGMA cache_size")).scalar_one()))
        insert_rows(session, thing, [{"uid": f"new{i}", "n": i, "note": "y"} for i in range(3)])
    assert seen == [({"ux_thing_n_note"}, -bulk.BIG_CACHE_KIB)]  # the unique one keeps guarding
    assert indexes(session) == {"ix_thing_note", "ux_thing_n_note"}
    assert session.execute(text("PRAGMA cache_size")).scalar_one() == -2000  # SQLite's default again
    assert session.scalar(select(thing.c.uid).where(thing.c.note == "y", thing.c.n == 2)) == "new2"
    # a table that grows by less than it holds, and a write below BIG, keep their indexes
    for rows, growth in ((3, {thing: 5}), (2, {thing: 99})):
        with big_write(session, rows, growth):
            assert indexes(session) == {"ix_thing_note", "ux_thing_n_note"}


def test_an_error_inside_a_big_write_rolls_back_to_the_indexes(session, monkeypatch) -> None:
    monkeypatch.setattr(bulk, "BIG", 1)
    session.commit()
    with pytest.raises(IntegrityError):
        with big_write(session, 2, {thing: 2}):
            insert_rows(session, thing, [{"uid": "a", "n": 1, "note": "z"}, {"uid": "b", "n": 1, "note": "z"}])
    session.rollback()
    assert indexes(session) == {"ix_thing_note", "ux_thing_n_note"}
    assert session.scalar(select(thing.c.uid)) is None


def test_the_collector_pauses_for_the_block_and_resumes_as_it_was() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), paused_gc():
        raise KeyError("x")
    assert gc.isenabled()  # after an error too
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # not switched on by a block that found it off
    finally:
        gc.enable()


def test_look_ups_and_deletes_by_key_page_through_stored_values(session: Session, monkeypatch) -> None:
    monkeypatch.setattr(bulk, "IN_PAGE", 2)  # five keys: three pages
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    insert_rows(session, thing, [{"uid": f"u{i}", "n": i, "flag": i % 2 == 0, "at": at + timedelta(hours=i),
                                  "note": "x"} for i in range(6)])
    east = [(at + timedelta(hours=i)).astimezone(timezone(timedelta(hours=8))) for i in (0, 2, 3, 4, 9)]
    keys = stored_values(session, thing.c.at, east)  # as stored: UTC text on SQLite
    assert sorted(select_in(session, thing, ("uid", "n"), "at", keys)) == [("u0", 0), ("u2", 2), ("u3", 3), ("u4", 4)]
    assert sorted(u for (u,) in select_in(session, thing, ("uid",), "at", keys, {"flag": True})) == ["u0", "u2", "u4"]
    delete_in(session, thing, "uid", ["u0", "u1", "u3", "u5", "nobody"], {"flag": False})
    assert sorted(session.scalars(select(thing.c.uid))) == ["u0", "u2", "u4"]
    delete_in(session, thing, "uid", [])
    assert list(select_in(session, thing, ("uid",), "uid", [])) == []


def test_rows_given_as_stored_tuples_are_written_page_by_page(session: Session, monkeypatch) -> None:
    monkeypatch.setattr(bulk, "PAGE", 2)
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    stored_at = stored_values(session, thing.c.at, [at])[0]
    assert insert_values(session, thing, ("uid", "at", "note"), [(f"u{i}", stored_at, str(i)) for i in range(5)]) == 5
    rows = session.execute(select(thing.c.uid, thing.c.at, thing.c.note, thing.c.n).order_by(thing.c.uid)).all()
    assert rows == [(f"u{i}", at, str(i), None) for i in range(5)]  # no defaults: the values are the rows
    assert insert_values(session, thing, ("uid",), []) == 0
