"""Passbook layout profiles and line placement (补登), as pure functions the tests can hammer.

A profile (``resources/layouts/passbook_<name>.json``) describes one passbook model: page size, lines
per page, where the first line sits, the line pitch, the jump across the centre fold (中缝) and the
column positions. :func:`place` puts pending entries on the next free lines: one entry per line, no
line skipped; a full page continues on the next one, which opens with a 承前页 line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from yichao.app.core.errors import UserError
from yichao.resources import LAYOUTS_DIR

COLUMNS = ("date", "summary", "in", "out", "balance", "operator")


@dataclass(frozen=True)
class ColumnSpec:
    x_mm: float
    align: str  # left | right (x is the right edge)
    width_mm: float


@dataclass(frozen=True)
class PassbookLayout:
    name: str
    label: str
    width_mm: float
    height_mm: float
    origin_x_mm: float  # where the passbook's corner sits on the sheet (A4 template: inside the frame)
    origin_y_mm: float
    lines_per_page: int
    first_line_mm: float
    line_pitch_mm: float
    fold_after_line: int  # 0: no fold
    fold_gap_mm: float
    font_size_pt: float
    columns: dict[str, ColumnSpec]

    def line_y_mm(self, line: int) -> float:
        """Distance of a line's baseline from the top of the passbook page."""
        y = self.first_line_mm + (line - 1) * self.line_pitch_mm
        if self.fold_after_line and line > self.fold_after_line:
            y += self.fold_gap_mm
        return y


def _layout_from(data: dict[str, Any]) -> PassbookLayout:
    try:
        columns = {key: ColumnSpec(float(c["x_mm"]), c.get("align", "left"), float(c.get("width_mm", 20)))
                   for key, c in data["columns"].items()}
        fold = data.get("fold") or {}
        layout = PassbookLayout(
            str(data["name"]), str(data.get("label", data["name"])), float(data["page"]["width_mm"]),
            float(data["page"]["height_mm"]), float(data.get("origin_mm", {}).get("x", 0)),
            float(data.get("origin_mm", {}).get("y", 0)), int(data["lines_per_page"]),
            float(data["first_line_mm"]), float(data["line_pitch_mm"]), int(fold.get("after_line", 0)),
            float(fold.get("gap_mm", 0)), float(data.get("font_size_pt", 8)), columns,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError(f"存折版式文件不完整：缺少或写错了 {exc}。") from exc
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        raise UserError(f"存折版式 {layout.name} 缺少栏目：{'、'.join(missing)}。")
    if layout.lines_per_page < 2:
        raise UserError("存折版式每页至少要有 2 行。")
    return layout


@cache
def load_layout(name: str = "standard") -> PassbookLayout:
    path = LAYOUTS_DIR / f"passbook_{name}.json"
    if not path.exists():
        raise UserError(f"找不到存折版式“{name}”。")
    return _layout_from(json.loads(path.read_text(encoding="utf-8")))


def layout_names() -> list[str]:
    return sorted(p.stem.removeprefix("passbook_") for p in LAYOUTS_DIR.glob("passbook_*.json"))


@dataclass(frozen=True)
class Placement:
    """One printed line: an entry (``entry_index`` into the pending list) or a 承前页 line (-1)."""

    page: int
    line: int
    entry_index: int
    carried_balance: int = 0

    @property
    def is_carry(self) -> bool:
        return self.entry_index < 0


def place(balances_before: Sequence[int], next_page: int, next_line: int,
          lines_per_page: int) -> tuple[list[Placement], tuple[int, int]]:
    """Lines for pending entries, given each entry's balance before it; returns the next free line.

    Starts at the passbook's next free line. When a page is full the next entry goes to line 2 of a
    new page whose line 1 carries the balance brought forward (承前页).
    """
    if lines_per_page < 2:
        raise UserError("存折版式每页至少要有 2 行。")
    page, line = max(1, next_page), max(1, next_line)
    placements: list[Placement] = []
    for index, before in enumerate(balances_before):
        if line > lines_per_page:
            page, line = page + 1, 1
            placements.append(Placement(page, line, -1, before))
            line += 1
        placements.append(Placement(page, line, index))
        line += 1
    return placements, (page, line)
