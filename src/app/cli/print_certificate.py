"""`yichao print certificate KIND --subject UID OUT.pdf` and `yichao print certificates KIND ... OUT.pdf`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from yichao.app.cli.common import workspace
from yichao.app.core import UserError, read_lines

KINDS = ("entry", "graduation", "rating", "volunteer", "award")
KIND_HELP = ("证书种类：entry（入驻）、graduation（出壳）、rating（星级评定）、volunteer（志愿服务证明）、"
             "award（路演获奖）")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", metavar="OUT.pdf", help="要写入的 PDF 文件")
    p.add_argument("--layout", metavar="LAYOUT",
                   help="证书版式：横版 或 竖版（不填按证书种类；脚本也可写 landscape 或 portrait）")
    paper = p.add_mutually_exclusive_group()
    paper.add_argument("--preprinted", dest="preprinted", action="store_true", default=None,
                       help="套打（印好的证书纸）：只打填写的文字，按校准的位置")
    paper.add_argument("--plain", dest="preprinted", action="store_false", help="白纸：打印整张证书")
    p.add_argument("--stars", type=int, metavar="N", help="星级评定证书的星级 1-5（不填按已登记的评定）")


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("certificate", help="签发并打印一张证书（记入证书登记簿）")
    p.add_argument("kind", choices=KINDS, metavar="KIND", help=KIND_HELP)
    p.add_argument("--subject", required=True, metavar="UID", help="组织、志愿者或项目的编号（uid）")
    _common(p)
    p.set_defaults(handler=run_one)
    b = targets.add_parser("certificates", help="批量签发并打印证书，合成一个 PDF")
    b.add_argument("kind", choices=KINDS, metavar="KIND", help=KIND_HELP)
    who = b.add_mutually_exclusive_group(required=True)
    who.add_argument("--subjects-file", metavar="FILE", help="对象清单：文本文件，每行一个编号（uid）")
    who.add_argument("--year", type=int, metavar="YYYY", help="出壳证书：该年出壳的全部组织")
    who.add_argument("--roadshow", metavar="UID", help="路演获奖证书：这场路演的全部获奖项目")
    _common(b)
    b.set_defaults(handler=run_batch)


def _extra(args: argparse.Namespace) -> dict[str, object]:
    return {"stars": args.stars} if args.stars is not None else {}


def _report(result) -> None:
    for page in result.pages:
        note = "（已有有效证书，本次为补打）" if page.reprint else ""
        print(f"{page.row.serial}\t{page.row.code}\t{page.row.recipient}{note}")
    print(f"已写入 {result.path}：新签发 {result.new_count} 张，补打 {result.reprint_count} 张。", file=sys.stderr)


def run_one(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.certificates import print_certificates

    with workspace(args) as ws:
        result = print_certificates(ws, args.kind, [args.subject], Path(args.out), layout=args.layout,
                                    preprinted=args.preprinted, extra=_extra(args))
    _report(result)
    return 0


def run_batch(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.certificates import candidates, print_certificates

    with workspace(args) as ws:
        if args.subjects_file:
            uids = [line.split()[0] for line in read_lines(args.subjects_file, "对象清单")]
        elif args.roadshow:
            if args.kind != "award":
                raise UserError("按路演批量打印只适用于荣誉证书（award）。")
            uids = [c.uid for c in candidates(ws, "award", limit=100_000, roadshow_uid=args.roadshow)]
            if not uids:
                raise UserError("这场路演还没有最终获奖名单。")
        else:
            if args.kind != "graduation":
                raise UserError("按年份批量打印只适用于出壳证书，其他种类请用 --subjects-file。")
            uids = [c.uid for c in candidates(ws, "graduation", year=args.year, limit=100_000)]
            if not uids:
                raise UserError(f"{args.year} 年没有出壳的组织。")
        result = print_certificates(ws, args.kind, uids, Path(args.out), layout=args.layout,
                                    preprinted=args.preprinted, extra=_extra(args))
    _report(result)
    return 0
