"""`yichao report monthly YYYY-MM OUT.pdf|OUT.xlsx` and `yichao report yearly YYYY OUT...`."""

from __future__ import annotations

import argparse
from pathlib import Path

from yichao.app.cli.common import workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="输出月度或年度统计报表（PDF 或 XLSX）")
    kinds = p.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    monthly = kinds.add_parser("monthly", help="月报：一个月的统计报表")
    monthly.add_argument("month", metavar="YYYY-MM")
    monthly.add_argument("out", metavar="OUT.pdf|OUT.xlsx")
    monthly.set_defaults(handler=run, period_kind="month")
    yearly = kinds.add_parser("yearly", help="年报：一年的统计报表")
    yearly.add_argument("year", metavar="YYYY")
    yearly.add_argument("out", metavar="OUT.pdf|OUT.xlsx")
    yearly.set_defaults(handler=run, period_kind="year")


def run(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.stats import check_target, export_report, parse_period

    text = args.month if args.period_kind == "month" else args.year
    period = parse_period(text, args.period_kind)
    out = check_target(Path(args.out))
    with workspace(args) as ws:
        export_report(ws, period, out)
    print(f"已生成{period.label}统计报表：{out}")
    return 0
