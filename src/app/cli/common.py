"""Helpers shared by the CLI commands: open the data folder, read a password file, print JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yichao.app.core import read_password_file, resolve_data_dir

__all__ = ["data_dir_of", "print_json_lines", "read_password_file", "workspace"]  # read_password_file: old path

if TYPE_CHECKING:
    from yichao.app.core import Workspace


def data_dir_of(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None))


@contextmanager
def workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    """The initialised data folder, signed in as the CLI operator."""
    # per command: the CLI starts light
    from yichao.app.core import CLI_USER, open_workspace

    ws = open_workspace(data_dir_of(args))
    try:
        _ = ws.site  # refuses an uninitialised folder with a sentence
        if ws.location_warning:
            print(f"yichao: 警告：{ws.location_warning}", file=sys.stderr)
        ws.user = CLI_USER
        yield ws
    finally:
        ws.close()


def print_json_lines(rows: Iterable[dict[str, Any]]) -> None:
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str))
        out.write("\n")
