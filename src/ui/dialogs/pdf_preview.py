"""A reusable print preview for any PDF Yichao writes (certificates, passbooks, reports).

    PdfPreviewDialog(pdf_path, title, parent).exec()   # or .show() for a non-modal window

Pages are shown by QtPdf; printing goes through QPrintDialog / QPrinter, so the user chooses the
printer, the number of copies and a page range like in any Windows program. A document laid out as
sheets (certificates, passbooks) prints as vector text at 1:1 (``yichao.ui.printing``); any other PDF
page is rendered at up to 300 dpi, painted onto white (``QPdfDocument.render`` returns a transparent
image, DESIGN.md section 8) and placed at its own size on the paper, the printer scaling the image (an
A4 page scaled in memory to a 600 dpi laser would cost 139 MB). "Save as PDF" copies the file.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from yichao.app.pdf import Sheet
from yichao.ui.icons import icon
from yichao.ui.printing import PrintFailed, paper_problem, print_sheets, sheet_printer

MAX_PRINT_DPI = 300  # enough for text on paper; the printer scales the image, never a copy in memory
ZOOM_STEP = 1.25


def render_page(document: QPdfDocument, index: int, size: QSize) -> QImage:
    """Page ``index`` as an opaque image of ``size`` pixels: the PDF painted onto white."""
    rendered = document.render(index, size, QPdfDocumentRenderOptions())
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def pages_to_print(printer: QPrinter, page_count: int, current: int = 0) -> list[int]:
    """Zero-based page indexes the print dialog asked for (all, a range, or the current page)."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(page_count, printer.toPage() or page_count)
        return list(range(first - 1, last))
    if mode == QPrinter.PrintRange.CurrentPage:
        return [min(max(current, 0), page_count - 1)] if page_count else []
    return list(range(page_count))


def print_document(document: QPdfDocument, printer: QPrinter, pages: list[int]) -> int:
    """Send ``pages`` to ``printer`` at their own size (shrunk only when the paper is smaller);
    returns sheets printed.

    Copies are left to the driver when it can make them; otherwise the pages are sent again.
    """
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if not pages:
        return 0
    _orient(printer, document.pagePointSize(pages[0]))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for copy in range(copies):
            for n, index in enumerate(pages):
                if copy or n:
                    _orient(printer, document.pagePointSize(index))
                    printer.newPage()
                points = document.pagePointSize(index)
                dpi = min(printer.resolution(), MAX_PRINT_DPI)
                pixels = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
                painter.save()
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                # the image keeps its pixels; the printer (or its driver) scales it to the target
                painter.drawImage(page_target(printer, points), render_page(document, index, pixels))
                painter.restore()
                printed += 1
    finally:
        painter.end()
    return printed


def page_target(printer: QPrinter, points: QSizeF) -> QRectF:
    """Where a PDF page of ``points`` lands, in the painter's device pixels: from the paper's
    top-left corner at 1:1, or shrunk to the paper (keeping its shape) when the paper is smaller."""
    scale = printer.resolution() / 72
    size = QSizeF(points.width() * scale, points.height() * scale)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    # without "full page" the painter's origin is the printable area's corner, not the paper's
    origin = QPointF(0, 0) if printer.fullPage() else -printer.pageRect(QPrinter.Unit.DevicePixel).topLeft()
    slack = scale  # a point of rounding between the PDF's size and the paper's
    if size.width() > paper.width() + slack or size.height() > paper.height() + slack:
        size = size.scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRectF(origin, size)


def _orient(printer: QPrinter, points: QSizeF) -> None:
    """Turn the sheet only when its shape disagrees with the PDF page's (a custom passbook page that
    is already wider than tall must not be turned again, or it would print scaled)."""
    sheet = printer.pageLayout().fullRectPoints()
    if (sheet.width() > sheet.height()) == (points.width() > points.height()):
        return
    turned = (
        QPageLayout.Orientation.Portrait
        if printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
        else QPageLayout.Orientation.Landscape
    )
    printer.setPageOrientation(turned)


