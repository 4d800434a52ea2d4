"""`yichao backup`, `restore`, `check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from yichao.app.cli.common import credentials, data_dir_of, workspace
from yichao.app.core import (
    DatabaseProblem,
    DataKeyUnavailable,
    InstanceLock,
    NoDatabase,
    UserError,
    backup_database,
    backups_dir,
    check_backup_credentials,
    db_path,
    ensure_writable,
    restore_database,
    run_checks,
    run_second_backup,
)
from yichao.models.journal import record_event


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="备份数据库（可在使用中备份）到 DIR 或备份文件夹")
    p.add_argument("dir", nargs="?", help="目标文件夹（默认：数据文件夹下的 backups）")
    p.add_argument("--second", action="store_true",
                   help="现在把一份备份复制到设置里的第二备份位置（另一块硬盘或 U 盘），供 Windows 任务计划程序调用；"
                        "该文件夹不在时退出码为 1")
    p.set_defaults(handler=run_backup)
    p = sub.add_parser("restore", help="用一份检查无误的备份文件替换数据库")
    p.add_argument("file")
    p.set_defaults(handler=run_restore)
    p = sub.add_parser("check", help="检查数据库完整性、存折账目合计和操作日志")
    p.set_defaults(handler=run_check)


def run_backup(args: argparse.Namespace) -> int:
    if args.second:
        if args.dir:
            raise UserError("--second 使用设置里的第二备份位置，不能同时给出文件夹。")
        with workspace(args) as ws:
            result = run_second_backup(ws, force=True)
        if result.path is None:
            raise UserError(result.message)
        print(result.path)
        return 0
    with workspace(args) as ws:
        ws.require("staff", "备份数据")
        if not ws.is_sqlite:
            raise UserError("PostgreSQL 数据库请用 pg_dump 备份。")
        target_dir = Path(args.dir) if args.dir else backups_dir(ws.data_dir)
        keep = None if args.dir else int(ws.settings.get("backup_keep"))
        target = backup_database(db_path(ws.data_dir), target_dir, keep=keep)
        with ws.unit() as session:
            record_event(session, "backup", "", "", {"file": str(target)})
    print(target)
    return 0


def _may_restore(args: argparse.Namespace) -> str:
    """The signed-in administrator's name: of the current database, or of the backup when the
    database is missing or cannot be opened (the backup about to become the database decides)."""
    user, password = credentials(args)
    try:
        with workspace(args) as ws:
            return ws.require("admin", "恢复备份").username
    except (DatabaseProblem, NoDatabase, DataKeyUnavailable):
        check_backup_credentials(Path(args.file), user, password)
        return user.strip()


def run_restore(args: argparse.Namespace) -> int:
    """Works on a damaged or missing database too: it is set aside as it is, never opened."""
    data_dir = data_dir_of(args)
    credentials(args)
    if not Path(args.file).exists():
        raise UserError(f"找不到备份文件 {args.file}。")
    user = _may_restore(args)
    ensure_writable(data_dir)
    lock = InstanceLock(data_dir)
    lock.acquire()  # another Yichao using the folder: one sentence, nothing changed
    try:
        result = restore_database(data_dir, Path(args.file), locked=True, user=user)
    finally:
        lock.release()
    print(f"已从 {args.file} 恢复。")
    print(result.plan.summary())
    if result.previous is not None:
        print(f"原数据库保存在 {result.previous}")
    if result.warning:
        print(f"yichao: 警告：{result.warning}", file=sys.stderr)
    return 0


def run_check(args: argparse.Namespace) -> int:
    with workspace(args, signed_in=False) as ws:
        results = run_checks(ws)
    failed = False
    for result in results:
        print(f"{'通过' if result.ok else '失败'}  {result.name}")
        for problem in result.problems:
            print(f"      {problem}")
        failed = failed or not result.ok
    if failed:
        raise UserError("检查发现问题，详见上面的列表。")
    return 0
