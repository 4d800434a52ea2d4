"""`yichao passbook show|deposit|redeem|...`: the counter's work from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from yichao.app.cli.common import workspace
from yichao.app.cli.passbook_counters import register_actions


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("passbook", help="爱心存折：查看、存入、支取、冲正、开折、挂失、补发")
    cmds = p.add_subparsers(dest="passbook_command", metavar="ACTION", required=True)
    s = cmds.add_parser("show", help="查看持折人、状态、余额、服务时长、待补登行和最近流水")
    s.add_argument("number", metavar="NUMBER", help="存折号")
    s.add_argument("--json", action="store_true", help="输出一个 JSON 对象（供脚本使用）")
    s.set_defaults(handler=run_show)
    d = cmds.add_parser("deposit", help="存入：记入积分（和服务时长）")
    d.add_argument("number", metavar="NUMBER", help="存折号")
    d.add_argument("--points", type=int, required=True, metavar="N", help="积分")
    d.add_argument("--memo", required=True, metavar="TEXT", help="摘要（印在存折上）")
    d.add_argument("--hours", type=float, metavar="H", help="这笔的服务时长（小时）")
    d.set_defaults(handler=run_deposit)
    r = cmds.add_parser("redeem", help="支取：使用积分（超过余额不予办理）")
    r.add_argument("number", metavar="NUMBER", help="存折号")
    r.add_argument("--points", type=int, required=True, metavar="N", help="积分")
    r.add_argument("--memo", required=True, metavar="TEXT", help="摘要（印在存折上）")
    r.set_defaults(handler=run_redeem)
    v = cmds.add_parser("reverse", help="冲正：用一笔相反的流水更正第 SEQ 笔")
    v.add_argument("number", metavar="NUMBER", help="存折号")
    v.add_argument("--seq", type=int, required=True, metavar="SEQ", help="要冲正的流水序号")
    v.add_argument("--memo", default="", metavar="TEXT", help="冲正原因（可不填）")
    v.set_defaults(handler=run_reverse)
    o = cmds.add_parser("open", help="给居民开一本爱心存折")
    o.add_argument("--holder", required=True, metavar="PERSON_UID",
                   help="持折居民的编号（`yichao list people` 第一列）")
    o.add_argument("--site", default="", metavar="CODE", help="开折站点的代码（默认：本站点）")
    o.set_defaults(handler=run_open)
    lost = cmds.add_parser("report-lost", help="挂失：立即停用这本存折")
    lost.add_argument("number", metavar="NUMBER", help="存折号")
    lost.set_defaults(handler=run_lost)
    rep = cmds.add_parser("replace", help="补发：换一本新存折，余额承前转入")
    rep.add_argument("number", metavar="NUMBER", help="存折号")
    rep.set_defaults(handler=run_replace)
    ex = cmds.add_parser("expire", help="积分过期：按过期规则记入过期流水")
    ex.add_argument("--as-of", metavar="YYYY-MM-DD", help="按哪一天计算（默认：今天）")
    ex.add_argument("--years", type=int, metavar="N", help="不按过期规则，改用这个年数")
    ex.set_defaults(handler=run_expire)
    st = cmds.add_parser("statement", help="整本存折的 A4 对账单（PDF）")
    st.add_argument("number", metavar="NUMBER", help="存折号")
    st.add_argument("out", metavar="OUT.pdf", help="要写入的 PDF 文件")
    st.set_defaults(handler=run_statement)
    register_actions(cmds)


def _summary(row) -> str:
    flag = "（合并后透支，待街道冲正，不能支取）" if row.overdrawn else ""
    return (f"存折 {row.number}：{row.holder_name}，{row.status_label}，余额 {row.balance} 分{flag}，"
            f"服务 {row.hours:g} 小时，待补登 {row.pending_lines} 行")


def run_show(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import entries, get_passbook, star_level, volunteer_hours

    with workspace(args) as ws:
        row = get_passbook(ws, args.number)
        latest = entries(ws, row.number, limit=20)
        hours = volunteer_hours(ws, row.holder_uid)
    if args.json:
        print(json.dumps({
            "uid": row.uid, "number": row.number, "holder": row.holder_name, "holder_uid": row.holder_uid,
            "status": row.status, "balance": row.balance, "overdrawn": row.overdrawn, "hours": round(row.hours, 2),
            "volunteer_hours": hours, "stars": star_level(hours), "pending_lines": row.pending_lines,
            "next_page": row.next_page, "next_line": row.next_line,
            "entries": [{"seq": e.seq, "date": e.on.isoformat(), "kind": e.kind, "memo": e.memo, "points": e.points,
                         "balance_after": e.balance_after, "hours": round(e.hours, 2), "operator": e.operator}
                        for e in latest],
        }, ensure_ascii=False))
        return 0
    print(f"存折号码\t{row.number}")
    print(f"持折人\t{row.holder_name}")
    print(f"发折网点\t{row.site_code}")
    print(f"状态\t{row.status_label}")
    print(f"余额\t{row.balance}" + ("（合并后透支，待街道冲正，不能支取）" if row.overdrawn else ""))
    print(f"本折服务时长（小时）\t{row.hours:g}")
    print(f"累计服务时长（小时）\t{hours:g}（{star_level(hours)} 星）")
    print(f"待补登行数\t{row.pending_lines}")
    print(f"下一打印位置\t第 {row.next_page} 页第 {row.next_line} 行")
    for e in latest:
        hours_text = f"\t{e.hours:g}小时" if e.minutes else ""
        print(f"{e.seq}\t{e.on:%Y-%m-%d}\t{e.kind_label}\t{e.memo}\t{e.points:+d}\t余额 {e.balance_after}{hours_text}")
    return 0


def run_deposit(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import deposit, get_passbook

    with workspace(args) as ws:
        entry = deposit(ws, args.number, args.points, args.memo, args.hours)
        row = get_passbook(ws, args.number)
    print(f"已存入 {entry.points} 分（第 {entry.seq} 笔），余额 {entry.balance_after} 分。")
    print(_summary(row))
    return 0


def run_redeem(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import get_passbook, redeem

    with workspace(args) as ws:
        entry = redeem(ws, args.number, args.points, args.memo)
        row = get_passbook(ws, args.number)
    print(f"已支取 {-entry.points} 分（第 {entry.seq} 笔），余额 {entry.balance_after} 分。")
    print(_summary(row))
    return 0


def run_reverse(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import reverse

    with workspace(args) as ws:
        entry = reverse(ws, args.number, args.seq, args.memo)
    print(f"已冲正第 {args.seq} 笔（第 {entry.seq} 笔冲正 {entry.points:+d} 分），余额 {entry.balance_after} 分。")
    return 0


def run_open(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import open_passbook

    with workspace(args) as ws:
        row = open_passbook(ws, args.holder, args.site)
    print(row.number)
    return 0


def run_lost(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import report_lost

    with workspace(args) as ws:
        row = report_lost(ws, args.number)
    print(f"存折 {row.number} 已挂失，从现在起不能记账。")
    return 0


def run_replace(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import replace

    with workspace(args) as ws:
        row = replace(ws, args.number)
    print(f"已补发新存折 {row.number}，承前余额 {row.balance} 分。")
    return 0


def run_statement(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import write_statement

    with workspace(args) as ws:
        info = write_statement(ws, args.number, Path(args.out))
    print(f"对账单已写入 {info.path}（{info.entries} 笔，{info.pages} 页）。")
    return 0


def run_expire(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import parse_date
    from yichao.app.passbook import expire_points

    as_of = parse_date(args.as_of, "日期") if args.as_of else None
    with workspace(args) as ws:
        result = expire_points(ws, as_of, args.years)
    print(f"{result.cutoff:%Y-%m-%d} 以前获得且未用完的积分已过期：{result.passbooks} 本存折，共 {result.points} 分。")
    return 0
