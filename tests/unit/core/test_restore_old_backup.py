"""A backup made before identity numbers were sealed (migration 0016) holds them in clear; restoring
it seals them on the way in, so the database file holds no clear number afterwards."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from alembic import command

from yichao.app.core.backup import backup_database
from yichao.app.core.paths import db_path
from yichao.app.core.restore import restore_database
from yichao.app.core.workspace import open_workspace
from yichao.app.people.residents import PersonInput, create_person, person_uid_by_id_number, reveal_id_number
from yichao.models import migrate
from yichao.models.db import make_engine, sqlite_url
from yichao.models.identifiers import make_id_number

NUMBERS = [make_id_number("370102", date(1950 + i, 1 + i % 12, 2 + i), 300 + i) for i in range(12)]


def _as_before_0016(backup: Path) -> None:
    """Take a backup file back to the schema before 0016 and put its numbers in clear, as an old
    Yichao wrote them (the same site, users and journal)."""
    engine = make_engine(sqlite_url(backup))
    cfg = migrate.alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011_community")
    engine.dispose()
    conn = sqlite3.connect(backup)
    try:
        uids = [u for (u,) in conn.execute("SELECT uid FROM person WHERE id_number IS NOT NULL ORDER BY name")]
        assert len(uids) == len(NUMBERS)
        for uid, number in zip(uids, NUMBERS, strict=True):
            conn.execute("UPDATE person SET id_number = ? WHERE uid = ?", (number, uid))
        assert "0016_sealed_ids" not in {v for (v,) in conn.execute("SELECT version_num FROM alembic_version")}
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")  # everything in the one file, as a backup is
    finally:
        conn.close()
    raw = backup.read_bytes()
    assert all(n.encode() in raw for n in NUMBERS)  # the old file really holds them in clear


def _clear_numbers_in(db_file: Path) -> list[str]:
    found = []
    with sqlite3.connect(db_file) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                text = " ".join(str(v) for v in row)
                found += [f"{table}: {n}" for n in NUMBERS if n in text]
    raw = db_file.read_bytes()
    found += [f"file: {n}" for n in NUMBERS if n.encode() in raw]
    return found


def test_restoring_a_backup_from_before_sealing_leaves_no_clear_number(workspace, tmp_path):
    made = [create_person(workspace, PersonInput(name=f"居民{i:02d}", id_number=n)) for i, n in enumerate(NUMBERS)]
    folder = workspace.data_dir
    backup = backup_database(db_path(folder), tmp_path / "old-backups", reason="old")
    _as_before_0016(backup)
    workspace.close()

    restore_database(folder, backup)

    assert _clear_numbers_in(db_path(folder)) == []
    ws = open_workspace(folder)
    try:
        ws.user = workspace.user
        with ws.read() as s:
            assert person_uid_by_id_number(s, NUMBERS[5]) == made[5].uid
        assert reveal_id_number(ws, made[7].uid) == NUMBERS[7]
    finally:
        ws.close()
    assert _clear_numbers_in(db_path(folder)) == []
