"""`yichao passbook limit|limits|overdraws|settle`: one passbook at several counters (issue 17
point 3): the street sets each office's offline redemption limit and settles merged overdraws."""

from __future__ import annotations

import argparse
import json

from yichao.app.cli.common import workspace


def register_actions(cmds: argparse._SubParsersAction) -> None:
    """Add the actions to `yichao passbook` (its parser is cli/passbook.py's)."""
    lim = cmds.add_parser("limit", help="街道设定社区储蓄所的离线支取限额")
    lim.add_argument("office", metavar="OFFICE_CODE", help="储蓄所的 12 位代码")
    which = lim.add_mutually_exclusive_group(required=True)
    which.add_argument("--points", type=int, metavar="N", help="每本存折在街道确认前最多支取的积分")
    which.add_argument("--lift", action="store_true", help="取消限额：以余额为限")
    lim.set_defaults(handler=run_limit)
    lims = cmds.add_parser("limits", help="各储蓄所的支取限额（在储蓄所：本所的）")
    lims.add_argument("--json", action="store_true", help="每行一个 JSON 对象（供脚本使用）")
    lims.set_defaults(handler=run_limits)
    ov = cmds.add_parser("overdraws", help="两个网点的账合并后透支的存折（街道的清单）")
    ov.add_argument("--all", action="store_true", help="包括已冲正结清的")
    ov.add_argument("--json", action="store_true", help="每行一个 JSON 对象（供脚本使用）")
    ov.set_defaults(handler=run_overdraws)
    st = cmds.add_parser("settle", help="冲正结清：冲正第 SEQ 笔支取，结清一条透支")
    st.add_argument("case", type=int, metavar="ID", help="透支记录的编号（passbook overdraws 第一列）")
    st.add_argument("--seq", type=int, required=True, metavar="SEQ", help="要冲正的那笔重复支取的序号")
    st.add_argument("--memo", default="", metavar="TEXT", help="冲正摘要（可不填）")
    st.set_defaults(handler=run_settle)


def _limit_text(points: int | None) -> str:
    return "未设定（以余额为限）" if points is None else f"每本存折 {points} 分"


def run_limit(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import set_office_limit

    with workspace(args) as ws:
        row = set_office_limit(ws, args.office, None if args.lift else args.points)
    print(f"储蓄所 {row.office_code}{('（' + row.office_name + '）') if row.office_name else ''}"
          f"的离线支取限额：{_limit_text(row.points)}。下次给该所导出数据包时带去。")
    return 0


def run_limits(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import office_limits

    with workspace(args) as ws:
        rows = office_limits(ws)
    for r in rows:
        if args.json:
            print(json.dumps({"office": r.office_code, "name": r.office_name, "points": r.points}, ensure_ascii=False))
        else:
            print(f"{r.office_code}\t{r.office_name or '—'}\t{_limit_text(r.points)}")
    return 0


def run_overdraws(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import list_overdraws

    with workspace(args) as ws:
        rows = list_overdraws(ws, None if args.all else "open")
    for r in rows:
        if args.json:
            print(json.dumps({"id": r.id, "number": r.number, "holder": r.holder_name, "status": r.status,
                              "balance_found": r.balance_found, "balance": r.balance_now}, ensure_ascii=False))
        else:
            print(f"{r.id}\t{r.number}\t{r.holder_name}\t{r.status_label}\t发现时余额 {r.balance_found}\t"
                  f"现余额 {r.balance_now}")
    return 0


def run_settle(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import settle_overdraw

    with workspace(args) as ws:
        row = settle_overdraw(ws, args.case, args.seq, args.memo)
    print(f"已冲正存折 {row.number} 第 {args.seq} 笔，余额 {row.balance_now} 分，{row.status_label}。")
    return 0
