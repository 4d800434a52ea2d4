"""Opening a data folder: one instance, corrupt/foreign/newer files, unwritable folders, upgrades."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from tests.conftest import PASSWORD
from yichao.app.core import setup
from yichao.app.core.backup import list_backups
from yichao.app.core.errors import UserError
from yichao.app.core.paths import backups_dir, db_path
from yichao.app.core.workspace import DatabaseProblem, open_workspace
from yichao.models import migrate
from yichao.models.db import make_engine, sqlite_url


def test_second_instance_on_same_folder_is_refused(workspace):
    with pytest.raises(UserError, match="已经在使用这个数据文件夹"):
        open_workspace(workspace.data_dir)


def test_corrupt_database_gets_a_sentence(tmp_path, templates):
    folder = tmp_path / "corrupt"
    folder.mkdir()
    db_path(folder).write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    with pytest.raises(DatabaseProblem, match="损坏"):
        open_workspace(folder)


def test_foreign_files_are_refused(tmp_path):
    folder = tmp_path / "foreign"
    folder.mkdir()
    db_path(folder).write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(DatabaseProblem, match="不是益巢的数据库"):
        open_workspace(folder)
    db_path(folder).unlink()
    conn = sqlite3.connect(db_path(folder))
    conn.execute("create table songs (id integer)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseProblem, match="不是益巢的数据库"):
        open_workspace(folder)


def test_unwritable_data_folder_is_reported(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="无法写入"):
        setup.initialize(blocker / "data", "street", "370102001", "甸柳街道", "admin", PASSWORD)


def test_newer_database_is_refused_and_left_alone(workspace):
    folder = workspace.data_dir
    workspace.close()
    engine = make_engine(sqlite_url(db_path(folder)))
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))  # several heads: one row each
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0999_from_the_future')"))
    engine.dispose()
    before = db_path(folder).read_bytes()
    with pytest.raises(UserError, match="更新版本"):
        open_workspace(folder)
    assert db_path(folder).read_bytes() == before


def test_upgrade_is_preceded_by_a_backup(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(sqlite_url(db_path(folder)))
    cfg = migrate.alembic_config(engine)
    from alembic import command

    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_foundation")
    engine.dispose()
    ws = open_workspace(folder)
    try:
        assert not migrate.needs_upgrade(ws.engine)
        assert [b.path.name for b in list_backups(backups_dir(folder))][0].endswith("before-upgrade.db")
    finally:
        ws.close()


def test_wal_and_foreign_keys_are_on(workspace):
    with workspace.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("street", "37010200", "甸柳街道", "370102"), "应为9位数字"),
        (("district", "3701021", "历下区", ""), "应为6位数字"),
        (("street", "370102001", "  ", "370102"), "名称不能为空"),
        (("street", "370102001", "甸柳街道", "370103"), "应以上级区的代码"),
    ],
)
def test_wizard_site_validation(args, message):
    with pytest.raises(UserError, match=message):
        setup.validate_site(*args)


def test_initialising_twice_is_refused(workspace):
    folder = workspace.data_dir
    workspace.close()
    with pytest.raises(UserError, match="已经初始化过"):
        setup.initialize(folder, "street", "370102001", "甸柳街道", "admin", PASSWORD)


LAZY_MODELS_CHILD = r"""
import json, sys, threading
from pathlib import Path
from yichao.app.core.auth import login
from yichao.app.core.workspace import open_workspace
from yichao.models.registry import MODEL_MODULES, STARTUP_MODULES

ws = open_workspace(Path(sys.argv[1]))
print("loaded at open:", json.dumps(sorted(m for m in MODEL_MODULES if m in sys.modules)))
login(ws, "admin", sys.argv[2])

# the other models arrive on a thread while this one keeps using the database (the GUI's case)
errors = []
def import_rest():
    try:
        from yichao.models.registry import import_all
        import_all()
    except BaseException as exc:
        errors.append(repr(exc))
worker = threading.Thread(target=import_rest)
worker.start()
from sqlalchemy import func, select
from yichao.models.journal import JournalEntry
while worker.is_alive():
    with ws.read() as session:
        session.scalar(select(func.count()).select_from(JournalEntry))
worker.join()
from yichao.app.orgs.profile import OrgInput, create_org
from yichao.models.journal import journaled_models
create_org(ws, OrgInput(name="夕阳红志愿服务队"))
print("journaled:", json.dumps(sorted(m.__tablename__ for m in journaled_models())))
print("errors:", json.dumps(errors))
ws.close()
"""


def test_opening_maps_only_the_startup_models_and_the_rest_load_safely_beside_it(workspace):
    """Sign-in needs three model modules; the others load with their services, even on a thread."""
    import json
    import subprocess
    import sys

    from yichao.models.registry import MODEL_MODULES, STARTUP_MODULES

    folder = workspace.data_dir
    workspace.close()
    out = subprocess.run([sys.executable, "-c", LAZY_MODELS_CHILD, str(folder), PASSWORD], check=True,
                         capture_output=True, text=True).stdout
    lines = {key: json.loads(value) for key, value in (line.split(": ", 1) for line in out.strip().splitlines())}
    assert lines["loaded at open"] == sorted(STARTUP_MODULES)
    assert len(STARTUP_MODULES) < len(MODEL_MODULES)
    assert {"organization", "person", "passbook", "certificate", "need"} <= set(lines["journaled"])
    assert lines["errors"] == []


def test_a_new_site_is_not_overdue_for_an_exchange(workspace):
    from datetime import timedelta

    from yichao.app.core.status import exchange_due, set_up_at, status_info

    assert status_info(workspace).exchange_due is False  # set up today, never exchanged
    since = set_up_at(workspace)
    assert since is not None
    assert exchange_due(None, since, since + timedelta(days=31)) is True
    assert exchange_due(since + timedelta(days=20), since, since + timedelta(days=31)) is False
