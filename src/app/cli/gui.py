"""`yichao gui`: start the window (the only place app reaches into ui, lazily)."""

from __future__ import annotations

import argparse

from yichao.app.cli.common import add_sign_in_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the window (default when no command is given)")
    add_sign_in_options(p)  # with them, the window opens signed in, without the login dialog
    p.add_argument("--screenshot", metavar="PNG", help="log in, show the main window, save a picture of it, exit 0")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # per command: the CLI starts light
    from yichao.ui.launch import launch

    return launch(args)
