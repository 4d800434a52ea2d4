"""Money as integer fen (分) and tranche splits: exact sums, shown as 元 with two decimals."""

from __future__ import annotations

import re
from decimal import Decimal

from yichao.app.core.errors import UserError
from yichao.app.core.money import format_yuan, parse_yuan


def yuan_to_fen(text: str | int | float | Decimal, what: str = "金额") -> int:
    """'12,345.6' or '12345.60元' -> 1234560 fen; refuses negatives and more than two decimals."""
    return parse_yuan(text, what)


def fen_to_yuan(fen: int) -> str:
    """1234560 -> '12,345.60'."""
    return format_yuan(fen)


def parse_tranche_plan(text: str) -> tuple[int, ...]:
    """'50/30/20' or '50,30,20' -> (50, 30, 20); whole percents above zero summing to 100."""
    parts = [p for p in re.split(r"[\s,，/、%]+", text.strip()) if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise UserError(f"拨付比例“{text}”应写成用逗号分开的整数百分比，例如 50,30,20。")
    percents = tuple(int(p) for p in parts)
    if any(p <= 0 for p in percents):
        raise UserError("每笔拨付的比例都必须大于 0。")
    if sum(percents) != 100:
        raise UserError(f"拨付比例之和必须是 100%，现在是 {sum(percents)}%。")
    return percents


def split_amount(total_fen: int, percents: tuple[int, ...]) -> list[int]:
    """Amounts per tranche that add up to ``total_fen`` exactly; the last absorbs the rounding."""
    amounts = [total_fen * p // 100 for p in percents[:-1]]
    amounts.append(total_fen - sum(amounts))
    return amounts
