"""argparse in Simplified Chinese: its headings, its help line and its usage errors.

argparse asks ``gettext`` for every text it prints (``argparse._``), the hook Python gives for a
translation. Yichao ships no .mo catalogue for argparse, so the few texts are here and ``install``
points argparse at them before any parser is built (headings are read when a parser is made).
A text not listed (another Python version's wording) stays as argparse writes it.
"""

from __future__ import annotations

import argparse

ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示这段帮助后退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "看不懂这些参数：%s",
    "the following arguments are required: %s": "缺少这些参数：%s",
    "one of the arguments %s is required": "参数 %s 必须给出其中一个",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "expected one argument": "后面应跟一个值",
    "expected at most one argument": "后面最多跟一个值",
    "expected at least one argument": "后面至少跟一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值（应为 %(type)s）",
    "invalid choice: %(value)r (choose from %(choices)s)": "没有 %(value)r 这一项（可选：%(choices)s）",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "ignored explicit argument %r": "多余的值 %r 被忽略",
}


def translate(text: str) -> str:
    return ZH.get(text, text)


def install() -> None:
    """Make argparse speak Chinese in this process (idempotent)."""
    argparse._ = translate  # type: ignore[attr-defined]
