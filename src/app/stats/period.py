"""Reporting periods (month, quarter, year) and their bounds in China time.

Stored times are UTC, but a street office's month runs on Beijing time: an entry made at
2026-10-31 20:00 UTC belongs to November. So a period gives both its calendar dates (for date
columns) and its UTC bounds (for time columns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from yichao.app.core.errors import UserError

CHINA_TZ = timezone(timedelta(hours=8))
KINDS = ("month", "quarter", "year")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar month, quarter or year: ``number`` is the month (1-12) or quarter (1-4)."""

    kind: str
    year: int
    number: int = 1

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise UserError(f"统计周期只能是月、季度或年，不能是 {self.kind}。")
        if not 1900 <= self.year <= 9998:
            raise UserError(f"年份 {self.year} 超出范围。")
        top = {"month": 12, "quarter": 4, "year": 1}[self.kind]
        if not 1 <= self.number <= top:
            name = {"month": "月份", "quarter": "季度", "year": "年"}[self.kind]
            raise UserError(f"{name}应在 1 到 {top} 之间，不能是 {self.number}。")

    # -- bounds ---------------------------------------------------------------------------------
    @property
    def first_month(self) -> int:
        return {"month": self.number, "quarter": 3 * self.number - 2, "year": 1}[self.kind]

    @property
    def month_count(self) -> int:
        return {"month": 1, "quarter": 3, "year": 12}[self.kind]

    @property
    def start(self) -> date:
        """The first day of the period."""
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        """The first day after the period (exclusive bound)."""
        return add_months(self.start, self.month_count)

    @property
    def start_utc(self) -> datetime:
        return china_midnight_utc(self.start)

    @property
    def end_utc(self) -> datetime:
        return china_midnight_utc(self.end)

    def months(self) -> list[Period]:
        """The calendar months of this period, in order."""
        first = self.start
        return [month_of(add_months(first, i)) for i in range(self.month_count)]

    def previous(self) -> Period:
        """The period of the same kind just before this one."""
        return period_containing(self.kind, self.start - timedelta(days=1))

    def trailing_months(self, count: int = 12) -> list[Period]:
        """The ``count`` months that end with this period's last month (for trend charts)."""
        last = add_months(self.end, -1)
        return [month_of(add_months(last, -i)) for i in reversed(range(count))]

    # -- names ----------------------------------------------------------------------------------
    @property
    def code(self) -> str:
        """``2026-10``, ``2026-Q4`` or ``2026``: the form the command line takes."""
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        return str(self.year)

    @property
    def label(self) -> str:
        """The Chinese name: 2026年10月, 2026年第四季度, 2026年."""
        if self.kind == "month":
            return f"{self.year}年{self.number}月"
        if self.kind == "quarter":
            return f"{self.year}年第{'一二三四'[self.number - 1]}季度"
        return f"{self.year}年"

    @property
    def short_label(self) -> str:
        """A compact axis label: 2026-10, 2026Q4, 2026."""
        return self.code.replace("-Q", "Q")


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def month_of(day: date) -> Period:
    return Period("month", day.year, day.month)


def period_containing(kind: str, day: date) -> Period:
    if kind == "month":
        return Period("month", day.year, day.month)
    if kind == "quarter":
        return Period("quarter", day.year, (day.month - 1) // 3 + 1)
    return Period("year", day.year, 1)


def china_today(now: datetime | None = None) -> date:
    """Today's date in Beijing time."""
    return (now or datetime.now(UTC)).astimezone(CHINA_TZ).date()


def china_midnight_utc(day: date) -> datetime:
    """Beijing midnight at the start of ``day``, as an aware UTC time."""
    return datetime.combine(day, time(0), CHINA_TZ).astimezone(UTC)


def current(kind: str = "month", now: datetime | None = None) -> Period:
    return period_containing(kind, china_today(now))


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_period(text: str, kind: str | None = None) -> Period:
    """Read ``2026-10``, ``2026-Q4`` or ``2026``; ``kind`` insists on one form (the CLI's)."""
    text = text.strip()
    forms = {"month": _MONTH, "quarter": _QUARTER, "year": _YEAR}
    examples = {"month": "2026-10", "quarter": "2026-Q4", "year": "2026"}
    for name, pattern in forms.items():
        if kind is not None and name != kind:
            continue
        match = pattern.match(text)
        if match:
            numbers = [int(g) for g in match.groups()]
            return Period(name, numbers[0], numbers[1] if len(numbers) > 1 else 1)
    if kind is not None:
        raise UserError(f"统计周期“{text}”的格式不对，应当像 {examples[kind]} 这样。")
    raise UserError(f"统计周期“{text}”的格式不对，应当像 2026-10、2026-Q4 或 2026 这样。")


def month_axis(months: list[Period]) -> tuple[tuple[str, ...], str]:
    """Short category names (month numbers) and an axis title naming the span, for trend charts."""
    if not months:
        return (), ""
    return tuple(str(m.number) for m in months), f"月份（{months[0].label}至{months[-1].label}）"
