"""The report model: tables and chart series that every renderer draws from.

The dashboard, the PDF and the XLSX all render one :class:`Report` (or, for the dashboard, the
same figure functions), so the numbers they show can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from yichao.app.stats.period import Period

# Column formats: text, int (counts), points, money (yuan, 2 decimals), days and hours (1 decimal), pct;
# "row" takes the row's format from the table's ``row_formats`` (tables of mixed figures).
NUMBER_FORMATS = {"int": "#,##0", "points": "#,##0", "money": "#,##0.00", "days": "0.0",
                  "hours": "#,##0.0", "pct": "0.0%"}


@dataclass(frozen=True)
class Column:
    title: str
    fmt: str = "text"
    width: int = 12  # in characters; a CJK character counts as two


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    note: str = ""
    row_formats: tuple[str, ...] = ()

    def fmt(self, row: int, col: int) -> str:
        """The format of one cell."""
        fmt = self.columns[col].fmt
        return self.row_formats[row] if fmt == "row" else fmt

    def column(self, title: str) -> list[Any]:
        """The values of one column (tests and charts read tables by title)."""
        index = [c.title for c in self.columns].index(title)
        return [row[index] for row in self.rows]

    def row(self, first: str) -> tuple[Any, ...]:
        """The row whose first cell is ``first``."""
        return next(r for r in self.rows if r[0] == first)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    kind: str  # "bar" | "line"
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""
    axis_title: str = ""


@dataclass(frozen=True)
class Report:
    title: str
    site_name: str
    site_code: str
    period: Period
    generated_at: datetime
    tables: tuple[Table, ...]
    charts: tuple[Chart, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())
    prepared_by: str = ""  # 制表人: who made the report

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    @property
    def subtitle(self) -> str:
        local = self.generated_at.astimezone()
        return f"{self.site_name}（{self.site_code}） · {self.period.label} · 生成于 {local:%Y-%m-%d %H:%M}"


    @property
    def signature_line(self) -> str:
        """制表人 / 审核人 / 日期, as a district expects under a report (审核人 signs by hand)."""
        local = self.generated_at.astimezone()
        return (f"制表人：{self.prepared_by or '＿＿＿＿＿＿'}　　　审核人：＿＿＿＿＿＿　　　"
                f"日期：{local.year}年{local.month}月{local.day}日")


def display_width(text: str) -> int:
    """Characters as a spreadsheet counts column width: CJK characters take two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def format_number(value: Any, fmt: str) -> str:
    """How a cell reads in the PDF and on screen (the XLSX keeps the number and a format)."""
    if value is None:
        return "—"
    if fmt in ("int", "points"):
        return f"{int(round(value)):,}"
    if fmt == "money":
        return f"{float(value):,.2f}"
    if fmt == "days":
        return f"{float(value):.1f}"
    if fmt == "hours":
        return f"{float(value):,.1f}"
    if fmt == "pct":
        return f"{float(value) * 100:.1f}%"
    return str(value)
