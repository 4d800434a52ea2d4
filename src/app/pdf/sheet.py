"""A printed sheet as plain data: every text and line with its place in millimetres, worked out once.

Paper that must come out 1:1 (passbook pages, certificates on pre-printed paper, calibration pages)
is laid out here, in the app, as a :class:`Sheet`. Two renderers draw the same sheet: reportlab into
the PDF the preview shows and the CLI writes (:func:`write_pdf`), and QPainter onto the QPrinter in
the GUI (``yichao.ui.printing``). Neither decides a position: text is placed by its left end and
baseline (alignment is resolved here with the embedded font's own widths), so both put every line
in the same place.

Coordinates are millimetres from the sheet's top-left corner, y downwards, as a clerk measures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from yichao.app.pdf.document import Box, draw_image, draw_qr, new_canvas, rgb, text_width
from yichao.app.pdf.fonts import register_cjk_font

MM = 72 / 25.4  # points per millimetre
Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Text:
    """One line of text: ``x`` its left end, ``y`` its baseline. Spaced-out titles are one Text per
    character (renderers' letter spacing differs: Qt's is not reportlab's)."""

    x: float
    y: float
    text: str
    size: float  # points
    color: str = "#000000"


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.3  # points
    color: str = "#000000"
    dashed: bool = False


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    width: float = 0.3  # points
    color: str = "#000000"


@dataclass(frozen=True)
class Picture:
    """An image file scaled into the box keeping its proportions, centred (seals, logos)."""

    path: Path
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Code:
    """A QR code: a square of side ``side`` with its top-left corner at (x, y)."""

    payload: str
    x: float
    y: float
    side: float


Item = Text | Line | Rect | Picture | Code


@dataclass(frozen=True)
class Sheet:
    """One page of paper: its size and what is printed on it."""

    width_mm: float
    height_mm: float
    items: tuple[Item, ...] = field(default=())
    name: str = ""  # the paper's name for the print dialog, e.g. the passbook model

    @property
    def texts(self) -> list[Text]:
        return [i for i in self.items if isinstance(i, Text)]


def text_width_mm(text: str, size: float) -> float:
    """Width of ``text`` at ``size`` points in the embedded font, in millimetres."""
    return text_width(register_cjk_font(), text, size) / MM


def placed(text: str, x: float, y: float, size: float, align: Align = "left", width: float = 0.0,
           color: str = "#000000") -> Text:
    """A text whose ``x`` is its left end, right end (``right``) or centre (``center``); cut to
    ``width`` mm when given, so it never runs into the next column."""
    if width > 0:
        while text and text_width_mm(text, size) > width:
            text = text[:-1]
    w = text_width_mm(text, size)
    left = x - w if align == "right" else x - w / 2 if align == "center" else x
    return Text(left, y, text, size, color)


def write_pdf(path: Path, sheets: Sequence[Sheet], title: str = "", subject: str = "") -> Path:
    """Draw ``sheets`` into a PDF with reportlab, one page each at the sheet's own size."""
    if not sheets:
        raise ValueError("no sheets")
    canvas = new_canvas(path, (sheets[0].width_mm * MM, sheets[0].height_mm * MM), title, subject)
    for sheet in sheets:
        canvas.setPageSize((sheet.width_mm * MM, sheet.height_mm * MM))
        draw_sheet(canvas, sheet)
        canvas.showPage()
    canvas.save()
    return Path(path)


def draw_sheet(canvas: object, sheet: Sheet) -> None:
    """Every item of ``sheet`` on the current page of a reportlab canvas."""
    c = canvas
    font = register_cjk_font()
    h = sheet.height_mm

    def pt(x: float, y: float) -> tuple[float, float]:
        return x * MM, (h - y) * MM

    for item in sheet.items:
        if isinstance(item, Text):
            c.setFillColor(rgb(item.color))  # type: ignore[attr-defined]
            t = c.beginText()  # type: ignore[attr-defined]
            t.setFont(font, item.size)
            t.setTextOrigin(*pt(item.x, item.y))
            t.textOut(item.text)
            c.drawText(t)  # type: ignore[attr-defined]
        elif isinstance(item, Line):
            c.setStrokeColor(rgb(item.color))  # type: ignore[attr-defined]
            c.setLineWidth(item.width)  # type: ignore[attr-defined]
            c.setDash(*((2, 2) if item.dashed else ()))  # type: ignore[attr-defined]
            c.line(*pt(item.x1, item.y1), *pt(item.x2, item.y2))  # type: ignore[attr-defined]
            c.setDash()  # type: ignore[attr-defined]
        elif isinstance(item, Rect):
            c.setStrokeColor(rgb(item.color))  # type: ignore[attr-defined]
            c.setLineWidth(item.width)  # type: ignore[attr-defined]
            x, y = pt(item.x, item.y + item.h)
            c.rect(x, y, item.w * MM, item.h * MM, stroke=1, fill=0)  # type: ignore[attr-defined]
        elif isinstance(item, Picture):
            x, y = pt(item.x, item.y + item.h)
            draw_image(c, item.path, Box(x, y, item.w * MM, item.h * MM))
        elif isinstance(item, Code):
            x, y = pt(item.x, item.y + item.side)
            draw_qr(c, item.payload, x, y, item.side * MM)
