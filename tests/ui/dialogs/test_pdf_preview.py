"""The shared PDF preview: navigation, zoom, page-range printing through QPrinter, save as PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtPrintSupport import QPrinter

from yichao.ui.dialogs.pdf_preview import MAX_PRINT_DPI, PdfPreviewDialog, page_target, pages_to_print, render_page


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


def _images(pdf: Path) -> list[dict[str, str]]:
    """`pdfimages -list`: one dict per image (width, height, x-ppi, ...)."""
    lines = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    header, _, *rows = lines.splitlines()
    names = header.split()
    return [dict(zip(names, row.split(), strict=False)) for row in rows]


def test_a_page_prints_at_its_own_size_and_the_image_is_never_scaled_to_the_device(dialog, tmp_path):
    """Issue 20: a 300 dpi page image scaled in memory to the printer's resolution cost 139 MB an A4
    page on a 600 dpi laser (557 MB on this 1200 dpi PDF printer); the printer scales it instead."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert printer.resolution() > MAX_PRINT_DPI
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert dialog.print_to(printer) == 1
    (image,) = _images(out)
    # landscape A4 (842 x 595 pt) at 300 dpi, covering the whole page: 300 pixels per inch of paper
    assert int(image["width"]) == round(842 * MAX_PRINT_DPI / 72)
    assert int(image["x-ppi"]) == pytest.approx(MAX_PRINT_DPI, abs=2)
    assert int(image["y-ppi"]) == pytest.approx(MAX_PRINT_DPI, abs=2)


def test_the_page_lands_at_one_to_one_from_the_papers_corner_or_shrinks_to_a_smaller_paper():
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize

    a4 = QSizeF(595, 842)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    k = printer.resolution() / 72
    target = page_target(printer, a4)
    assert (target.x(), target.y()) == (0, 0)
    assert target.width() == pytest.approx(595 * k) and target.height() == pytest.approx(842 * k)
    # a printer left with margins: the painter starts at the printable corner, the page at the paper's
    printer.setFullPage(False)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(10, 20, 10, 10), QPageLayout.Unit.Millimeter))
    target = page_target(printer, a4)
    assert target.x() == pytest.approx(-10 / 25.4 * printer.resolution(), abs=2)
    assert target.y() == pytest.approx(-20 / 25.4 * printer.resolution(), abs=2)
    assert target.width() == pytest.approx(595 * k)
    # US Letter is shorter than A4: the page shrinks to the paper's height, keeping its shape
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    target = page_target(printer, a4)
    assert target.height() == pytest.approx(792 * k, abs=2)
    assert target.width() / target.height() == pytest.approx(595 / 842, abs=1e-3)
