"""`yichao users unlock NAME`: lift a lock-out on the PC itself, without signing in (journaled).

For the one administrator who typed a wrong password five times: whoever can run commands on this PC
already holds the data folder, so the command asks for no password; the journal records it.
"""

from __future__ import annotations

import argparse

from yichao.app.cli.common import workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="本机的用户账号")
    actions = p.add_subparsers(dest="users_action", required=True, metavar="ACTION")
    unlock = actions.add_parser("unlock", help="解除用户因多次输错密码而被锁定（记入操作日志）")
    unlock.add_argument("user", metavar="USER")
    unlock.set_defaults(handler=run_unlock)


def run_unlock(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import unlock

    with workspace(args, signed_in=False) as ws:  # open: the locked-out administrator's way back in
        row = unlock(ws, args.user, by="本机命令行")
    print(f"账号 {row.username} 已解锁，可以重新登录。")
    return 0
