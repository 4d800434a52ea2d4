"""`yichao community add|list|rename|merge|retire`: the street's communities (DESIGN.md section 6)."""

from __future__ import annotations

import argparse

from yichao.app.cli.common import print_json_lines, workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("community", help="本街道的社区：新增、列出、改名、合并、停用")
    actions = p.add_subparsers(dest="community_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="新增一个社区")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--code", default="", help="12 位统计用区划代码（可不填）")
    add.set_defaults(handler=run_add)
    ls = actions.add_parser("list", help="列出社区（已停用的有标注）")
    ls.add_argument("--json", action="store_true", help="每行一个 JSON 对象（供脚本使用）")
    ls.set_defaults(handler=run_list)
    ren = actions.add_parser("rename", help="社区改名，它的记录随之更新")
    ren.add_argument("old", metavar="OLD")
    ren.add_argument("new", metavar="NEW")
    ren.set_defaults(handler=run_rename)
    merge = actions.add_parser("merge", help="把社区 MERGED 的全部记录并入 INTO，然后删去 MERGED")
    merge.add_argument("merged", metavar="MERGED")
    merge.add_argument("into", metavar="INTO")
    merge.set_defaults(handler=run_merge)
    retire = actions.add_parser("retire", help="停用社区：新记录不再能选它")
    retire.add_argument("name", metavar="NAME")
    retire.add_argument("--undo", action="store_true", help="恢复使用")
    retire.set_defaults(handler=run_retire)


def run_add(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import add_community

    with workspace(args) as ws:
        c = add_community(ws, args.name, args.code)
    print(f"已添加社区：{c.name}" + (f"（{c.code}）" if c.code else ""))
    return 0


def run_list(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import community_usage, list_communities

    with workspace(args) as ws:
        rows = list_communities(ws, include_retired=True)
        usage = community_usage(ws)
    if args.json:
        print_json_lines({"uid": c.uid, "name": c.name, "code": c.code, "retired": c.retired,
                          "records": usage.get(c.uid, 0)} for c in rows)
        return 0
    if not rows:
        print("还没有社区。用 yichao community add 名称 [--code 12位代码] 添加。")
    for c in rows:
        state = "（已撤销）" if c.retired else ""
        print(f"{c.name}{state}\t{c.code or '—'}\t{usage.get(c.uid, 0)} 条记录")
    return 0


def run_rename(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import rename_community

    with workspace(args) as ws:
        c = rename_community(ws, args.old, args.new)
    print(f"已改名：{' '.join(args.old.split())} → {c.name}")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import find_community, merge_communities

    with workspace(args) as ws:
        merged, into = find_community(ws, args.merged), find_community(ws, args.into)
        result = merge_communities(ws, merged.uid, into.uid)
    print(result.sentence(merged.name))
    return 0


def run_retire(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import find_community, set_retired

    with workspace(args) as ws:
        c = set_retired(ws, find_community(ws, args.name).uid, not args.undo)
    print(f"社区“{c.name}”" + ("已撤销：不再出现在新记录的社区选项里。" if c.retired else "已恢复使用。"))
    return 0