class PdfPreviewDialog(QDialog):
    """Preview a PDF with page navigation and zoom; print it or save a copy."""

    def __init__(self, pdf_path: Path, title: str = "", parent: QWidget | None = None,
                 sheets: Callable[[], Sequence[Sheet]] | None = None) -> None:
        """``sheets``: the document's pages laid out for 1:1 printing (certificates); printing then
        sends them as vector pages at their own paper size instead of page images fitted to the paper."""
        super().__init__(parent)
        self.sheets = sheets
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(title or self.pdf_path.name)
        self.resize(980, 760)
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf_path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setStyleSheet("background: #6d6d6d;")
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self._page_changed(0)

    # -- toolbar ----------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.print_action = bar.addAction(icon("print"), self.tr("Print..."), self.print_dialog)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.save_action = bar.addAction(icon("save"), self.tr("Save as PDF..."), self.save_as)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        bar.addSeparator()
        self.prev_action = bar.addAction(icon("previous"), self.tr("Previous page"), self.previous_page)
        self.prev_action.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.page_box = QSpinBox(self)
        self.page_box.setRange(1, max(1, self.page_count))
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        bar.addWidget(self.page_box)
        self.page_label = QLabel(" / %1 ".replace("%1", str(self.page_count)), self)
        bar.addWidget(self.page_label)
        self.next_action = bar.addAction(icon("next"), self.tr("Next page"), self.next_page)
        self.next_action.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        bar.addSeparator()
        self.zoom_out_action = bar.addAction(icon("zoom-out"), self.tr("Zoom out"), self.zoom_out)
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_action = bar.addAction(icon("zoom-in"), self.tr("Zoom in"), self.zoom_in)
        self.zoom_in_action.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.fit_action = bar.addAction(icon("fit"), self.tr("Whole page"), self.fit_page)
        self.fit_width_action = bar.addAction(icon("fit-width"), self.tr("Page width"), self.fit_width)
        self.toolbar = bar

    # -- navigation and zoom ----------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, index: int) -> None:
        if 0 <= index < self.page_count and index != self.current_page:
            self.view.pageNavigator().jump(index, QPointF(), self.view.zoomFactor())

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def _page_changed(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self.prev_action.setEnabled(index > 0)
        self.next_action.setEnabled(index + 1 < self.page_count)

    def zoom_in(self) -> None:
        self._zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(self.view.zoomFactor() / ZOOM_STEP)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(8.0, max(0.1, factor)))

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # -- output -----------------------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # certificates are laid out to the sheet's edge, not the margins
        return printer

    def print_dialog(self) -> int:
        """Ask for printer, copies and pages, then print; returns the sheets sent."""
        laid_out = self.sheets() if self.sheets is not None else None
        printer = sheet_printer(laid_out[0], self.windowTitle()) if laid_out else self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", self.windowTitle()))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
        dialog.setMinMax(1, max(1, self.page_count))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return self.print_to(printer, laid_out)

    def print_to(self, printer: QPrinter, laid_out: Sequence[Sheet] | None = None) -> int:
        """Print the chosen pages: laid-out sheets at 1:1 when the document has them."""
        pages = pages_to_print(printer, self.page_count, self.current_page)
        if laid_out is None and self.sheets is not None:
            laid_out = self.sheets()
        if laid_out:
            chosen = [laid_out[i] for i in pages if i < len(laid_out)]
            problem = paper_problem(printer, chosen[0]) if chosen else None
            if problem:
                QMessageBox.warning(self, self.windowTitle(), problem)
                return 0
            copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
            try:
                return print_sheets(printer, chosen * copies)
            except PrintFailed as exc:
                QMessageBox.warning(self, self.windowTitle(), exc.message)
                return 0
        printed = print_document(self.document, printer, pages)
        if pages and not printed:
            QMessageBox.warning(self, self.windowTitle(), self.tr("The printer could not be started."))
        return printed

    def save_as(self, target: str | None = None) -> Path | None:
        """Copy the PDF where the user says; returns the new path, or None when cancelled."""
        if target is None:
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), str(Path.home() / self.pdf_path.name), self.tr("PDF files (*.pdf)"))
        if not target:
            return None
        path = Path(target)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        if path.resolve() != self.pdf_path.resolve():
            try:
                shutil.copyfile(self.pdf_path, path)
            except OSError as exc:
                QMessageBox.warning(self, self.windowTitle(),
                                    self.tr("Could not save the file: %1").replace("%1", str(exc.strerror or exc)))
                return None
        return path

    def closeEvent(self, event) -> None:
        self.document.close()  # release the file so Windows lets it be deleted
        super().closeEvent(event)
