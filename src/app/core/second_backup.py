"""A second copy of the backups on another drive or a USB stick, on a schedule.

A PC with a restore card (还原卡 / 冰点) wipes C: at every restart, backups in the data folder
included, and a dead disk takes both. So an administrator can name a second folder (setting
``backup_second_dir``); a backup is copied there when Yichao closes and the last copy is
``backup_second_every_days`` days old or more, and whenever ``yichao backup --second`` runs (for the
Windows Task Scheduler). The copy is rotated (``backup_second_keep``) and carries the attachments
and keys, so the stick alone can restore the site.

When the stick is not plugged in, nothing is created anywhere else (a folder is made only inside
a drive or folder that exists), nothing fails: the result says so, the GUI offers to retry once
the stick is in, and the next close tries again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from yichao.app.core.backup import backup_database, list_backups
from yichao.app.core.errors import UserError
from yichao.app.core.paths import db_path
from yichao.app.core.workspace import Workspace
from yichao.models.journal import record_event

OFF, NOT_DUE, DONE, ABSENT = "off", "not_due", "done", "absent"


@dataclass(frozen=True)
class SecondBackup:
    status: str  # OFF, NOT_DUE, DONE or ABSENT
    message: str  # one Chinese sentence for the clerk ("" when there is nothing to say)
    path: Path | None = None
    last: datetime | None = None  # the newest copy in the second folder, before this run

    @property
    def absent(self) -> bool:
        """The folder is not there (the stick is not plugged in): worth a retry."""
        return self.status == ABSENT


def second_folder(ws: Workspace) -> Path | None:
    value = str(ws.settings.get("backup_second_dir") or "").strip()
    return Path(value) if value else None


def check_second_folder(data_dir: Path, folder: str) -> str:
    """The cleaned folder for the setting, or a refusal: it must be a whole path outside the data
    folder (a copy beside the original dies with it)."""
    folder = folder.strip()
    if not folder:
        return ""
    path = Path(folder).expanduser()
    if not path.is_absolute():
        raise UserError(f"第二备份位置应是完整路径（例如 E:\\益巢备份），现为“{folder}”。")
    try:
        path.resolve().relative_to(Path(data_dir).resolve())
    except ValueError:
        return str(path)
    raise UserError("第二备份位置不能在数据文件夹里面，请选另一块磁盘或U盘。")


def last_second_backup(ws: Workspace) -> datetime | None:
    """When the newest backup in the second folder was made (None: none, or the folder is absent)."""
    folder = second_folder(ws)
    if folder is None or not folder.is_dir():
        return None
    found = list_backups(folder)
    return found[0].made_at if found else None


def second_backup_due(ws: Workspace, now: datetime | None = None) -> bool:
    """True when a second folder is set and its newest copy is older than the interval."""
    if second_folder(ws) is None:
        return False
    days = int(ws.settings.get("backup_second_every_days"))
    last = _last_attempt_ok(ws)
    return last is None or (now or datetime.now()) - last >= timedelta(days=days) - timedelta(minutes=5)


def run_second_backup(ws: Workspace, *, force: bool = False, now: datetime | None = None) -> SecondBackup:
    """Copy a backup to the second folder if one is set and due (or ``force``); never raises for an
    absent stick, raises :class:`UserError` only when the copy itself fails."""
    folder = second_folder(ws)
    if folder is None:
        return SecondBackup(OFF, "还没有设置第二备份位置（系统管理 → 设置）。")
    if not ws.is_sqlite:
        return SecondBackup(OFF, "PostgreSQL 数据库请用 pg_dump 备份。")
    last = last_second_backup(ws)
    if not force and not second_backup_due(ws, now):
        return SecondBackup(NOT_DUE, "", last=last)
    if not _reachable(folder):
        when = f"上次第二备份在 {last:%Y-%m-%d %H:%M}。" if last else "第二备份位置里还没有任何备份。"
        return SecondBackup(ABSENT, f"第二备份位置 {folder} 现在不可用（U盘没有插上，或磁盘没有连接），"
                                    f"这次没有备份到那里。{when}", last=last)
    ws.require("staff", "备份数据")
    keep = int(ws.settings.get("backup_second_keep"))
    path = backup_database(db_path(ws.data_dir), folder, reason="second", keep=keep)
    with ws.unit() as session:
        record_event(session, "backup", "", "", {"file": str(path), "second_location": True})
    ws.settings.set("backup_second_last", (now or datetime.now()).isoformat(timespec="seconds"))
    return SecondBackup(DONE, f"已备份到第二位置：{path}", path=path, last=last)


def _last_attempt_ok(ws: Workspace) -> datetime | None:
    """The last successful second copy made from this PC (the setting), else what the folder holds."""
    text = str(ws.settings.get("backup_second_last") or "")
    try:
        return datetime.fromisoformat(text) if text else last_second_backup(ws)
    except ValueError:
        return last_second_backup(ws)


def _reachable(folder: Path) -> bool:
    """The folder exists; on Windows it may also be made directly on a drive that is there (a
    freshly formatted stick). Never is a folder made on the system disk because E: or /media/usb
    is missing: an unmounted mount point is an empty folder of the root disk."""
    if folder.is_dir():
        return True
    return os.name == "nt" and folder.parent == Path(folder.anchor) and Path(folder.anchor).exists()
