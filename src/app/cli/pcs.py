"""`yichao pc list|revoke`: the PCs that joined a district's shared database (administrators)."""

from __future__ import annotations

import argparse
from datetime import datetime

from yichao.app.cli.common import print_json_lines, workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pc", help="区级共用数据库的电脑：列出、撤销授权")
    actions = p.add_subparsers(dest="pc_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="列出加入过的每台电脑（含已撤销的）")
    listing.add_argument("--json", action="store_true", help="每行一个 JSON 对象（供脚本使用）")
    listing.set_defaults(handler=run_list)
    revoke = actions.add_parser("revoke", help="从现在起拒绝这台电脑（按名称或 `pc list` 显示的编号；记入操作日志）")
    revoke.add_argument("pc", metavar="PC")
    revoke.set_defaults(handler=run_revoke)


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


def run_list(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import list_pcs

    with workspace(args) as ws:
        rows = list_pcs(ws)
    if args.json:
        print_json_lines({"uid": r.id, "name": r.name, "joined_at": r.joined_at.isoformat(), "joined_by": r.joined_by,
                          "last_seen": r.last_seen.isoformat() if r.last_seen else None,
                          "revoked": r.revoked_at is not None, "revoked_by": r.revoked_by, "this_pc": r.this_pc}
                         for r in rows)
        return 0
    for r in rows:
        state = f"已撤销（{_when(r.revoked_at)}，{r.revoked_by}）" if r.revoked_at else "已授权"
        mark = "（本机）" if r.this_pc else ""
        print(f"{r.id[:8]}  {r.name}{mark}  {state}  加入：{_when(r.joined_at)} {r.joined_by}  "
              f"最近使用：{_when(r.last_seen)}")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import revoke_pc

    with workspace(args) as ws:
        row = revoke_pc(ws, args.pc)
    print(f"已撤销电脑 {row.name}（{row.id[:8]}）的授权：它不能再打开区级数据库。")
    return 0
