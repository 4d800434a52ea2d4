"""`yichao print passbook|certificate ...`: each target registers itself from its own module."""

from __future__ import annotations

import argparse
import importlib

# Modules with ``register_print(subparsers)`` adding one `print` target each.
PRINT_MODULES: tuple[str, ...] = (
    "yichao.app.cli.print_certificate",
    "yichao.app.cli.print_passbook",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print", help="输出 PDF：存折待补登行或证书")
    targets = p.add_subparsers(dest="target", metavar="TARGET", required=True)
    for name in PRINT_MODULES:
        importlib.import_module(name).register_print(targets)
