"""Shared reportlab pieces for this module's documents: styles in the embedded CJK font, grid
tables, page numbers and atomic writing (a failed write leaves no half file).

reportlab is imported inside the functions (never at start-up, DESIGN.md section 8).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from yichao.app.core.errors import UserError
from yichao.app.core.file_ops import remove_quietly, replace_with_retry
from yichao.app.pdf.fonts import register_cjk_font


@lru_cache(maxsize=1)
def styles() -> dict[str, Any]:
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    font = register_cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=14, wordWrap="CJK")
    return {
        "font": font,
        "title": ParagraphStyle("title", parent=body, fontSize=17, leading=24, alignment=TA_CENTER, spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER, textColor=colors.HexColor("#444444")),
        "h2": ParagraphStyle("h2", parent=body, fontSize=12, leading=18, spaceBefore=10, spaceAfter=4),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=11, textColor=colors.HexColor("#444444")),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11),
        "warn": ParagraphStyle("warn", parent=body, fontSize=12, leading=18, alignment=TA_CENTER,
                               textColor=colors.HexColor("#c0392b")),
    }


def grid(rows: Sequence[Sequence[Any]], widths: Sequence[float] | None = None, header_rows: int = 1,
         align_right_from: int | None = None, spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = ()) -> Any:
    """A ruled table with a shaded header; long text cells should be Paragraphs."""
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    st = styles()
    table = Table([list(r) for r in rows], colWidths=widths, repeatRows=header_rows)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), st["font"]), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e8eef5")))
    commands += [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    commands += [("SPAN", a, b) for a, b in spans]
    if align_right_from is not None:
        commands.append(("ALIGN", (align_right_from, header_rows), (-1, -1), "RIGHT"))
    table.setStyle(TableStyle(commands))
    return table


def build(path: str | Path, story: list[Any], *, landscape_page: bool = False, title: str = "",
          mark: str = "") -> Path:
    """Write the story to ``path`` with page numbers (and a diagonal mark such as 暂定 if given)."""
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    path = Path(path)
    font = register_cjk_font()
    size = landscape(A4) if landscape_page else A4

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawCentredString(size[0] / 2, 10 * mm, f"第 {doc.page} 页")
        if mark:
            canvas.setFillColorRGB(0.85, 0.2, 0.2, alpha=0.15)
            canvas.setFont(font, 90)
            canvas.translate(size[0] / 2, size[1] / 2)
            canvas.rotate(30)
            canvas.drawCentredString(0, -30, mark)
        canvas.restoreState()

    tmp = path.with_name(path.name + ".part")
    doc = SimpleDocTemplate(str(tmp), pagesize=size, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=18 * mm, title=title, author="益巢 Yichao")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
        replace_with_retry(tmp, path)  # antivirus holds a file just written for a moment (Windows)
    except OSError as exc:
        remove_quietly(tmp)
        raise UserError(f"无法写入 {path}（{exc.strerror or exc}），文件可能正在被打开。") from exc
    except UserError as exc:  # still held after waiting: most often the same file open in a PDF viewer
        remove_quietly(tmp)
        raise UserError(f"{exc.message}如果 {path.name} 正在打开，请先关闭它。") from exc
    return path


def para(text: str, style: str = "cell") -> Any:
    """A wrapping cell; the text is escaped so '<' in a title cannot break the layout."""
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), styles()[style])


Para = Callable[[str], Any]
