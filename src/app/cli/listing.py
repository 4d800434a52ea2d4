"""`yichao list KIND [--json]`: records as a table or one JSON object a line (always with "uid")."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from yichao.app.cli.common import print_json_lines, workspace
from yichao.app.cli.table_form import table_lines
from yichao.app.core import UserError

KINDS = ("orgs", "people", "needs", "passbooks", "projects", "certificates")
KINDS_HELP = "orgs 社会组织 | people 居民 | needs 需求 | passbooks 爱心存折 | projects 项目 | certificates 证书"

# kind -> "module:function"; the function takes a Workspace and yields JSON-ready dicts.
PROVIDERS: dict[str, str] = {
    "projects": "yichao.app.projects:project_rows",
    "people": "yichao.app.people:people_rows",
    "orgs": "yichao.app.orgs:org_rows",
    "needs": "yichao.app.needs:need_rows",
    "certificates": "yichao.app.certificates:certificate_rows",
    "passbooks": "yichao.app.passbook:passbook_rows",
}
# kind -> {column: "module:LABELS"}: the Chinese of the codes a kind's table shows.
LABELS: dict[str, dict[str, str]] = {
    "people": {"gender": "yichao.app.people:GENDER_LABELS"},
    "orgs": {"stage": "yichao.app.orgs:STAGE_LABELS", "kind": "yichao.app.orgs:KIND_LABELS"},
    "needs": {"status": "yichao.app.needs:STATUS_LABELS", "urgency": "yichao.app.needs:URGENCY_LABELS",
              "claimant_kind": "yichao.app.needs:CLAIMANT_KIND_LABELS"},
    "certificates": {"kind": "yichao.app.certificates:KIND_LABELS",
                     "status": "yichao.app.certificates:STATUS_LABELS"},
    "passbooks": {"status": "yichao.app.passbook:STATUS_LABELS"},
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="列出记录：" + KINDS_HELP)
    p.add_argument("kind", choices=KINDS, metavar="KIND", help=KINDS_HELP)
    p.add_argument("--json", action="store_true", help="每行一个 JSON 对象（供脚本使用）")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    target = PROVIDERS.get(args.kind)
    if target is None:
        raise UserError(f"这个版本还不能列出 {args.kind}。")
    provider = _named(target)
    with workspace(args) as ws:
        rows = provider(ws)
        if args.json:
            print_json_lines(rows)
        else:
            labels = {column: _named(name) for column, name in LABELS.get(args.kind, {}).items()}
            empty = True
            for line in table_lines(args.kind, rows, labels):
                print(line)
                empty = False
            if empty:
                print("没有记录。")
    return 0


def _named(target: str) -> Any:
    """The object ``module:name`` names (modules load only for the kind asked: CLI start-up)."""
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)
