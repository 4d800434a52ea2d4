"""`yichao list KIND [--json]`: records as a table or one JSON object a line (always with "uid")."""

from __future__ import annotations

import argparse
import importlib

from yichao.app.cli.common import print_json_lines, workspace
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


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list records (列出记录): " + KINDS_HELP)
    p.add_argument("kind", choices=KINDS, metavar="KIND", help=KINDS_HELP)
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    target = PROVIDERS.get(args.kind)
    if target is None:
        raise UserError(f"这个版本还不能列出 {args.kind}。")
    module, func = target.split(":")
    provider = getattr(importlib.import_module(module), func)
    with workspace(args) as ws:
        rows = provider(ws)
        if args.json:
            print_json_lines(rows)
        else:
            for row in rows:
                print("\t".join(str(v) for k, v in row.items() if k != "uid"))
    return 0
