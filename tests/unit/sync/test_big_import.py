"""A big bundle on SQLite (models/bulk.py big_write): the district drops the secondary indexes of
the tables the bundle at least doubles and builds them again in the same transaction; what it
stores is the same as without, and every index is back."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import Index

from tests.unit.sync.support import add_community, add_people, move, pair
from yichao.app.core.errors import UserError
from yichao.app.sync.canonical import canonical_lines
from yichao.app.sync.importer import import_bundle
from yichao.models import bulk

INDEXES = "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"


def spy_drops(monkeypatch) -> list[str]:
    """The names of the indexes big_write drops, from now on."""
    dropped: list[str] = []
    real = Index.drop

    def drop(self, bind, checkfirst=False):
        dropped.append(self.name)
        return real(self, bind, checkfirst)

    monkeypatch.setattr(Index, "drop", drop)
    return dropped


def indexes(ws) -> list[str]:
    with ws.engine.connect() as conn:
        return [r[0] for r in conn.exec_driver_sql(INDEXES)]


def test_a_big_import_stores_the_same_and_rebuilds_every_index(make_workspace, tmp_path, monkeypatch):
    a = make_workspace("street", "370102001", "甸柳街道", "370102")
    b = make_workspace("street", "370102002", "姚家街道", "370102")
    d = make_workspace("district", "370102", "历下区", "")
    rng = random.Random(7)
    for street in (a, b):
        pair(street, d, tmp_path)
        add_people(street, 40, rng, add_community(street, f"{street.site.name}社区"))
    schema = indexes(d)
    assert len(schema) > 20
    dropped = spy_drops(monkeypatch)
    monkeypatch.setattr(bulk, "BIG", 1)  # every import a big one: the empty district's tables double
    move(a, d, tmp_path)
    assert {"ix_person_name", "ix_person_phone", "ix_journal_uid", "ix_sync_hash_digest"} <= set(dropped)
    assert indexes(d) == schema
    dropped.clear()
    monkeypatch.setattr(bulk, "BIG", 10**9)  # the second street the ordinary way
    move(b, d, tmp_path)
    assert not dropped and indexes(d) == schema
    for street in (a, b):
        assert canonical_lines(d, [street.site.code]) == canonical_lines(street, [street.site.code])
    with d.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_a_big_import_that_fails_leaves_the_indexes(make_workspace, tmp_path, monkeypatch):
    a = make_workspace("street", "370102001", "甸柳街道", "370102")
    d = make_workspace("district", "370102", "历下区", "")
    pair(a, d, tmp_path)
    add_people(a, 10, random.Random(3), add_community(a, "山水社区"))
    path = move(a, d, tmp_path, apply=False)
    schema = indexes(d)
    dropped = spy_drops(monkeypatch)
    monkeypatch.setattr(bulk, "BIG", 1)

    def broken(*args, **kwargs):
        raise UserError("写到一半出错。")

    monkeypatch.setattr("yichao.app.sync.importer._store_hashes", broken)  # after the records, inside big_write
    with pytest.raises(UserError, match="写到一半"):
        import_bundle(d, path)
    assert "ix_person_name" in dropped and indexes(d) == schema  # the rollback brought them back
    with d.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == 0
