"""`yichao print passbook NUMBER OUT.pdf [--confirm]`: pending lines (补登), marked only on --confirm.
`--reprint-page PAGE --reason 损坏|遗失|更正` reproduces a printed page; without a reason it is refused."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from yichao.app.cli.common import workspace


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("passbook", help="把存折的待补登行写成 PDF，从下一空行开始")
    p.add_argument("number", metavar="NUMBER", help="存折号")
    p.add_argument("out", metavar="OUT.pdf", help="要写入的 PDF 文件")
    p.add_argument("--confirm", action="store_true", help="打印无误：把这些行标为已补登")
    p.add_argument("--reprint-page", type=int, metavar="PAGE", help="改为重印已打印过的第 PAGE 页")
    p.add_argument("--reason", default="", metavar="REASON",
                   help="重印原因（与 --reprint-page 一起必填）：损坏、遗失 或 更正；随页码记入操作日志")
    p.add_argument("--note", default="", help="重印的补充说明（可不填）")
    p.add_argument(
        "--calibration", action="store_true", help="改为输出校准页（按存折号选版式）"
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.passbook import calibration_page, confirm_printed, print_pending, reprint_page

    out = Path(args.out)
    with workspace(args) as ws:
        if args.calibration:
            # per command: the CLI starts light
            from yichao.app.passbook import get_passbook

            calibration_page(ws, out, get_passbook(ws, args.number).layout)
            print(f"校准页已写入 {out}。")
            return 0
        if args.reprint_page is not None:
            count = reprint_page(ws, args.number, args.reprint_page, out, args.reason, args.note)
            print(f"第 {args.reprint_page} 页（{count} 行）已按原样写入 {out}，重打原因已记入操作日志。")
            return 0
        if args.reason:
            print("yichao: --reason 只用于 --reprint-page（重打已打印的页）。", file=sys.stderr)
            return 1
        job = print_pending(ws, args.number, out)
        if job.empty:
            print(f"存折 {job.number} 没有待补登的记录。")
            return 0
        print(f"已写入 {job.entry_lines} 行到 {out}：从第 {job.start_page} 页第 {job.start_line} 行开始，"
              f"共 {len(job.pages)} 页（存折第 {'、'.join(str(p) for p in job.pages)} 页）。")
        for page in job.pages[1:]:
            print(f"打印到存折第 {page} 页前请翻页。")
        if args.confirm:
            row = confirm_printed(ws, job)
            print(f"已确认打印，下一行：第 {row.next_page} 页第 {row.next_line} 行。")
        else:
            print("纸面无误后用 --confirm 确认；未确认的行下次会重新打印。")
    return 0
