"""Backups with SQLite's online backup API, rotated (restoring one: :mod:`yichao.app.core.restore`)."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from yichao.app.core.atomic import atomic_path, disk_message
from yichao.app.core.errors import UserError
from yichao.app.core.paths import attachments_dir

BACKUP_PREFIX = "yichao-"
BACKUP_SUFFIX = ".db"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    made_at: datetime


def _timestamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def backup_database(db_file: Path, target_dir: Path, reason: str = "manual", keep: int | None = None) -> Path:
    """Copy a live database consistently (even while it is open) into ``target_dir``.

    The copy appears whole or not at all: a stick that fills up leaves no file behind.
    """
    if not db_file.exists():
        raise UserError(f"找不到数据库文件 {db_file}。")
    target = target_dir / f"{BACKUP_PREFIX}{_timestamp()}-{reason}{BACKUP_SUFFIX}"
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as tmp:
            copy_sqlite(db_file, tmp)
    except OSError as exc:
        raise UserError(f"备份失败：{disk_message(target, exc)}") from exc
    if keep:
        rotate(target_dir, keep)
    data_dir = db_file.parent
    if not _inside(target_dir, data_dir):  # blobs in the data folder are immutable: no 2nd copy
        try:
            copy_attachments(attachments_dir(data_dir), target_dir / ATTACHMENTS)
            copy_missing_files(data_dir / KEYS, target_dir / KEYS)
        except UserError:
            target.unlink(missing_ok=True)  # a backup without its attachments is no backup
            raise
    return target


def copy_sqlite(source: Path, target: Path) -> None:
    """SQLite's online backup of ``source`` into ``target``; a full disk is an OSError."""
    try:
        src = sqlite3.connect(str(source))
        try:
            dst = sqlite3.connect(str(target))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        full = "full" in str(exc)
        raise OSError(errno.ENOSPC if full else errno.EIO, "磁盘已满" if full else str(exc)) from exc


KEYS = "keys"  # e.g. the certificate verification key; without it tampering cannot be detected


def copy_missing_files(source: Path, target: Path) -> int:
    """Copy the files of a flat folder that ``target`` lacks; never overwrite a key in place."""
    if not source.is_dir():
        return 0
    copied = 0
    try:
        for item in source.iterdir():
            dest = target / item.name
            if item.is_file() and not dest.exists():
                target.mkdir(parents=True, exist_ok=True)
                with atomic_path(dest) as tmp:
                    shutil.copyfile(item, tmp)
                copied += 1
    except OSError as exc:
        raise UserError(f"复制密钥文件失败：{disk_message(target, exc)}") from exc
    return copied


ATTACHMENTS = "attachments"


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def copy_attachments(source: Path, target: Path) -> int:
    """Copy the content-addressed attachment files that ``target`` lacks (a file's name is its
    hash and it never changes, so one already there is the same); returns how many were copied."""
    if not source.is_dir():
        return 0
    copied = 0
    try:
        for blob in source.glob("??/*"):
            dest = target / blob.parent.name / blob.name
            if blob.is_file() and not dest.exists():
                dest.parent.mkdir(parents=True, exist_ok=True)
                with atomic_path(dest) as tmp:
                    shutil.copyfile(blob, tmp)
                copied += 1
    except OSError as exc:
        raise UserError(f"复制附件失败：{disk_message(target, exc)}") from exc
    return copied


def rotate(directory: Path, keep: int) -> None:
    """Keep the newest ``keep`` backups of the folder."""
    for old in list_backups(directory)[keep:]:
        old.path.unlink(missing_ok=True)


def list_backups(directory: Path) -> list[BackupInfo]:
    """Backups of a folder, newest first."""
    if not directory.exists():
        return []
    found = [
        BackupInfo(p, p.stat().st_size, datetime.fromtimestamp(p.stat().st_mtime))
        for p in directory.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}")
    ]
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def readonly_uri(db_file: Path) -> str:
    """A read-only SQLite URI for ``db_file``, percent-encoded: a folder named ``资料#2`` or
    ``50%41`` (or a Windows user name with such characters) must not cut or change the path."""
    return f"{Path(db_file).resolve().as_uri()}?mode=ro"


def integrity_problem(db_file: Path, thorough: bool = True) -> str | None:
    """None when the file is a sound Yichao database, else a sentence saying what is wrong.

    ``thorough`` runs SQLite's full integrity check (restore, `yichao check`); opening the data
    folder at start-up reads only the header and the schema, which is what a corrupt or foreign
    file fails on, and costs milliseconds instead of minutes on a large district database.
    """
    try:
        with open(db_file, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return "这个文件不是益巢的数据库（不是 SQLite 文件）。"
        conn = sqlite3.connect(readonly_uri(db_file), uri=True)
        try:
            if thorough:
                result = conn.execute("PRAGMA integrity_check").fetchone()
                if not result or result[0] != "ok":
                    return "数据库文件已损坏（完整性检查未通过）。"
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except OSError as exc:
        return f"无法读取数据库文件：{exc.strerror or exc}。"
    except sqlite3.Error:
        return "数据库文件已损坏，无法读取。"
    if tables and not {"alembic_version", "journal"} <= tables:
        return "这个数据库不是益巢的数据库。"
    return None


def fold_wal(db_file: Path) -> None:
    """Write the write-ahead log back into the database file, so removing it loses nothing."""
    if not Path(str(db_file) + "-wal").exists():
        return
    try:
        conn = sqlite3.connect(str(db_file), timeout=5)
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return  # a damaged database: its log cannot be folded in; the safety backup holds what was readable
    if busy:
        raise UserError("数据库仍被另一个连接使用（可能是后台任务），请关闭其他窗口后重试。")
