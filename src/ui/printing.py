"""Sheets to the printer at 1:1: vector text and lines drawn with QPainter on a QPrinter.

The app lays a page out once (:class:`yichao.app.pdf.Sheet`, millimetres from the top-left);
reportlab draws it into the preview PDF and this module draws the same items on the printer, so the
ink lands where the PDF shows it. Never a page image, never "fit to page": the printer's page is the
sheet's own size (a custom size for a passbook), full page, no margins. The calibration offset is
already in the sheet.

    printer = sheet_printer(sheets[0])
    if QPrintDialog(printer, parent).exec():
        problem = paper_problem(printer, sheets[0])   # one sentence, or None
        print_sheets(printer, sheets)                 # raises PrintFailed with one sentence
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QImage, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from yichao.app.pdf import Code, Line, Picture, Rect, Sheet, Text, qr_matrix
from yichao.resources import CJK_FONT_PATH

TOLERANCE_MM = 0.5


class PrintFailed(Exception):
    """The printer could not take the job; ``message`` is one Chinese sentence. Nothing was printed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@lru_cache(maxsize=1)
def _family() -> str:
    """The shipped CJK font's family (registered again if the application has not yet)."""
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT_PATH))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else QFont().family()


def page_size(sheet: Sheet) -> QPageSize:
    """The sheet's paper: a standard size when it is one (A4), else a custom size named after it."""
    size = QSizeF(sheet.width_mm, sheet.height_mm)
    standard = QPageSize(size, QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyOrientationMatch)
    if standard.id() != QPageSize.PageSizeId.Custom:
        return standard
    return QPageSize(size, QPageSize.Unit.Millimeter, sheet.name or f"{sheet.width_mm:g}×{sheet.height_mm:g} mm",
                     QPageSize.SizeMatchPolicy.ExactMatch)


def _orientation(size: QPageSize, sheet: Sheet) -> QPageLayout.Orientation:
    """Turned only when the paper's own shape disagrees with the sheet's (A4 for a landscape
    certificate); a custom size is already the sheet's shape and must not be turned again."""
    paper = size.size(QPageSize.Unit.Millimeter)
    turned = (paper.width() > paper.height()) != (sheet.width_mm > sheet.height_mm)
    return QPageLayout.Orientation.Landscape if turned else QPageLayout.Orientation.Portrait


def set_paper(printer: QPrinter, sheet: Sheet) -> bool:
    """Put the sheet's paper in ``printer``: full page, no margins, turned the sheet's way."""
    size = page_size(sheet)
    printer.setFullPage(True)
    layout = QPageLayout(size, _orientation(size, sheet), QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.FullPageMode)
    return printer.setPageLayout(layout)


def sheet_printer(sheet: Sheet, name: str = "") -> QPrinter:
    """A printer set up for the sheet, so the print dialog opens on the right paper."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name:
        printer.setDocName(name)
    set_paper(printer, sheet)
    return printer


def _held(printer: QPrinter) -> tuple[float, float]:
    full = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    return full.width(), full.height()


def paper_problem(printer: QPrinter, sheet: Sheet) -> str | None:
    """One sentence when the chosen printer or paper cannot take the sheet at 1:1, else None."""
    name = printer.printerName() or "所选打印机"
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
        info = QPrinterInfo.printerInfo(printer.printerName())
        if not info.isNull():
            if info.state() == QPrinter.PrinterState.Error:
                return f"打印机“{name}”现在不能打印（可能未开机、脱机或缺纸），没有打印任何内容。"
            fits = any(_holds(s.size(QPageSize.Unit.Millimeter), sheet) for s in info.supportedPageSizes())
            if not fits and not info.supportsCustomPageSizes():
                return (f"打印机“{name}”没有能放下 {sheet.width_mm:g}×{sheet.height_mm:g} 毫米页面的纸张，"
                        "请在打印机属性里添加这个自定义纸张，或换一台打印机。")
    width, height = _held(printer)
    if not _holds(QSizeF(width, height), sheet):
        return (f"所选纸张是 {width:.0f}×{height:.0f} 毫米，放不下 {sheet.width_mm:g}×{sheet.height_mm:g} 毫米的页面，"
                "请选择这个尺寸的纸张（不要缩放）。")
    return None


def _holds(size: QSizeF, sheet: Sheet) -> bool:
    w, h = size.width(), size.height()
    need_w, need_h = sheet.width_mm - TOLERANCE_MM, sheet.height_mm - TOLERANCE_MM
    return (w >= need_w and h >= need_h) or (h >= need_w and w >= need_h)


def print_sheets(printer: QPrinter, sheets: Sequence[Sheet]) -> int:
    """Draw ``sheets`` on ``printer``, one page each at 1:1; returns the pages sent.

    Raises :class:`PrintFailed` (one sentence) when the printer cannot take the job.
    """
    if not sheets:
        return 0
    name = printer.printerName() or printer.outputFileName() or "打印机"
    set_paper(printer, sheets[0])
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(f"打印机“{name}”没有响应（可能未开机、脱机或缺纸），没有打印任何内容。")
    try:
        for n, sheet in enumerate(sheets):
            if n:
                set_paper(printer, sheet)
                if not printer.newPage():
                    raise PrintFailed(f"打印机“{name}”在第 {n + 1} 页停下了（可能缺纸），请检查打印机。")
            paint_sheet(painter, sheet, printer.resolution())
    finally:
        painter.end()
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintFailed(f"打印机“{name}”报告出错（可能缺纸或卡纸），请检查打印机后重新打印。")
    return len(sheets)


def paint_sheet(painter: QPainter, sheet: Sheet, dpi: int) -> None:
    """Every item of the sheet, millimetres turned into device pixels at ``dpi``."""
    k = dpi / 25.4  # pixels per mm
    pt = dpi / 72.0  # pixels per point
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for item in sheet.items:
        if isinstance(item, Text):
            font = QFont(_family())
            font.setPointSizeF(item.size)
            font.setKerning(False)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            painter.setFont(font)
            painter.setPen(QColor(item.color))
            painter.drawText(QPointF(item.x * k, item.y * k), item.text)
        elif isinstance(item, Line):
            painter.setPen(_pen(item.color, item.width * pt, item.dashed))
            painter.drawLine(QPointF(item.x1 * k, item.y1 * k), QPointF(item.x2 * k, item.y2 * k))
        elif isinstance(item, Rect):
            painter.setPen(_pen(item.color, item.width * pt))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(item.x * k, item.y * k, item.w * k, item.h * k))
        elif isinstance(item, Picture):
            image = QImage(str(item.path))
            if not image.isNull():
                box = QRectF(item.x * k, item.y * k, item.w * k, item.h * k)
                fitted = QSizeF(image.size()).scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRectF(box.center().x() - fitted.width() / 2, box.center().y() - fitted.height() / 2,
                                fitted.width(), fitted.height())
                painter.drawImage(target, image)
        elif isinstance(item, Code):
            _paint_qr(painter, item, k)
    painter.restore()


def _pen(color: str, width: float, dashed: bool = False) -> QPen:
    pen = QPen(QColor(color))
    pen.setWidthF(width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _paint_qr(painter: QPainter, code: Code, k: float) -> None:
    """The QR symbol as filled squares (vector, like the PDF's stencil)."""
    matrix = qr_matrix(code.payload)
    n = len(matrix)
    cell = code.side * k / n
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor("#000000")))
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                painter.drawRect(QRectF(code.x * k + c * cell, code.y * k + r * cell, cell, cell))
