"""补登 goes to the printer at 1:1: the passbook's own paper, vector text, every line where the layout
and this PC's offset put it (checked with `pdftotext -bbox` on what the Qt printing path wrote)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from yichao.app.passbook import accounts as pb
from yichao.app.passbook.layout import load_layout
from yichao.app.passbook.printing import calibration_sheet, set_offset
from yichao.app.people.residents import PersonInput, create_person
from yichao.ui.printing import PrintFailed, paper_problem, print_sheets, sheet_printer

PT = 25.4 / 72  # mm per point
TOLERANCE = 0.5  # mm
OFFSET = (1.5, -0.8)


def words(pdf: Path) -> list[list[tuple[str, float, float, float]]]:
    """Per page: (word, xMin, xMax, yMax) in mm."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page")[1:]:
        pages.append([(w, float(a) * PT, float(c) * PT, float(d) * PT) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    return [(float(w) * PT, float(h) * PT) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def book(workspace):
    holder = create_person(workspace, PersonInput(name="刘芳", is_volunteer=True))
    row = pb.open_passbook(workspace, holder.uid)
    for n in range(22):  # a full page and two lines of the next, after its 承前页 line
        pb.deposit(workspace, row.number, 5 + n, f"服务{n + 1}")
    set_offset(workspace, *OFFSET)
    return row


def test_pending_lines_print_at_one_to_one_as_text_where_the_layout_puts_them(qtbot, workspace, book, tmp_path):
    from yichao.ui.pages.passbook.print_dialogs import PassbookPrintDialog

    dialog = PassbookPrintDialog(workspace, book.number)
    qtbot.addWidget(dialog)
    job = dialog.job
    assert job is not None and job.pages == (1, 2)
    out = tmp_path / "printed.pdf"
    assert dialog.print_to(pdf_printer(out)) == 2

    layout = load_layout("standard")
    for width, height in page_sizes(out):  # the passbook's own paper, not Letter or A4
        assert abs(width - layout.width_mm) < TOLERANCE and abs(height - layout.height_mm) < TOLERANCE
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2  # the header only: no page image
    assert out.stat().st_size < 100_000

    printed, previewed = words(out), words(job.path)
    assert [[w for w, *_ in page] for page in printed] == [[w for w, *_ in page] for page in previewed]
    assert "承前页" in [w for w, *_ in printed[1]] and "服务22" in [w for w, *_ in printed[1]]
    # the same place as the preview PDF (reportlab), word by word
    for qt_page, rl_page in zip(printed, previewed):
        for (word, x0, x1, y1), (_, r0, r1, ry1) in zip(qt_page, rl_page):
            assert abs(x0 - r0) < TOLERANCE and abs(x1 - r1) < TOLERANCE and abs(y1 - ry1) < TOLERANCE, word
    # and where the layout says: left columns by their left end, numbers by their right end, every
    # line on its baseline (yMax is the baseline plus the font's descent, the same for every word)
    dx, dy = OFFSET
    descent = []
    for page_words, sheet in zip(printed, job.sheets):
        for (word, x0, _x1, y1), text in zip(page_words, sheet.texts):
            assert word == text.text
            assert abs(x0 - text.x) < TOLERANCE, word
            descent.append(y1 - text.y)
    assert max(descent) - min(descent) < 0.1 and 0 < descent[0] < 0.35 * layout.font_size_pt * PT
    first_line = [w for w in printed[0] if w[0] == "服务1"][0]
    assert abs(first_line[1] - (layout.columns["summary"].x_mm + dx)) < TOLERANCE
    assert abs(first_line[3] - descent[0] - (layout.line_y_mm(1) + dy)) < TOLERANCE
    balance = [w for w in printed[0] if w[0] == str(sum(5 + n for n in range(20)))][0]
    assert abs(balance[2] - (layout.columns["balance"].x_mm + dx)) < TOLERANCE
    eleventh = [w for w in printed[0] if w[0] == "服务11"][0]  # below the centre fold
    assert abs(eleventh[3] - descent[0] - (layout.line_y_mm(11) + dy)) < TOLERANCE


def test_the_calibration_page_prints_its_crosses_where_it_says(qtbot, workspace, book, tmp_path):
    sheet = calibration_sheet(workspace, "standard")
    out = tmp_path / "calibration.pdf"
    print_sheets(pdf_printer(out), [sheet])
    (width, height), = page_sizes(out)
    assert abs(width - 180) < TOLERANCE and abs(height - 128) < TOLERANCE
    found = words(out)[0]
    dx, dy = OFFSET
    for name, (x, y) in {"A": (20, 20), "B": (160, 108)}.items():  # each cross's letter beside it
        assert any(w == name and abs(x0 - (x + dx + 1.2)) < TOLERANCE and y1 < y + dy for w, x0, _, y1 in found)
    assert "存折打印校准页" in [w for w, *_ in found]


def test_a_paper_that_cannot_hold_the_page_is_one_sentence(qtbot, workspace, book):
    from yichao.app.passbook.printing import print_pending

    job = print_pending(workspace, book.number, workspace.data_dir / "p.pdf")
    printer = sheet_printer(job.sheets[0])
    assert paper_problem(printer, job.sheets[0]) is None
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))  # what a clerk might leave in the dialog
    problem = paper_problem(printer, job.sheets[0])
    assert problem is not None and "放不下 180×128 毫米" in problem
    printer.setPageSize(QPageSize(QSizeF(210, 297), QPageSize.Unit.Millimeter))
    assert paper_problem(printer, job.sheets[0]) is None  # A4 holds a passbook page


def test_a_printer_that_does_not_start_is_one_sentence_and_nothing_is_marked(qtbot, workspace, book, tmp_path,
                                                                             monkeypatch):
    from yichao.ui.pages.passbook import print_dialogs

    shown: list[str] = []
    monkeypatch.setattr(print_dialogs, "show_error", lambda parent, message: shown.append(message))
    dialog = print_dialogs.PassbookPrintDialog(workspace, book.number)
    qtbot.addWidget(dialog)
    broken = pdf_printer(tmp_path / "no-such-folder" / "x.pdf")  # the printer cannot take the job
    assert dialog.print_to(broken) == 0
    assert len(shown) == 1 and "没有打印任何内容" in shown[0]
    assert pb.get_passbook(workspace, book.number).pending_lines == 22
    with pytest.raises(PrintFailed):
        print_sheets(broken, dialog.job.sheets)


def test_the_offset_is_entered_from_what_the_ruler_shows(qtbot, workspace, book):
    from yichao.app.passbook.printing import offset_of
    from yichao.ui.pages.passbook.print_dialogs import CalibrationDialog

    dialog = CalibrationDialog(workspace)
    qtbot.addWidget(dialog)
    # printed with the offset (1.5, -0.8), cross A landed 22.0 mm from the left and 18.5 mm from the top
    dialog.left.setValue(22.0)
    dialog.top.setValue(18.5)
    assert (dialog.dx.value(), dialog.dy.value()) == (-0.5, 0.7)
    dialog.save()
    assert offset_of(workspace) == (-0.5, 0.7)
