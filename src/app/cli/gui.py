"""`yichao gui`: start the window (the only place app reaches into ui, lazily)."""

from __future__ import annotations

import argparse

from yichao.app.cli.common import add_sign_in_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="打开窗口（不带命令时的默认做法）")
    add_sign_in_options(p)  # with them, the window opens signed in, without the login dialog
    p.add_argument("--screenshot", metavar="PNG", help="登录、显示主窗口、把窗口截图保存为 PNG 后退出")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.ui.launch import launch

    return launch(args)
