"""`yichao init` (first-run set-up without the wizard: a street, a district or a community office) and
`yichao join` (another PC of a district)."""

from __future__ import annotations

import argparse
import sys

from yichao.app.cli.common import credentials, data_dir_of, read_password_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="初始化新的数据文件夹：本站点和第一位管理员")
    p.add_argument("--role", required=True, choices=("street", "district", "community"),
                   help="street（街道）、district（区）或 community（社区储蓄所）")
    p.add_argument("--code", required=True,
                   help="行政区划代码（区 6 位，街道 9 位，社区储蓄所 12 位）")
    p.add_argument("--name", required=True, help="站点名称，如 甸柳街道 或 甸柳新村社区储蓄所")
    p.add_argument("--parent-code", default="",
                   help="上级站点的代码：街道填所属区的代码（可不填），社区储蓄所填所属街道的代码（必填）")
    p.add_argument("--parent-name", default="", help="上级站点的名称")
    p.add_argument("--admin", required=True, help="第一位管理员的登录名")
    p.add_argument("--password-file", required=True, help="密码文件：第一行是密码")
    p.add_argument("--database-url", default=None,
                   help="数据库地址（SQLAlchemy URL，如 PostgreSQL），不填则用数据文件夹里的 yichao.db")
    p.set_defaults(handler=run)
    j = sub.add_parser("join", help="让这台电脑加入区里已有的 PostgreSQL 数据库"
                                    "（由区里的管理员登录：--user/--password-file）")
    j.add_argument("--database-url", required=True,
                   help="区里的数据库地址，如 postgresql+psycopg://yichao:密码@服务器:5432/yichao")
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
