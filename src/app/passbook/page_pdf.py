"""Drawing passbook lines and the calibration page with reportlab (embedded CJK font).

One PDF page per passbook page. Positions come from the layout profile plus this PC's calibration
offset (settings ``passbook_offset_x_mm`` / ``passbook_offset_y_mm``); nothing else is printed, because
the passbook's own rulings and headings are already on the paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Sequence

from yichao.app.passbook.layout import COLUMNS, PassbookLayout
from yichao.app.pdf.fonts import register_cjk_font

MM = 72 / 25.4


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


def _fit(canvas, text: str, font: str, size: float, width_mm: float) -> str:  # type: ignore[no-untyped-def]
    """Cut text that would run into the next column (a summary is never wrapped onto a line)."""
    limit = width_mm * MM
    while text and canvas.stringWidth(text, font, size) > limit:
        text = text[:-1]
    return text


def _cells(pl: PrintLine) -> dict[str, str]:
    return {
        "date": pl.on.strftime("%Y-%m-%d") if pl.on else "",
        "summary": pl.summary,
        "in": str(pl.points_in) if pl.points_in else "",
        "out": str(pl.points_out) if pl.points_out else "",
        "balance": str(pl.balance),
        "operator": pl.operator,
    }


def _draw_text(c, layout: PassbookLayout, key: str, text: str, y_mm: float, dx: float, dy: float,  # type: ignore[no-untyped-def]
               font: str) -> None:
    col = layout.columns[key]
    size = layout.font_size_pt
    text = _fit(c, text, font, size, col.width_mm)
    x = (layout.origin_x_mm + col.x_mm + dx) * MM
    y_pt = (layout.height_mm - (layout.origin_y_mm + y_mm + dy)) * MM
    if col.align == "right":
        c.drawRightString(x, y_pt, text)
    else:
        c.drawString(x, y_pt, text)


def write_lines_pdf(path: Path, layout: PassbookLayout, lines: Sequence[PrintLine], offset_mm: tuple[float, float],
                    title: str = "") -> list[int]:
    """Write the lines, one PDF page per passbook page; returns the passbook page numbers in order."""
    from reportlab.pdfgen.canvas import Canvas

    font = register_cjk_font()
    c = Canvas(str(path), pagesize=(layout.width_mm * MM, layout.height_mm * MM), pageCompression=1)
    c.setTitle(title or "爱心存折补登")
    c.setCreator("益巢 Yichao")
    pages: list[int] = []
    for page in sorted({pl.page for pl in lines}):
        pages.append(page)
        c.setFont(font, layout.font_size_pt)
        for pl in (x for x in lines if x.page == page):
            y = layout.line_y_mm(pl.line)
            for key, text in _cells(pl).items():
                if text:
                    _draw_text(c, layout, key, text, y, offset_mm[0], offset_mm[1], font)
        c.showPage()
    c.save()
    return pages


def write_calibration_pdf(path: Path, layout: PassbookLayout, offset_mm: tuple[float, float]) -> None:
    """A page to print on a spare passbook: every line numbered, a tick at every column position.

    The operator measures how far the marks sit from the printed rulings and enters that as this
    PC's offset.
    """
    from reportlab.pdfgen.canvas import Canvas

    font = register_cjk_font()
    c = Canvas(str(path), pagesize=(layout.width_mm * MM, layout.height_mm * MM))
    c.setTitle("存折打印校准页")
    c.setFont(font, layout.font_size_pt)
    dx, dy = offset_mm
    ox, oy = layout.origin_x_mm + dx, layout.origin_y_mm + dy
    h = layout.height_mm
    c.setLineWidth(0.3)
    c.rect(ox * MM, (h - oy - layout.line_y_mm(layout.lines_per_page) - 4) * MM,
           (layout.columns["operator"].x_mm + layout.columns["operator"].width_mm) * MM,
           (layout.line_y_mm(layout.lines_per_page) + 4) * MM)
    for line in range(1, layout.lines_per_page + 1):
        y = (h - oy - layout.line_y_mm(line)) * MM
        c.drawString((ox + 1) * MM, y, f"{line:02d}")
        for key in COLUMNS:
            x = (ox + layout.columns[key].x_mm) * MM
            c.line(x, y - 1, x, y + 2 * MM)
    top = (h - oy - layout.first_line_mm + 6) * MM
    c.drawString((ox + 12) * MM, top, f"校准页 {layout.label}  偏移 右{dx:+.1f}mm 下{dy:+.1f}mm")
    if layout.fold_after_line:
        fold_y = (h - oy - layout.line_y_mm(layout.fold_after_line) - layout.fold_gap_mm / 2 - layout.line_pitch_mm / 2) * MM
        c.setDash(2, 2)
        c.line(ox * MM, fold_y, (ox + layout.width_mm - 10) * MM, fold_y)
        c.drawString((ox + 60) * MM, fold_y + 2, "中缝")
    c.showPage()
    c.save()
