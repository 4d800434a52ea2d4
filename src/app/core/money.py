"""Money as a clerk types it: one parser for every amount field, form and spreadsheet.

Amounts are kept as integer fen (分). What people type is forgiving where the meaning is plain —
"5000元", "¥5,000", full-width "５０００", "1.2万" — and refused with a sentence that says how to
write it where it is not: Chinese numerals ("五千": write 5000), more than two decimals
("3000.555"), negatives, text."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from yichao.app.core.errors import UserError

_AMOUNT = re.compile(r"^(\d+)(?:\.(\d+))?(万)?$")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
           "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}


def chinese_number(text: str) -> int | None:
    """'五千' -> 5000, '一万二' -> 12000, '三千五百' -> 3500; None when ``text`` is not one."""
    text = text.strip()
    if not text or any(ch not in _DIGITS and ch not in _UNITS and ch not in _BIG for ch in text):
        return None
    total, section, digit, last_unit = 0, 0, None, 1
    for ch in text:
        if ch in _DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row ("五五") is not a number word
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            last_unit = _UNITS[ch]
            section += (1 if digit is None else digit) * last_unit
            digit = None
        else:
            section = (section + (digit or 0)) * _BIG[ch]
            total, section, digit, last_unit = total + section, 0, None, _BIG[ch]
    if digit:
        # "一万二" means 12000: a trailing digit counts one unit below the last one
        section += digit * (last_unit // 10 if last_unit >= 10 else 1)
    return total + section


def parse_yuan(text: str | int | float | Decimal, what: str = "金额") -> int:
    """Fen from what was typed (0 allowed; callers say whether 0 makes sense).

    Raises UserError with one sentence naming ``what`` and how to write it."""
    if isinstance(text, bool):
        raise UserError(f"{what}不是金额。")
    if isinstance(text, int):
        raw = str(text)
    elif isinstance(text, float):
        raw = f"{text:.2f}"
    else:
        raw = str(text)
    shown = raw.strip()
    s = unicodedata.normalize("NFKC", shown).replace(" ", "")
    s = s.replace(",", "").replace("，", "").removeprefix("¥").removeprefix("￥").removeprefix("RMB")
    s = s.removesuffix("元").removesuffix("人民币").strip()
    if not s:
        raise UserError(f"请填写{what}。")
    if s.startswith("-"):
        raise UserError(f"{what}不能是负数。")
    match = _AMOUNT.match(s)
    if match is None:
        number = chinese_number(s)
        if number is not None:
            raise UserError(f"{what}请用数字填写：“{shown}”应写成 {number}。")
        raise UserError(f"{what}“{shown}”不是金额，请写成 3000 或 3000.50 的形式。")
    whole, decimals, wan = match.groups()
    decimals = decimals or ""
    if wan:
        if len(decimals) > 6:
            raise UserError(f"{what}“{shown}”最多精确到分。")
        return int(Decimal(f"{whole}.{decimals or 0}") * 1_000_000)
    if len(decimals) > 2:
        raise UserError(f"{what}“{shown}”最多两位小数（精确到分），如 {whole}.{decimals[:2]}。")
    return int(whole) * 100 + int((decimals + "00")[:2])


def format_yuan(fen: int) -> str:
    """1234560 -> '12,345.60'."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def plain_yuan(fen: int) -> str:
    """1234560 -> '12345.6' (how a form shows an amount to edit: no grouping, no trailing zeros)."""
    whole, cents = divmod(abs(fen), 100)
    text = f"{'-' if fen < 0 else ''}{whole}" + (f".{cents:02d}".rstrip("0") if cents else "")
    return text
