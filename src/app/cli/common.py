"""Helpers shared by the CLI commands: sign in, open the data folder, read a password file, print JSON.

Commands that read personal data or change anything sign in (DESIGN.md section 6): ``--user USER
--password-file FILE`` (before or after the command word) or ``YICHAO_USER`` / ``YICHAO_PASSWORD_FILE``.
The user's role is then checked by every service, and the journal names that user.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yichao.app.core import UserError, read_password_file, resolve_data_dir

__all__ = ["add_sign_in_options", "add_sign_in_to_commands", "credentials", "data_dir_of", "print_json_lines",
           "read_password_file", "sign_in", "workspace"]  # read_password_file: old path

if TYPE_CHECKING:
    from yichao.app.core import CurrentUser, Workspace

USER_ENV = "YICHAO_USER"
PASSWORD_FILE_ENV = "YICHAO_PASSWORD_FILE"
NEEDS_SIGN_IN = ("这个命令需要登录：请加上 --user 用户名 --password-file 密码文件"
                 "（或设置环境变量 YICHAO_USER 和 YICHAO_PASSWORD_FILE）。")


def data_dir_of(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None))


def add_sign_in_options(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--user`` / ``--password-file`` on ``parser``; a command's own copy never hides the top one."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--user", metavar="USER", default=default,
                        help=f"以用户 USER 登录（默认：环境变量 {USER_ENV}）")
    parser.add_argument("--password-file", metavar="FILE", default=default,
                        help=f"密码文件：第一行是该用户的密码（默认：环境变量 {PASSWORD_FILE_ENV}）")


def add_sign_in_to_commands(parser: argparse.ArgumentParser) -> None:
    """Give every command parser (at any depth) the sign-in options, unless it declares its own."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                own = child._option_string_actions
                if "--user" not in own and "--password-file" not in own:
                    add_sign_in_options(child)
                add_sign_in_to_commands(child)


def credentials(args: argparse.Namespace) -> tuple[str, str]:
    """The user name and password of this command, or a sentence saying how to give them."""
    user = getattr(args, "user", None) or os.environ.get(USER_ENV, "")
    password_file = getattr(args, "password_file", None) or os.environ.get(PASSWORD_FILE_ENV, "")
    if not user or not password_file:
        raise UserError(NEEDS_SIGN_IN)
    return user, read_password_file(password_file)


def sign_in(ws: Workspace, args: argparse.Namespace) -> CurrentUser:
    """Check the command's credentials against the data folder's users (journaled as a login)."""
    # per command: the CLI starts light
    from yichao.app.core import login

    user, password = credentials(args)
    return login(ws, user, password)


@contextmanager
def workspace(args: argparse.Namespace, *, signed_in: bool = True,
              data_key: bytes | None = None) -> Iterator[Workspace]:
    """The initialised data folder, signed in as the command's user.

    ``signed_in=False`` is for the few open commands (``verify``, ``check``, ``users unlock``): they
    run as the read-only operator "cli" and never show or change personal data beyond their purpose.
    ``data_key``: only ``keys import-data-key``, when the folder's own key cannot be read here.
    """
    # per command: the CLI starts light
    from yichao.app.core import OPEN_CLI_USER, open_workspace

    data_dir = data_dir_of(args)
    if signed_in and _holds_a_database(data_dir):
        credentials(args)  # refuse before opening (and perhaps migrating) anything
    ws = open_workspace(data_dir, data_key=data_key)  # an empty folder: "run yichao init first"
    try:
        _ = ws.site  # refuses an uninitialised folder with a sentence
        if ws.location_warning:
            print(f"yichao: 警告：{ws.location_warning}", file=sys.stderr)
        if signed_in:
            sign_in(ws, args)
        else:
            ws.user = OPEN_CLI_USER
        yield ws
    finally:
        ws.close()


def _holds_a_database(data_dir: Path) -> bool:
    # per command: the CLI starts light
    from yichao.app.core import Settings, db_path

    if db_path(data_dir).exists():
        return True
    settings = Settings(data_dir) if data_dir.is_dir() else None
    return settings is not None and (settings.damaged or bool(settings.get("database_url")))


def print_json_lines(rows: Iterable[dict[str, Any]]) -> None:
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str))
        out.write("\n")
