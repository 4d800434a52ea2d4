"""Dates the way Chinese certificates write them: 二〇二六年十一月二十二日."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

DIGITS = "〇一二三四五六七八九"


def _year(year: int) -> str:
    return "".join(DIGITS[int(d)] for d in str(year))


def _small(number: int) -> str:
    """1..31 in words: 十, 十一, 二十, 二十二, 三十一."""
    if not 0 < number < 100:
        raise ValueError(number)
    tens, ones = divmod(number, 10)
    if tens == 0:
        return DIGITS[ones]
    head = "" if tens == 1 else DIGITS[tens]
    return head + "十" + (DIGITS[ones] if ones else "")


@lru_cache(maxsize=512)  # a batch writes the same few dates a thousand times
def chinese_date(day: date) -> str:
    """``date(2026, 11, 22)`` -> ``二〇二六年十一月二十二日``."""
    return f"{_year(day.year)}年{_small(day.month)}月{_small(day.day)}日"

