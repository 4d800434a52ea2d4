"""Identity numbers at rest (issue 18 point 5): a copied database file alone reveals none.

The file (and its WAL) is opened with plain sqlite3 and read byte by byte; the workspace still
finds residents by full number and by the last four characters, and a clerk can reveal a number.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from yichao.app.core import datakey
from yichao.app.core.workspace import open_workspace
from yichao.app.people.residents import (
    PeopleFilter,
    PersonInput,
    create_person,
    person_uid_by_id_number,
    query_people,
    reveal_id_number,
)
from yichao.models.identifiers import make_id_number, mask_id_number
from yichao.models.journal import bulk_insert
from yichao.models.person import Person

NUMBERS = [make_id_number("370102", date(1960 + i, 1 + i % 12, 1 + i), 100 + i) for i in range(20)]


def _no_number_in(folder: Path) -> None:
    with sqlite3.connect(folder / "yichao.db") as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                text = " ".join(str(v) for v in row)
                assert not any(n in text for n in NUMBERS), f"{table} holds an identity number"
    for name in ("yichao.db", "yichao.db-wal"):
        file = folder / name
        if file.exists():
            raw = file.read_bytes()
            assert not any(n.encode() in raw for n in NUMBERS), name


def test_a_copied_database_file_reveals_no_identity_number(workspace, tmp_path):
    made = [create_person(workspace, PersonInput(name=f"居民{i}", id_number=n)) for i, n in enumerate(NUMBERS[:10])]
    with workspace.unit() as s:  # the bulk path of imports and bundles
        bulk_insert(s, Person, [{"name": f"导入{i}", "id_number": n, "id_masked": mask_id_number(n)}
                                for i, n in enumerate(NUMBERS[10:])])
    with workspace.read() as s:
        assert person_uid_by_id_number(s, NUMBERS[3]) == made[3].uid
        assert person_uid_by_id_number(s, NUMBERS[12]) is not None
    assert reveal_id_number(workspace, made[3].uid) == NUMBERS[3]
    for number in (NUMBERS[4], NUMBERS[15]):  # search by the last four characters
        found = query_people(workspace, PeopleFilter(text=number[-4:]))
        assert number[-4:] in {p.id_masked[-4:] for p in found} and found
    folder = workspace.data_dir
    workspace.close()
    copy = tmp_path / "copied"
    copy.mkdir()
    for name in ("yichao.db", "yichao.db-wal"):
        if (folder / name).exists():
            shutil.copy(folder / name, copy / name)
    _no_number_in(copy)
    assert datakey.key_path(folder).exists()


def test_the_migration_seals_the_numbers_a_database_already_has(tmp_path):
    from alembic import command

    from yichao.models import migrate
    from yichao.models.db import make_engine, sqlite_url

    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(sqlite_url(folder / "yichao.db"))
    cfg = migrate.alembic_config(engine)
    with engine.begin() as conn:  # a database of the version before 0016, clear numbers in it
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
        command.downgrade(cfg, "0011_community")
        for i, n in enumerate(NUMBERS):
            conn.execute(sa.text("INSERT INTO person (uid, origin, rev, updated_at, deleted, name, name_initials, "
                                 "gender, id_number, id_masked, phone, building, unit, room, household_head, "
                                 "is_volunteer, volunteer_number, skills, offers, notes, name_sort) VALUES "
                                 "(:u, '370102001', 1, '2026-01-01', 0, :name, '', '', :n, :m, '', '', '', '', 0, "
                                 "0, '', '', '', '', '')"),
                         {"u": f"00000000-0000-0000-0000-{i:012d}", "name": f"居民{i}", "n": n,
                          "m": mask_id_number(n)})
        # the district as a street knew it before: its hash key kept, bundles acknowledged up to 7
        columns = conn.execute(sa.text("PRAGMA table_info(sync_peer)")).all()
        values = {c[1]: ("2026-01-01" if "DATE" in c[2].upper() else 0 if c[2].upper() in ("INTEGER", "BOOLEAN")
                         else "") for c in columns}
        values.update(code="370102", hash_key="ab" * 32, in_journal_hi=7)
        names = ", ".join(values)
        conn.execute(sa.text(f"INSERT INTO sync_peer ({names}) VALUES ({', '.join(':' + k for k in values)})"), values)
    engine.dispose()
    ws = open_workspace(folder, create=True)  # migrates: seals every number, fills the suffixes
    try:
        with ws.read() as s:
            assert person_uid_by_id_number(s, NUMBERS[7]) == f"00000000-0000-0000-0000-{7:012d}"
            # no key learnt from another site is kept, and the peer is asked for all its records once
            # (the match keys of the residents received before are computed again, identity.py)
            assert s.execute(sa.text("SELECT hash_key, in_journal_hi FROM sync_peer")).all() == [("", 0)]
    finally:
        ws.close()
    shutil.rmtree(folder / "backups", ignore_errors=True)  # the pre-upgrade backup is the old file
    _no_number_in(folder)


def test_a_database_with_another_folders_key_is_one_sentence(workspace, tmp_path):
    import os

    create_person(workspace, PersonInput(name="张三", id_number=NUMBERS[0]))
    folder = workspace.data_dir
    workspace.close()
    shutil.copy(folder / "yichao.db", tmp_path / "stolen.db")
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'stolen.db'}")
    from yichao.models.sealed_column import attach_key

    attach_key(engine.dialect, os.urandom(datakey.KEY_BYTES))  # another PC's key
    from yichao.models.errors import UserError

    with engine.connect() as conn, pytest.raises(UserError, match="无法解密"):
        conn.execute(sa.select(Person.id_number).where(Person.id_number.is_not(None))).all()


def test_a_copied_district_database_cannot_confirm_a_guessed_number(make_workspace, tmp_path):
    """The district holds full numbers (privacy.py) and match keys for them: neither the numbers
    nor a key to test a guessed birth date against the match keys is in its database file."""
    import hashlib
    import hmac
    import random

    from tests.unit.sync.support import add_people, move, pair

    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    district = make_workspace("district", "370102", "历下区", "")
    pair(street, district, tmp_path)
    add_people(street, 5, random.Random(3), numbers=NUMBERS[:5])
    move(street, district, tmp_path)
    folder = district.data_dir
    with district.read() as s:
        assert person_uid_by_id_number(s, NUMBERS[2]) is not None  # the district can match
    district.close()
    _no_number_in(folder)
    with sqlite3.connect(folder / "yichao.db") as conn:
        digests = {d for (d,) in conn.execute("SELECT digest FROM sync_hash")}
        secrets = [bytes.fromhex(v) for table in ("sync_key", "sync_peer") for (v,) in conn.execute(
            f"SELECT hash_key FROM {table}") if v]
    assert len(digests) == 5 and secrets
    for key in secrets:  # every key the file holds, tried as the attacker would
        assert not {hmac.new(key, n.encode(), hashlib.sha256).hexdigest() for n in NUMBERS[:5]} & digests
