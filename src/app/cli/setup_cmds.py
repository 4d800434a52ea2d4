"""`yichao init` (first-run set-up without the wizard: a street, a district or a community office) and
`yichao join` (another PC of a district)."""

from __future__ import annotations

import argparse
import sys

from yichao.app.cli.common import credentials, data_dir_of, read_password_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="set up a new data folder: the site and the first administrator")
    p.add_argument("--role", required=True, choices=("street", "district", "community"),
                   help="street（街道）、district（区）或 community（社区储蓄所）")
    p.add_argument("--code", required=True,
                   help="administrative code (street 9 digits, district 6, community office 12)")
    p.add_argument("--name", required=True, help="site name, e.g. 甸柳街道 or 甸柳新村社区储蓄所")
    p.add_argument("--parent-code", default="",
                   help="the parent site's code: a street's district (optional), "
                        "a community office's street (required)")
    p.add_argument("--parent-name", default="", help="the parent site's name")
    p.add_argument("--admin", required=True, help="login name of the first administrator")
    p.add_argument("--password-file", required=True, help="file whose first line is the password")
    p.add_argument("--database-url", default=None, help="SQLAlchemy URL instead of DIR/yichao.db (e.g. PostgreSQL)")
    p.set_defaults(handler=run)
    j = sub.add_parser("join", help="connect this PC to a district's existing PostgreSQL database "
                                    "(an administrator of the district signs in: --user/--password-file)")
    j.add_argument("--database-url", required=True,
                   help="the district's database, e.g. postgresql+psycopg://yichao:PASSWORD@SERVER:5432/yichao")
    j.set_defaults(handler=run_join)


def run(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import initialize, key_warning

    password = read_password_file(args.password_file)
    data_dir = data_dir_of(args)
    ws = initialize(data_dir, args.role, args.code, args.name, args.admin, password,
                    args.parent_code, args.parent_name, database_url=args.database_url)
    try:
        if args.database_url:
            ws.settings.set("database_url", args.database_url)
        print(f"已初始化：{ws.site.name}（{ws.site.code}），数据文件夹 {data_dir}")
        warning = key_warning(data_dir)  # not protected by the operating system (not Windows)
        if warning:
            print(f"yichao: 警告：{warning}", file=sys.stderr)
    finally:
        ws.close()
    return 0


def run_join(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import join

    user, password = credentials(args)
    data_dir = data_dir_of(args)
    ws = join(data_dir, args.database_url, user, password)
    try:
        print(f"这台电脑（{ws.pc_name}）已加入{ws.site.name}（{ws.site.code}）的区级数据库，数据文件夹 {data_dir}")
    finally:
        ws.close()
    return 0
