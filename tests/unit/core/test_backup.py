"""Online backups, rotation, and restore that checks before it replaces anything."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from yichao.app.core import maintenance
from yichao.app.core.backup import backup_database, integrity_problem, list_backups
from yichao.app.core.communities import add_community, list_communities
from yichao.app.core.errors import UserError
from yichao.app.core.paths import backups_dir, db_path
from yichao.app.core.restore import restore_database
from yichao.app.core.workspace import open_workspace
from yichao.models.journal import JournalEntry


def test_backup_while_open_then_restore_brings_data_back(workspace):
    add_community(workspace, "燕山社区")
    backup = maintenance.make_backup(workspace)
    assert integrity_problem(backup) is None
    with workspace.read() as s:
        assert s.scalar(select(func.count()).select_from(JournalEntry).where(JournalEntry.op == "backup")) == 1
    add_community(workspace, "千佛山社区")
    folder = workspace.data_dir
    workspace.close()
    restore_database(folder, backup)
    ws = open_workspace(folder)
    try:
        assert [c.name for c in list_communities(ws)] == ["燕山社区"]
    finally:
        ws.close()


def test_rotation_keeps_the_newest(workspace, tmp_path):
    folder = tmp_path / "rot"
    for _ in range(5):
        backup_database(db_path(workspace.data_dir), folder, keep=3)
    assert len(list_backups(folder)) == 3


def test_restore_refuses_a_corrupt_file_and_changes_nothing(workspace, tmp_path):
    add_community(workspace, "燕山社区")
    folder = workspace.data_dir
    workspace.close()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    before = db_path(folder).read_bytes()
    with pytest.raises(UserError, match="不能用这个文件恢复"):
        restore_database(folder, bad)
    assert db_path(folder).read_bytes() == before
    assert not list_backups(backups_dir(folder))


def test_viewer_cannot_back_up(workspace):
    from yichao.app.core.workspace import CurrentUser

    workspace.user = CurrentUser("v", "viewer")
    with pytest.raises(UserError, match="权限"):
        maintenance.make_backup(workspace)


def test_backup_elsewhere_carries_the_keys_folder_and_restore_brings_missing_keys_back(workspace, tmp_path):
    keys = workspace.data_dir / "keys"
    keys.mkdir(exist_ok=True)
    (keys / "certificate.key").write_bytes(b"k" * 32)
    backup = maintenance.make_backup(workspace, tmp_path / "usb")
    assert (tmp_path / "usb" / "keys" / "certificate.key").read_bytes() == b"k" * 32
    folder = workspace.data_dir
    workspace.close()
    (keys / "certificate.key").unlink()
    restore_database(folder, backup)
    assert (keys / "certificate.key").read_bytes() == b"k" * 32


def test_settings_changes_are_journaled_with_before_and_after(workspace):
    import json

    from yichao.app.passbook.printing import set_offset

    set_offset(workspace, 1.5, -2.0)
    set_offset(workspace, 1.5, -2.0)  # no change, no journal row
    with workspace.read() as s:
        rows = [json.loads(e.data) for e in s.scalars(select(JournalEntry).where(JournalEntry.op == "settings"))]
    assert {(r["key"], r["after"]) for r in rows} == {("passbook_offset_x_mm", 1.5), ("passbook_offset_y_mm", -2.0)}
    assert workspace.settings.get("passbook_offset_y_mm") == -2.0
