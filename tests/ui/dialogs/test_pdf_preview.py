"""The shared PDF preview: navigation, zoom, page-range printing through QPrinter, save as PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtPrintSupport import QPrinter

from yichao.ui.dialogs.pdf_preview import PdfPreviewDialog, pages_to_print, render_page


def _pdf(path: Path, pages: int) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    from yichao.app.pdf.fonts import register_cjk_font

    font = register_cjk_font()
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    for n in range(pages):
        c.setFont(font, 40)
        c.drawString(100, 300, f"第{n + 1}页")
        c.showPage()
    c.save()
    return path


@pytest.fixture
def dialog(qtbot, tmp_path):
    d = PdfPreviewDialog(_pdf(tmp_path / "doc.pdf", 3), "证书", None)
    qtbot.addWidget(d)
    d.show()
    return d


def test_navigation_and_zoom(dialog, qtbot):
    assert dialog.page_count == 3
    assert not dialog.prev_action.isEnabled()
    dialog.next_page()
    qtbot.waitUntil(lambda: dialog.current_page == 1)
    assert dialog.page_box.value() == 2
    dialog.page_box.setValue(3)
    qtbot.waitUntil(lambda: dialog.current_page == 2)
    assert not dialog.next_action.isEnabled()
    before = dialog.view.zoomFactor()
    dialog.zoom_in()
    assert dialog.view.zoomFactor() == pytest.approx(before * 1.25)


def test_render_page_is_opaque_white(dialog):
    image = render_page(dialog.document, 0, QSize(200, 140))
    assert not image.hasAlphaChannel()
    assert image.pixelColor(2, 2).name() == "#ffffff"
    dark = sum(1 for x in range(0, 200, 2) for y in range(0, 140, 2) if image.pixelColor(x, y).lightness() < 100)
    assert dark >= 5  # the text is there


def test_print_page_range_and_copies_to_a_pdf_printer(dialog, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setCopyCount(2)
    assert pages_to_print(printer, 3) == [1, 2]
    sent = dialog.print_to(printer)
    copies = 1 if printer.supportsMultipleCopies() else 2
    assert sent == 2 * copies
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {2 * copies}" in info
    assert "842 x 595" in info  # landscape pages stay landscape


def test_current_page_range(dialog):
    printer = QPrinter()
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert pages_to_print(printer, 3, current=1) == [1]
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    assert pages_to_print(printer, 3) == [0, 1, 2]


def test_save_as_copies_the_file(dialog, tmp_path):
    saved = dialog.save_as(str(tmp_path / "copy"))
    assert saved == tmp_path / "copy.pdf"
    assert saved.read_bytes() == dialog.pdf_path.read_bytes()


def test_a_custom_wide_page_is_not_turned_again(qtbot, tmp_path):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPageSize
    from reportlab.pdfgen import canvas as rl_canvas

    from yichao.ui.dialogs.pdf_preview import print_document

    mm = 72 / 25.4
    pdf = tmp_path / "wide.pdf"
    c = rl_canvas.Canvas(str(pdf), pagesize=(180 * mm, 125 * mm))
    c.drawString(20, 20, "x")
    c.showPage()
    c.save()
    d = PdfPreviewDialog(pdf, "passbook", None)
    qtbot.addWidget(d)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    printer.setPageSize(QPageSize(QSizeF(180, 125), QPageSize.Unit.Millimeter, "passbook"))
    printer.setFullPage(True)
    assert print_document(d.document, printer, [0]) == 1
    info = subprocess.run(["pdfinfo", str(tmp_path / "out.pdf")], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split(" x "))
    assert width == pytest.approx(180 * mm, abs=1.5) and height == pytest.approx(125 * mm, abs=1.5)
