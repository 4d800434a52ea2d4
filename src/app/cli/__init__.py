"""The `yichao` command line (DESIGN.md section 6): a contract that outside tests call exactly so.

Success exits 0; refused input exits 1 with one line on stderr; a usage error exits 2. Each command
family lives in its own module with ``register(subparsers)``, listed in :data:`COMMAND_MODULES`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from yichao.app.cli.argparse_zh import install as speak_chinese
from yichao.app.cli.common import add_sign_in_options, add_sign_in_to_commands
from yichao.app.cli.console import prepare_streams
from yichao.app.core import USER_ERRORS, message_of, resolve_data_dir

COMMAND_MODULES: tuple[str, ...] = (
    "yichao.app.cli.setup_cmds",
    "yichao.app.cli.community",
    "yichao.app.cli.gui",
    "yichao.app.cli.demo_cmd",
    "yichao.app.cli.listing",
    "yichao.app.cli.maintenance",
    "yichao.app.cli.users",
    "yichao.app.cli.pcs",
    "yichao.app.cli.printing",
    "yichao.app.cli.sync",
    "yichao.app.cli.xlsx",
    "yichao.app.cli.roadshow",
    "yichao.app.cli.report",
    "yichao.app.cli.verify",
    "yichao.app.cli.passbook",
)


def _command_word(args: list[str]) -> str | None:
    """The first word that is not an option (or the value of --data-dir)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("--data-dir", "--user", "--password-file"):
            skip = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    speak_chinese()
    parser = argparse.ArgumentParser(
        prog="yichao",
        description="益巢：街道社会组织孵化中心的工作台。不带命令时打开窗口。",
    )
    parser.add_argument(
        "--data-dir", metavar="DIR", help="数据文件夹（默认：环境变量 YICHAO_DATA_DIR，或本用户的数据文件夹）"
    )
    add_sign_in_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(sub)
    add_sign_in_to_commands(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    prepare_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    word = _command_word(args_list)
    wants_help = any(a in ("-h", "--help") for a in args_list)
    if word in (None, "gui") and not (wants_help and word is None):
        # the window starts without importing every command (and so the data layer) first
        parser = build_parser(("yichao.app.cli.gui",))
    else:
        parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        # per command: the CLI starts light
        from yichao.app.cli import gui

        args = parser.parse_args([*args_list, "gui"])
        return gui.run(args)
    try:
        return int(args.handler(args) or 0)
    except USER_ERRORS as exc:
        print(f"yichao: {message_of(exc)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `yichao list ... | head`
        return 0
    except KeyboardInterrupt:
        print("yichao: 已中断，没有任何记录被改动。", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"yichao: 文件操作失败：{exc.strerror or exc}（{getattr(exc, 'filename', '') or ''}）。", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the one crash path of the command line
        return report_unexpected(exc, args)


def report_unexpected(exc: BaseException, args: argparse.Namespace) -> int:
    """One sentence on stderr; the traceback, redacted, into DATA/logs/yichao.log (never the terminal)."""
    import logging
    import logging.handlers

    from yichao.app.core import install_redaction, logs_dir

    where = "（未能写入日志）"
    try:
        folder = logs_dir(resolve_data_dir(getattr(args, "data_dir", None)))
        folder.mkdir(parents=True, exist_ok=True)
        handler = install_redaction(logging.handlers.RotatingFileHandler(
            folder / "yichao.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"))
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger = logging.getLogger("yichao.cli")
        logger.addHandler(handler)
        logger.error("unexpected error in `yichao %s`", getattr(args, "command", ""), exc_info=exc)
        logger.removeHandler(handler)
        handler.close()
        where = f"，详情已写入 {folder / 'yichao.log'}"
    except OSError:
        pass
    print(f"yichao: 出现意外错误（{type(exc).__name__}），这次操作没有完成{where}。请把日志交给技术支持。",
          file=sys.stderr)
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
