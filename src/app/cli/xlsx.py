"""`yichao xlsx import|export KIND FILE`: spreadsheets in and out (DESIGN.md section 6).

Each domain names its importer and exporter in :data:`XLSX_IMPORTERS` / :data:`XLSX_EXPORTERS` as a
"module:function" string, imported only when used.

- importer ``(ws, path, *, dry_run: bool, skip_invalid: bool[, add_communities: bool]) ->
  yichao.app.core.excel.ImportReport``; it applies nothing on a dry run, nor when any row is rejected
  unless ``skip_invalid``. Kinds whose rows name a community take ``add_communities``.
- exporter ``(ws, path) -> int`` (rows written).

Any rejected row without ``--skip-invalid``: every one is reported on stderr with its row number
and reason, nothing is applied, exit 1. With ``--skip-invalid`` the valid rows are applied, the
rejected ones still reported, exit 0. Errors and warnings (rows imported with a 待补 mark) are
reported apart, each with its count; the communities the file names and the site lacks are named
once ("将新建社区：…").
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from yichao.app.cli.common import workspace
from yichao.app.core import UserError

KINDS = ("orgs", "people", "needs", "passbooks", "projects")
KINDS_HELP = "orgs 社会组织 | people 居民 | needs 需求 | passbooks 爱心存折 | projects 项目"

XLSX_IMPORTERS: dict[str, str] = {
    "orgs": "yichao.app.orgs:import_orgs",
    "people": "yichao.app.people:import_people",
    "needs": "yichao.app.needs:import_needs",
    "passbooks": "yichao.app.passbook:import_passbooks",
    "projects": "yichao.app.projects:import_projects",
}
XLSX_EXPORTERS: dict[str, str] = {
    "orgs": "yichao.app.orgs:export_orgs",
    "people": "yichao.app.people:export_people",
    "needs": "yichao.app.needs:export_needs",
    "projects": "yichao.app.projects:export_projects",
    "passbooks": "yichao.app.passbook:export_passbooks",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("xlsx", help="导入或导出 Excel（.xlsx）文件")
    actions = p.add_subparsers(dest="xlsx_action", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="从 .xlsx 文件导入记录")
    imp.add_argument("kind", choices=KINDS, metavar="KIND", help=KINDS_HELP)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="只检查每一行，不作任何改动")
    imp.add_argument("--skip-invalid", action="store_true", help="导入有效的行，列出其余有错的行")
    imp.add_argument("--add-communities", action="store_true",
                     help="文件里出现而本站点没有的社区，自动新建（组织、居民、需求）")
    imp.add_argument("--map", action="append", default=[], metavar="COLUMN=FROM:TO",
                     help="把固定选项列（按文件里的列名）的某个值换成另一个，如 需求类别=助老服务:助老；"
                          "可重复；同样格式的文件会记住")
    imp.set_defaults(handler=run_import)
    exp = actions.add_parser("export", help="把记录导出为 .xlsx 文件")
    exp.add_argument("kind", choices=KINDS, metavar="KIND", help=KINDS_HELP)
    exp.add_argument("file", metavar="FILE")
    exp.set_defaults(handler=run_export)


def _resolve(table: dict[str, str], kind: str, verb: str) -> Callable[..., Any]:
    target = table.get(kind)
    if target is None:
        raise UserError(f"这个版本还不能{verb} {kind}。")
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)


def run_import(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.core import communities_line, counts_line, parse_map_options, rejection_lines, warning_lines

    importer = _resolve(XLSX_IMPORTERS, args.kind, "导入")
    options: dict[str, object] = {"dry_run": args.dry_run, "skip_invalid": args.skip_invalid,
                                  "value_map": parse_map_options(args.map)}
    if args.add_communities:
        if "add_communities" not in inspect.signature(importer).parameters:
            raise UserError(f"导入 {args.kind} 不涉及社区，--add-communities 用不上。")
        options["add_communities"] = True
    with workspace(args) as ws:
        report = importer(ws, Path(args.file), **options)
    refused = bool(report.rejected) and not args.skip_invalid
    out = sys.stderr if refused else sys.stdout
    if line := communities_line(report):
        print(line, file=out)
    if report.rejected:
        print(f"错误（{len(report.rejected)} 行，不能导入）：", file=sys.stderr)
        for line in rejection_lines(report):
            print(line, file=sys.stderr)
    if report.warnings:
        print(f"提醒（{len({row for row, _ in report.warnings})} 行，照常导入，记录标为“待补”）：", file=out)
        for line in warning_lines(report):
            print(line, file=out)
    if refused:
        print(f"yichao: {counts_line(report)}没有导入任何记录。", file=sys.stderr)
        return 1
    if args.dry_run:
        print(f"预检完成：{counts_line(report)}没有改动任何记录。")
    else:
        print(f"已导入 {report.applied} 行（共 {report.total} 行，跳过 {len(report.rejected)} 行有错误的行）。")
    return 0


def run_export(args: argparse.Namespace) -> int:
    exporter = _resolve(XLSX_EXPORTERS, args.kind, "导出")
    with workspace(args) as ws:
        count = exporter(ws, Path(args.file))
    print(f"已导出 {count} 行到 {args.file}。")
    return 0
