"""`yichao print certificate KIND --subject UID OUT.pdf` and `yichao print certificates KIND ... OUT.pdf`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from yichao.app.cli.common import workspace
from yichao.app.core import UserError, read_lines

KINDS = ("entry", "graduation", "rating", "volunteer", "award")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", metavar="OUT.pdf", help="the PDF to write")
    p.add_argument("--layout", metavar="NAME", help="certificate layout: landscape or portrait (default per kind)")
    paper = p.add_mutually_exclusive_group()
    paper.add_argument("--preprinted", dest="preprinted", action="store_true", default=None,
                       help="pre-printed paper: only the variable text, at calibrated positions")
    paper.add_argument("--plain", dest="preprinted", action="store_false", help="plain paper: the whole certificate")
    p.add_argument("--stars", type=int, metavar="N", help="rating: star level 1-5 (default: the recorded rating)")


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("certificate", help="issue and print one certificate (recorded in the register)")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--subject", required=True, metavar="UID", help="organization, volunteer or project uid")
    _common(p)
    p.set_defaults(handler=run_one)
    b = targets.add_parser("certificates", help="issue and print a batch of certificates into one PDF")
    b.add_argument("kind", choices=KINDS)
    who = b.add_mutually_exclusive_group(required=True)
    who.add_argument("--subjects-file", metavar="FILE", help="a text file with one subject uid per line")
    who.add_argument("--year", type=int, metavar="YYYY", help="graduation: every organization graduated that year")
    who.add_argument("--roadshow", metavar="UID", help="award: every winner of this roadshow")
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
