"""Backups and settings as use cases with roles and journal (the GUI's 系统管理 calls these)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yichao.app.core.backup import BackupInfo, backup_database, list_backups
from yichao.app.core.errors import UserError
from yichao.app.core.paths import backups_dir, db_path
from yichao.app.core.restore import RestorePlan, RestoreResult, plan_restore, restore_database
from yichao.app.core.second_backup import check_second_folder
from yichao.app.core.settings import OPTIONS
from yichao.app.core.workspace import Workspace
from yichao.models.journal import record_event


def backups(ws: Workspace) -> list[BackupInfo]:
    return list_backups(backups_dir(ws.data_dir))


def make_backup(ws: Workspace, target_dir: Path | None = None) -> Path:
    """An online backup now; into the backups folder (rotated) or a folder the user picks."""
    ws.require("staff", "备份数据")
    if not ws.is_sqlite:
        raise UserError("PostgreSQL 数据库请用 pg_dump 备份。")
    keep = None if target_dir else int(ws.settings.get("backup_keep"))
    target = backup_database(db_path(ws.data_dir), target_dir or backups_dir(ws.data_dir), keep=keep)
    with ws.unit() as session:
        record_event(session, "backup", "", "", {"file": str(target)})
    return target


def restore_plan(ws: Workspace, backup_file: Path) -> RestorePlan:
    """What restoring ``backup_file`` would keep and drop, for the confirmation (changes nothing)."""
    ws.require("admin", "恢复备份")
    if not ws.is_sqlite:
        raise UserError("PostgreSQL 数据库请用 pg_restore 恢复。")
    return plan_restore(ws.data_dir, Path(backup_file))


def restore_backup(ws: Workspace, backup_file: Path) -> RestoreResult:
    """Replace the database with a checked backup, keeping what is on paper; journaled in the
    restored database. The caller (GUI) must restart: every open session belongs to the old file.
    """
    user = ws.require("admin", "恢复备份")
    if not ws.is_sqlite:
        raise UserError("PostgreSQL 数据库请用 pg_restore 恢复。")
    plan_restore(ws.data_dir, Path(backup_file))  # refuses a bad file while the workspace still works
    with ws.exclusive():  # background work finishes first; the workspace holds the instance lock
        return restore_database(ws.data_dir, Path(backup_file), locked=ws.holds_lock, user=user.username)


def update_settings(ws: Workspace, changes: dict[str, Any]) -> dict[str, Any]:
    """Change settings (admin only); each change is journaled. Returns what changed."""
    ws.require("admin", "修改设置")
    for key, value in changes.items():
        if key not in OPTIONS:
            raise UserError(f"没有名为 {key} 的设置。")
        default = OPTIONS[key].default
        if isinstance(default, bool) and not isinstance(value, bool):
            raise UserError(f"设置 {key} 只能是 是 或 否。")
        if isinstance(default, int) and not isinstance(default, bool) and (not isinstance(value, int) or value < 0):
            raise UserError(f"设置 {key} 应为不小于0的整数。")
        if key == "language" and value not in ("zh_CN", "en"):
            raise UserError("界面语言只能是 简体中文 或 English。")
        if key == "database_url" and value and "://" not in str(value):
            raise UserError("数据库地址应形如 postgresql+psycopg://用户@主机/库名。")
        if key in ("backup_second_every_days", "backup_second_keep") and value < 1:
            raise UserError("第二备份的间隔天数和保留份数至少为 1。")
    changes = dict(changes)
    if "backup_second_dir" in changes:
        changes["backup_second_dir"] = check_second_folder(ws.data_dir, str(changes["backup_second_dir"]))
    return store_settings(ws, changes)


def store_settings(ws: Workspace, changes: dict[str, Any]) -> dict[str, Any]:
    """Write already-checked settings, journaling each one that changes (the caller checked the role)."""
    changed = {k: v for k, v in changes.items() if ws.settings.get(k) != v}
    if changed:
        with ws.unit() as session:
            for key, value in changed.items():
                record_event(session, "settings", "", "", {"key": key, "before": ws.settings.get(key), "after": value})
        for key, value in changed.items():
            ws.settings.set(key, value)
    return changed
