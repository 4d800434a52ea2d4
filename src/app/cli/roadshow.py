"""`yichao roadshow rank SCORES.json`: rank projects by DESIGN.md section 7, print a JSON list.

Needs no data folder: the file carries everything, so judges' spreadsheets can be checked anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys

from yichao.app.core import UserError, read_text_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("roadshow", help="路演评分")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    r = actions.add_parser("rank", help="按评分 JSON 文件给项目排名（去掉最高分和最低分后加权平均）")
    r.add_argument("scores", metavar="SCORES.json")
    r.set_defaults(handler=run_rank)


def load_scores(path: str) -> object:
    """The parsed JSON of a scores file, or one sentence saying why it cannot be read."""
    text = read_text_file(path, "评分文件")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"评分文件 {path} 不是有效的 JSON（第 {exc.lineno} 行）。") from exc


def run_rank(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.app.roadshow import rank_json

    result = rank_json(load_scores(args.scores))
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")
    return 0
