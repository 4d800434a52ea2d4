"""The command line's help and usage errors are in Simplified Chinese, like the window."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from yichao.app.cli import build_parser, main

HAN = re.compile(r"[\u4e00-\u9fff]")


def _parsers(parser: argparse.ArgumentParser, path: str = "yichao") -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _parsers(child, f"{path} {name}")


def test_every_help_text_of_every_command_is_chinese():
    english = []
    for path, parser in _parsers(build_parser()):
        texts = [parser.description or "", *(action.help or "" for action in parser._actions)]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                texts += [choice.help or "" for choice in action._choices_actions]
        english += [f"{path}: {t}" for t in texts if t and t != argparse.SUPPRESS and not HAN.search(t)]
    assert english == []


def test_help_headings_and_usage_errors_are_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["passbook", "deposit", "--help"])
    text = capsys.readouterr().out
    assert text.startswith("用法：yichao passbook deposit") and "显示这段帮助后退出" in text
    assert "show this help" not in text and "options" not in text

    with pytest.raises(SystemExit) as usage:
        main(["passbook", "deposit", "370102001-000001"])
    assert usage.value.code == 2
    assert "错误：缺少这些参数：--points, --memo" in capsys.readouterr().err
