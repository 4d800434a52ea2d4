"""models/bulk.py: rows by column name written below Core, converted as Core converts them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from yichao.models.base import UTCDateTime
from yichao.models.bulk import insert_rows, update_rows
from yichao.models.db import make_engine

md = MetaData()
thing = Table("thing", md, Column("uid", String(36), primary_key=True), Column("n", Integer, default=7),
              Column("flag", Boolean, default=False), Column("at", UTCDateTime), Column("note", String(20)))


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
    update_rows(session, thing, [{"uid": "a", "note": "y"}, {"uid": "c", "n": 4, "note": "w"}])
    rows = {r.uid: r for r in session.execute(select(thing))}
    assert rows["a"].n == 7 and rows["a"].flag is True and rows["a"].at == now and rows["a"].note == "y"
    assert rows["b"].at == now and rows["b"].note is None and rows["b"].flag is False
    assert rows["c"].n == 4 and rows["c"].at is None and rows["c"].note == "w"


def test_driver_errors_are_sqlalchemy_errors(session: Session) -> None:
    insert_rows(session, thing, [{"uid": "a"}])
    with pytest.raises(IntegrityError):
        insert_rows(session, thing, [{"uid": "b"}, {"uid": "a"}])
