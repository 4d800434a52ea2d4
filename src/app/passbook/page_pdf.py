"""Passbook lines and the calibration page as sheets (:mod:`yichao.app.pdf.sheet`), and their PDFs.

One sheet per passbook page. Positions come from the layout profile plus this PC's calibration
offset (settings ``passbook_offset_x_mm`` / ``passbook_offset_y_mm``); nothing else is printed, because
the passbook's own rulings and headings are already on the paper. The same sheets go to the PDF
(preview, CLI) and, in the GUI, straight to the printer at 1:1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from yichao.app.passbook.layout import COLUMNS, PassbookLayout
from yichao.app.pdf.calibration import calibration_sheet
from yichao.app.pdf.sheet import Item, Line, Sheet, Text, placed, write_pdf


@dataclass(frozen=True)
class PrintLine:
    """The text of one line, ready to draw."""

    page: int
    line: int
    on: date | None
    summary: str
    points_in: int | None
    points_out: int | None
    balance: int
    operator: str


def _cells(pl: PrintLine) -> dict[str, str]:
    return {
        "date": pl.on.strftime("%Y-%m-%d") if pl.on else "",
        "summary": pl.summary,
        "in": str(pl.points_in) if pl.points_in else "",
        "out": str(pl.points_out) if pl.points_out else "",
        "balance": str(pl.balance),
        "operator": pl.operator,
    }


def _sheet(layout: PassbookLayout, items: Sequence[Item]) -> Sheet:
    return Sheet(layout.width_mm, layout.height_mm, tuple(items), layout.label)


def line_sheets(layout: PassbookLayout, lines: Sequence[PrintLine], offset_mm: tuple[float, float]) -> list[Sheet]:
    """One sheet per passbook page the lines fall on, in page order; each cell cut to its column."""
    dx, dy = offset_mm
    sheets: list[Sheet] = []
    for page in sorted({pl.page for pl in lines}):
        items: list[Item] = []
        for pl in (x for x in lines if x.page == page):
            y = layout.origin_y_mm + layout.line_y_mm(pl.line) + dy
            for key, text in _cells(pl).items():
                if text:
                    col = layout.columns[key]
                    items.append(placed(text, layout.origin_x_mm + col.x_mm + dx, y, layout.font_size_pt,
                                        "right" if col.align == "right" else "left", col.width_mm))
        sheets.append(_sheet(layout, items))
    return sheets


def write_lines_pdf(path: Path, layout: PassbookLayout, lines: Sequence[PrintLine], offset_mm: tuple[float, float],
                    title: str = "") -> list[int]:
    """Write the lines, one PDF page per passbook page; returns the passbook page numbers in order."""
    write_pdf(Path(path), line_sheets(layout, lines, offset_mm), title or "爱心存折补登")
    return sorted({pl.page for pl in lines})


def passbook_calibration_sheet(layout: PassbookLayout, offset_mm: tuple[float, float]) -> Sheet:
    """The calibration page on the passbook's paper: the ruler grid and crosses, and every line
    numbered with a tick at each column, to hold against a spare passbook's rulings."""
    dx, dy = offset_mm
    ox, oy = layout.origin_x_mm + dx, layout.origin_y_mm + dy
    marks: list[Item] = []
    for line in range(1, layout.lines_per_page + 1):
        y = oy + layout.line_y_mm(line)
        marks.append(Text(ox + 1, y, f"{line:02d}", layout.font_size_pt, "#404040"))
        for key in COLUMNS:
            x = ox + layout.columns[key].x_mm
            marks.append(Line(x, y + 0.35, x, y - 2, 0.3))
    if layout.fold_after_line:
        fold = oy + layout.line_y_mm(layout.fold_after_line) + (layout.fold_gap_mm + layout.line_pitch_mm) / 2
        marks.append(Line(ox, fold, ox + layout.width_mm - 10, fold, 0.3, dashed=True))
        marks.append(Text(ox + 60, fold - 0.8, "中缝", layout.font_size_pt))
    return calibration_sheet(layout.width_mm, layout.height_mm, offset_mm, f"存折打印校准页  {layout.label}",
                             tuple(marks), layout.label)


def write_calibration_pdf(path: Path, layout: PassbookLayout, offset_mm: tuple[float, float]) -> None:
    write_pdf(Path(path), [passbook_calibration_sheet(layout, offset_mm)], "存折打印校准页")
